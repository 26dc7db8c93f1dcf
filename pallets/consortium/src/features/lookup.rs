//! What the runtime asks this pallet: who may author, where block fees go, the two sets.

use crate::*;
use alloc::vec::Vec;
use sp_consensus_grandpa::AuthorityId;

impl<T: Config> Pallet<T> {
	/// Whether `key` may author a block on top of the current state: it is a miner and its
	/// organization is admitted (so suspending the organization stops its miners at once).
	pub fn can_author(key: &MiningKey) -> bool {
		Miners::<T>::get(key).is_some_and(|miner| T::Organizations::is_admitted(miner.org))
	}

	/// The account that receives the fees of blocks authored by `key`, if it may author.
	pub fn payout_of(key: &MiningKey) -> Option<T::AccountId> {
		Miners::<T>::get(key)
			.filter(|miner| T::Organizations::is_admitted(miner.org))
			.map(|miner| miner.payout)
	}

	/// Every miner, admitted organization or not, in storage order.
	pub fn miners() -> Vec<(MiningKey, MinerInfo<T::AccountId>)> {
		Miners::<T>::iter().collect()
	}

	/// The finality voters governance decided, in order, with their organizations (the set
	/// last scheduled; see [`FinalityVoterSet::current`] for the set in force).
	pub fn voters() -> Vec<(AuthorityId, OrgId)> {
		Voters::<T>::get().into_inner()
	}
}

/// The runtime's session keys name the mining key through this pallet.
impl<T: Config> sp_runtime::BoundToRuntimeAppPublic for Pallet<T> {
	type Public = MiningKey;
}
