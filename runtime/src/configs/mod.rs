//! The pallets' configurations, split by domain.

pub mod admission;
pub mod consensus;
pub mod governance;
pub mod medical;
pub mod peers;
pub mod sponsorship;
pub mod system;

pub use consensus::*;
pub use governance::*;
pub use peers::*;
pub use system::*;
