//! The chain's basic types: accounts, signatures, balances, block numbers, hashes, time, and the
//! miners' seal key.

use sp_runtime::{
	traits::{IdentifyAccount, Verify},
	MultiSignature,
};

/// The key a consortium miner signs its blocks' seals with (sr25519, key type `mine`).
///
/// Operators keep it in the node's keystore (`medchain-node key insert --key-type mine --scheme
/// sr25519`); governance binds its public half to an admitted organization.
pub mod mining {
	use sp_application_crypto::{app_crypto, sr25519, KeyTypeId};
	/// The keystore's key type of mining keys.
	pub const KEY_TYPE: KeyTypeId = KeyTypeId(*b"mine");
	app_crypto!(sr25519, KEY_TYPE);
}

/// A miner's public key, as the runtime stores it.
pub type MiningKey = mining::Public;

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
