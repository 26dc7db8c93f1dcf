//! Weights measured in this runtime (`scripts/benchmark-weights.sh`):
//! - the base weights of a block and of an extrinsic (`benchmark overhead`);
//! - FRAME pallets where Medchain's hooks change them: setting the timestamp also retargets the
//!   PoW difficulty;
//! - FRAME pallets measured on this runtime: `pallet_parameters` (the fee parameters).

pub mod block_weights;
pub mod extrinsic_weights;
pub mod pallet_parameters;
pub mod pallet_timestamp;
