//! Weights of FRAME pallets measured in this runtime (`scripts/benchmark-weights.sh`), where
//! Medchain's hooks change them: setting the timestamp also retargets the PoW difficulty.

pub mod pallet_timestamp;
