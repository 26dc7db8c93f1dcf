//! The medical pallets: identity (and, as they arrive, records, consent and payments).

use crate::{AccountId, Balances, Runtime, RuntimeHoldReason};
use frame_support::traits::{ConstU128, ConstU32};
use frame_system::EnsureRoot;
use medchain_primitives::token::MILLI_MED;

impl pallet_patients::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	/// Sudo for now; a consortium council later.
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type MaxMembers = ConstU32<64>;
	type MaxDelegates = ConstU32<8>;
	type PatientDeposit = ConstU128<{ 100 * MILLI_MED }>;
	type DelegateDeposit = ConstU128<{ 20 * MILLI_MED }>;
	type MemberDeposit = ConstU128<{ 20 * MILLI_MED }>;
	type WeightInfo = pallet_patients::weights::SubstrateWeight<Runtime>;
}
