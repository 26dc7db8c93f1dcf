//! # Medchain runtime
//!
//! The state transition function of Medchain, a consortium chain for integrated medical
//! services. This crate composes the FRAME pallets (see [`Runtime`]) and exposes the runtime APIs
//! the node and wallets use (see [`apis`]). Built to WebAssembly by `substrate-wasm-builder`.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime`-style macros expand to arithmetic on constants.
#![allow(clippy::arithmetic_side_effects)]
// Make the WASM binary available.
#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod genesis_config_presets;
pub mod weights;

use alloc::{borrow::Cow, vec::Vec};
use sp_runtime::{generic, traits::BlakeTwo256};
use sp_version::RuntimeVersion;

pub use medchain_primitives::{
	token, AccountId, Balance, BlockNumber, Hash, Moment, Nonce, Signature,
};
pub use pallet_balances::Call as BalancesCall;
pub use pallet_consent::Call as ConsentCall;
pub use pallet_consortium::Call as ConsortiumCall;
pub use pallet_patients::Call as PatientsCall;
pub use pallet_payments::Call as PaymentsCall;
pub use pallet_records::Call as RecordsCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Opaque types: what the node needs to know of blocks without knowing the runtime's calls, so
/// it keeps syncing across runtime upgrades.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	sp_runtime::impl_opaque_keys! {
		/// The keys a consortium node holds in its keystore: its finality (GRANDPA, ed25519) key
		/// and its mining (sr25519) key. `author_rotateKeys` makes both; `--dev` and `--alice`…
		/// put the development keys of that name in the keystore.
		pub struct SessionKeys {
			pub grandpa: Grandpa,
			pub mining: Consortium,
		}
	}

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
}

/// The runtime's version: bump `spec_version` on every change of runtime logic, and
/// `transaction_version` when the calls' encoding changes.
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: Cow::Borrowed("medchain"),
	impl_name: Cow::Borrowed("medchain"),
	authoring_version: 1,
	spec_version: 107,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 4,
	system_version: 1,
};

/// The block time the difficulty retarget aims for, in milliseconds.
pub const TARGET_BLOCK_TIME_MS: u64 = 6_000;

// Time measured in blocks, at the target block time.
pub const MINUTES: BlockNumber = 60_000 / (TARGET_BLOCK_TIME_MS as BlockNumber);
pub const HOURS: BlockNumber = MINUTES * 60;
pub const DAYS: BlockNumber = HOURS * 24;

/// The smallest balance an account may hold: 1 milli-MED.
pub const EXISTENTIAL_DEPOSIT: Balance = token::MILLI_MED;

/// The address format for describing accounts.
pub type Address = sp_runtime::MultiAddress<AccountId, ()>;
/// Block header type as expected by this runtime.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block type as expected by this runtime.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// The extensions checked on every transaction, in this order.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	configs::sponsorship::ChargeSponsorOrSigner,
	configs::admission::RefuseUnsafeCalls,
	frame_system::WeightReclaim<Runtime>,
);
/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// All migrations of the runtime, aside from the ones declared in the pallets.
#[allow(unused_parens)]
type Migrations = ();

/// Executive: handles dispatch to the various modules.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

/// The runtime: the pallets and their fixed indices. Indices are part of every encoded call and
/// storage key: never reuse or renumber one.
#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(2)]
	pub type Difficulty = pallet_difficulty;

	#[runtime::pallet_index(3)]
	pub type Authorship = pallet_authorship;

	#[runtime::pallet_index(4)]
	pub type Consortium = pallet_consortium;

	#[runtime::pallet_index(5)]
	pub type Grandpa = pallet_grandpa;

	#[runtime::pallet_index(6)]
	pub type NodeAuthorization = pallet_node_authorization;

	#[runtime::pallet_index(10)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(11)]
	pub type TransactionPayment = pallet_transaction_payment;

	#[runtime::pallet_index(12)]
	pub type Sudo = pallet_sudo;

	#[runtime::pallet_index(13)]
	pub type Council = pallet_collective<Instance1>;

	#[runtime::pallet_index(14)]
	pub type Parameters = pallet_parameters;

	#[runtime::pallet_index(20)]
	pub type Patients = pallet_patients;

	#[runtime::pallet_index(21)]
	pub type Records = pallet_records;

	#[runtime::pallet_index(22)]
	pub type Consent = pallet_consent;

	#[runtime::pallet_index(23)]
	pub type Payments = pallet_payments;
}
