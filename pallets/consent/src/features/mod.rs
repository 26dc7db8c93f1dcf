//! The calls' logic, the consent check other pallets use, the runtime API's views and the
//! invariants.

mod access;
mod erasure;
mod grants;
pub mod lookup;
mod requests;
mod try_state;
