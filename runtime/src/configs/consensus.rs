//! Consensus: timestamps, Proof-of-Work difficulty, the consortium's admitted miners and block
//! authorship, and GRANDPA finality voted by the member organizations.

use crate::{
	AccountId, BlockNumber, Consortium, Difficulty, Grandpa, Patients, Runtime, RuntimeEvent,
	MINUTES, TARGET_BLOCK_TIME_MS,
};
use alloc::vec::Vec;
use codec::Decode;
use frame_support::{
	dispatch::DispatchResult,
	parameter_types,
	traits::{ConstU32, ConstU64, FindAuthor},
};
use medchain_primitives::MiningKey;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_consensus_pow::POW_ENGINE_ID;
use sp_core::U256;
use sp_runtime::ConsensusEngineId;

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	/// Every block's timestamp feeds the difficulty retarget.
	type OnTimestampSet = Difficulty;
	/// Blocks may follow each other quickly under PoW; only require time to move forward.
	type MinimumPeriod = ConstU64<1>;
	/// Measured in this runtime, with the difficulty retarget the timestamp triggers.
	type WeightInfo = crate::weights::pallet_timestamp::WeightInfo<Runtime>;
}

parameter_types! {
	pub const TargetBlockTime: u64 = TARGET_BLOCK_TIME_MS;
	/// Difficulty 1 would accept about every seal; keep a floor.
	pub MinDifficulty: U256 = U256::from(1_000u32);
	pub MaxDifficulty: U256 = U256::MAX;
}

impl pallet_difficulty::Config for Runtime {
	type TargetBlockTime = TargetBlockTime;
	/// The moving average spans the last 20 blocks (two minutes at target).
	type WindowSize = ConstU32<20>;
	/// Apply a third of the observed deviation per block.
	type DampingFactor = ConstU32<3>;
	/// One window's time counts as at most twice too fast or too slow.
	type ClampFactor = ConstU32<2>;
	type MinDifficulty = MinDifficulty;
	type MaxDifficulty = MaxDifficulty;
}

/// The account a block's fees and tips go to: the payout account governance bound to the mining
/// key named in the PoW pre-runtime digest (whose seal signature the node checked at import).
/// A key that is not an admitted miner gets nothing (the fees are burned).
pub struct PowDigestAuthor;

impl FindAuthor<AccountId> for PowDigestAuthor {
	fn find_author<'a, I>(digests: I) -> Option<AccountId>
	where
		I: 'a + IntoIterator<Item = (ConsensusEngineId, &'a [u8])>,
	{
		// Exactly one `pow_` pre-runtime item holding exactly one key, as the node requires.
		let mut items = digests.into_iter().filter(|(engine, _)| *engine == POW_ENGINE_ID);
		let (_, mut data) = items.next()?;
		if items.next().is_some() {
			return None;
		}
		let key = MiningKey::decode(&mut data).ok().filter(|_| data.is_empty())?;
		Consortium::payout_of(&key)
	}
}

/// The consortium's voter set, kept by pallet-grandpa: a change is scheduled as a standard
/// GRANDPA change (enacted once the scheduling block plus the delay is finalized).
pub struct GrandpaVoters;

impl pallet_consortium::FinalityVoterSet<BlockNumber> for GrandpaVoters {
	fn current() -> Vec<GrandpaId> {
		Grandpa::grandpa_authorities().into_iter().map(|(key, _)| key).collect()
	}

	fn schedule(next: Vec<GrandpaId>, delay: BlockNumber) -> DispatchResult {
		Grandpa::schedule_change(next.into_iter().map(|key| (key, 1)).collect(), delay, None)
	}

	fn force(
		next: Vec<GrandpaId>,
		delay: BlockNumber,
		best_finalized: BlockNumber,
	) -> DispatchResult {
		Grandpa::schedule_change(
			next.into_iter().map(|key| (key, 1)).collect(),
			delay,
			Some(best_finalized),
		)
	}

	fn change_pending() -> bool {
		pallet_grandpa::PendingChange::<Runtime>::exists()
	}

	/// pallet-grandpa enacts a pending change in its `on_finalize` of block `scheduled_at +
	/// delay` (it runs after this); the set it enacts is the next one, as the GRANDPA client
	/// counts sets (`GrandpaApi::current_set_id`, which warp sync reads).
	fn on_finalize(now: BlockNumber) {
		if pallet_grandpa::PendingChange::<Runtime>::get()
			.is_some_and(|change| change.scheduled_at.saturating_add(change.delay) == now)
		{
			pallet_grandpa::CurrentSetId::<Runtime>::mutate(|id| *id = id.saturating_add(1));
		}
	}

	// `PendingChange`, and `CurrentSetId` (read and written) in the block that enacts a change.
	const ON_FINALIZE_READS_WRITES: (u64, u64) = (2, 1);
}

parameter_types! {
	/// A voter set change takes effect 10 blocks (about a minute) after it is scheduled, once
	/// that block is finalized by the current set.
	pub const VoterChangeDelay: BlockNumber = MINUTES;
}

impl pallet_consortium::Config for Runtime {
	type GovernanceOrigin = crate::configs::GovernanceOrigin;
	type Organizations = Patients;
	type FinalityVoters = GrandpaVoters;
	type MaxMiners = ConstU32<64>;
	type MaxMinersPerOrganization = ConstU32<4>;
	type MaxVoters = ConstU32<32>;
	type VoterChangeDelay = VoterChangeDelay;
	type WeightInfo = pallet_consortium::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::configs::medical::benchmark_helpers::ConsortiumSetup;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<32>;
	type MaxNominators = ConstU32<0>;
	/// Equivocations are not reported on chain: voters are known institutions, answerable to
	/// the consortium off chain.
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_authorship::Config for Runtime {
	type FindAuthor = PowDigestAuthor;
	type EventHandler = ();
}
