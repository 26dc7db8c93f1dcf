//! The pallet's logic, called by the thin dispatchables in `lib.rs`.

mod anchor;
mod lookup;
#[cfg(any(test, feature = "try-runtime"))]
mod try_state;
