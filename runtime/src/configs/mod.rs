//! The pallets' configurations, split by domain.

pub mod consensus;
pub mod medical;
pub mod system;

pub use consensus::*;
pub use system::*;
