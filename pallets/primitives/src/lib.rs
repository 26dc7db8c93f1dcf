//! # Medchain primitives
//!
//! The types every Medchain crate agrees on: the chain's basic types (accounts, balances, block
//! numbers), the MED token's parameters, and (as the medical pallets arrive) the opaque ids,
//! roles and the traits through which those pallets use each other.
//!
//! Nothing here may describe a person: ids are opaque, and what identifies a patient or their
//! health stays off chain.

#![cfg_attr(not(feature = "std"), no_std)]

use sp_runtime::{
	traits::{IdentifyAccount, Verify},
	MultiSignature,
};

/// An index to a block.
pub type BlockNumber = u32;

/// Alias to 512-bit hash when used in the context of a transaction signature on the chain.
pub type Signature = MultiSignature;

/// An account on the chain: the public key of its signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// A balance of MED in its smallest unit (10^-12 MED).
pub type Balance = u128;

/// The number of transactions an account has signed.
pub type Nonce = u32;

/// A hash of some data used by the chain.
pub type Hash = sp_core::H256;

/// A timestamp: milliseconds since the Unix epoch.
pub type Moment = u64;

/// The MED token.
pub mod token {
	use super::Balance;

	/// The token's symbol, as wallets and polkadot.js apps show it.
	pub const SYMBOL: &str = "MED";
	/// Decimal places: 1 MED = 10^12 units.
	pub const DECIMALS: u8 = 12;
	/// One MED in units.
	pub const MED: Balance = 1_000_000_000_000;
	/// One thousandth of a MED.
	pub const MILLI_MED: Balance = MED / 1_000;
	/// One millionth of a MED.
	pub const MICRO_MED: Balance = MED / 1_000_000;
	/// The address format of Medchain accounts (SS58 prefix).
	pub const SS58_PREFIX: u16 = 4747;
}
