//! The pallet's logic, called by the thin dispatchables in `lib.rs`.

mod lookup;
mod miners;
#[cfg(any(test, feature = "try-runtime"))]
mod try_state;
mod voters;
