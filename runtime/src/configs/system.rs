//! Accounts, balances and fees.

use crate::weights::{block_weights::BlockExecutionWeight, extrinsic_weights::ExtrinsicBaseWeight};
use crate::{
	AccountId, Authorship, Balance, Balances, Block, Hash, Nonce, PalletInfo, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason, RuntimeOrigin, RuntimeTask, System,
	EXISTENTIAL_DEPOSIT, VERSION,
};
use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{
		fungible::{Balanced, Credit},
		ConstU128, ConstU32, ConstU8, Contains, OnUnbalanced, VariantCountOf,
	},
	weights::{
		constants::{RocksDbWeight, WEIGHT_REF_TIME_PER_SECOND},
		ConstantMultiplier, IdentityFee, Weight,
	},
};
use medchain_primitives::{token, BlockNumber};
use pallet_transaction_payment::{FungibleAdapter, Multiplier, TargetedFeeAdjustment};
use sp_runtime::{
	traits::{Bounded, One},
	FixedPointNumber, Perbill, Perquintill,
};
use sp_version::RuntimeVersion;

const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);
/// Of a block's weight, what `on_initialize` hooks use on average.
const AVERAGE_ON_INITIALIZE_RATIO: Perbill = Perbill::from_percent(10);
/// The most compute a block may take: two seconds (proof size is not limited on a solochain).
const MAXIMUM_BLOCK_WEIGHT: Weight =
	Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX);

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;
	/// Two seconds of compute per block, a third of the 6 s target block time, with the base
	/// weights of a block and of an extrinsic measured on this runtime (`benchmark overhead`).
	pub RuntimeBlockWeights: frame_system::limits::BlockWeights =
		frame_system::limits::BlockWeights::builder()
			.base_block(BlockExecutionWeight::get())
			.for_class(DispatchClass::all(), |weights| {
				weights.base_extrinsic = ExtrinsicBaseWeight::get();
			})
			.for_class(DispatchClass::Normal, |weights| {
				weights.max_total = Some(NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
			})
			.for_class(DispatchClass::Operational, |weights| {
				weights.max_total = Some(MAXIMUM_BLOCK_WEIGHT);
				// Operational calls may use what normal ones may not.
				weights.reserved =
					Some(MAXIMUM_BLOCK_WEIGHT.saturating_sub(NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT));
			})
			.avg_block_initialization(AVERAGE_ON_INITIALIZE_RATIO)
			.build_or_panic();
	pub RuntimeBlockLength: frame_system::limits::BlockLength =
		frame_system::limits::BlockLength::builder()
			.max_length(5 * 1024 * 1024)
			.modify_max_length_for_class(
				frame_support::dispatch::DispatchClass::Normal,
				|m| *m = NORMAL_DISPATCH_RATIO * *m,
			)
			.build();
	pub const SS58Prefix: u16 = token::SS58_PREFIX;
}

/// Whether `call` writes free text: `system.remark` and `system.remarkWithEvent` with any bytes
/// would put them (possibly personal data) into blocks that every node keeps forever, on a chain
/// that promises none. Nothing Medchain does needs them. An empty `system.remark` carries
/// nothing: it is the no-op transaction `benchmark overhead` measures an extrinsic's base
/// weight with.
pub fn is_free_text(call: &RuntimeCall) -> bool {
	match call {
		RuntimeCall::System(frame_system::Call::remark { remark }) => !remark.is_empty(),
		RuntimeCall::System(frame_system::Call::remark_with_event { .. }) => true,
		_ => false,
	}
}

/// The calls no one may make, on every chain, the development chain included: free text
/// ([`is_free_text`]) and node claims ([`super::peers::refused_peer_call`]). Transactions
/// carrying them are refused at validation (`admission::RefuseUnsafeCalls`); this filter
/// refuses them at dispatch too, wherever they come from.
pub struct AllowedCalls;

impl Contains<RuntimeCall> for AllowedCalls {
	fn contains(call: &RuntimeCall) -> bool {
		!is_free_text(call) && !super::peers::refused_peer_call(call)
	}
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type BaseCallFilter = AllowedCalls;
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	type DbWeight = RocksDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ();
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

/// Transaction fees are burned and tips go to the block's author (the payout account of the
/// admitted miner named in the PoW pre-runtime digest). Burning the fee makes spam cost its
/// sender the same whoever mines it: a miner that fills its own blocks pays the full fee, as
/// anyone else would. Without an author, or if the tip cannot go to it, the tip is burned too.
pub struct BurnFeesTipsToAuthor;

impl OnUnbalanced<Credit<AccountId, Balances>> for BurnFeesTipsToAuthor {
	fn on_unbalanceds(mut fee_then_tip: impl Iterator<Item = Credit<AccountId, Balances>>) {
		// Dropping a credit burns it (total issuance falls by it).
		drop(fee_then_tip.next());
		if let (Some(tip), Some(author)) = (fee_then_tip.next(), Authorship::author()) {
			// A credit that cannot be resolved (e.g. below the existential deposit of a new
			// account) is dropped, which burns it.
			let _ = <Balances as Balanced<AccountId>>::resolve(&author, tip);
		}
	}
}

parameter_types! {
	/// The fee multiplier aims at blocks a quarter full (of the normal class's weight).
	pub const TargetBlockFullness: Perquintill = Perquintill::from_percent(25);
	/// How fast the multiplier moves: with every block full it grows about 14 % an hour (600
	/// blocks at the 6 s target), so sustained spam gets dearer by the hour, and it falls back
	/// as fast once blocks are below target.
	pub AdjustmentVariable: Multiplier = Multiplier::saturating_from_rational(3, 10_000);
	/// Fees never fall below the nominal price.
	pub MinimumMultiplier: Multiplier = Multiplier::one();
	pub MaximumMultiplier: Multiplier = Bounded::max_value();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, BurnFeesTipsToAuthor>;
	type OperationalFeeMultiplier = ConstU8<5>;
	/// One planck per unit of weight: 1 µMED per microsecond of execution.
	type WeightToFee = IdentityFee<Balance>;
	/// `ByteFee` per byte, a parameter the council sets (`parameters.setParameter`), within
	/// `BYTE_FEE_BOUNDS`.
	type LengthToFee = ConstantMultiplier<Balance, super::governance::EffectiveByteFee>;
	type FeeMultiplierUpdate = TargetedFeeAdjustment<
		Self,
		TargetBlockFullness,
		AdjustmentVariable,
		MinimumMultiplier,
		MaximumMultiplier,
	>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}
