//! The pallet's logic, called by the thin dispatchables in `lib.rs`.

mod lookup;
mod organizations;
mod patients;
pub mod sponsorship;
#[cfg(any(test, feature = "try-runtime"))]
mod try_state;
