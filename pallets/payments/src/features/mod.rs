//! The calls' logic, the overdue hook, the runtime API's views and the invariants.

mod adjudication;
mod claims;
mod lookup;
mod settlement;
mod try_state;
