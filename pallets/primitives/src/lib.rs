//! # Medchain primitives
//!
//! What every Medchain crate agrees on, and only that:
//!
//! - [`chain`]: the chain's basic types (accounts, balances, block numbers, hashes, time) and the
//!   miners' seal key;
//! - [`token`]: the MED token's symbol, decimals and units;
//! - [`ids`]: the opaque ids and coded values the medical pallets share (patients,
//!   organizations, records, categories, purposes, delegates' roles);
//! - [`traits`]: the lookups through which the pallets use each other, each with a `()`
//!   implementation;
//! - [`origins`]: the origins that say who acts for whom (a member of an organization of a
//!   kind, an agent of a patient for a purpose), built on those lookups;
//! - [`paging`]: the paged listings the runtime APIs serve;
//! - [`holds`]: the `try_state` check that every account's holds are the pallet's deposits;
//! - `mock` (feature `test-utils`): the one test world the medical pallets' mocks share.
//!
//! A pallet's own types stay in the pallet. Nothing here may describe a person: ids are opaque,
//! and what identifies a patient or their health stays off chain.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod chain;
pub mod holds;
pub mod ids;
#[cfg(feature = "test-utils")]
pub mod mock;
pub mod origins;
pub mod paging;
pub mod token;
pub mod traits;

pub use chain::*;
pub use ids::*;
pub use traits::*;
