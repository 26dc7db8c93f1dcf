//! Proof-of-Work consensus: timestamps, difficulty and block authorship.

use crate::{AccountId, Difficulty, Runtime, TARGET_BLOCK_TIME_MS};
use codec::Decode;
use frame_support::{
	parameter_types,
	traits::{ConstU32, ConstU64, FindAuthor},
};
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

/// Finds the block author in the PoW pre-runtime digest, where the miner puts its SCALE-encoded
/// account id (`medchain-node --author`).
pub struct PowDigestAuthor;

impl FindAuthor<AccountId> for PowDigestAuthor {
	fn find_author<'a, I>(digests: I) -> Option<AccountId>
	where
		I: 'a + IntoIterator<Item = (ConsensusEngineId, &'a [u8])>,
	{
		digests.into_iter().find_map(|(engine, mut data)| {
			if engine == POW_ENGINE_ID {
				AccountId::decode(&mut data).ok()
			} else {
				None
			}
		})
	}
}

impl pallet_authorship::Config for Runtime {
	type FindAuthor = PowDigestAuthor;
	type EventHandler = ();
}
