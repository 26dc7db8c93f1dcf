//! The pallets' configurations, split by domain.

pub mod admission;
pub mod consensus;
pub mod governance;
pub mod medical;
pub mod system;

pub use consensus::*;
pub use governance::*;
pub use system::*;
