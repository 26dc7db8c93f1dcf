//! Changing the finality voter set: adding and removing voters, scheduling the new set.

use crate::*;
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::{BoundedVec, DispatchError, DispatchResult},
	traits::Get,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_consensus_grandpa::AuthorityId;

/// The voter set as this pallet stores it: GRANDPA keys and their organizations, in order.
pub(crate) type VoterSet<T> = BoundedVec<(AuthorityId, OrgId), <T as Config>::MaxVoters>;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_add_voter(key: AuthorityId, org: OrgId) -> DispatchResult {
		ensure!(T::Organizations::is_admitted(org), Error::<T>::OrganizationNotAdmitted);
		let mut voters = Voters::<T>::get();
		ensure!(!voters.iter().any(|(k, _)| k == &key), Error::<T>::VoterExists);
		voters.try_push((key.clone(), org)).map_err(|_| Error::<T>::TooManyVoters)?;
		let (size, delay) = Self::schedule_voters(voters)?;
		Self::deposit_event(Event::VoterAdded { key, org });
		Self::deposit_event(Event::VoterSetChangeScheduled { voters: size, enacted_after: delay });
		Ok(())
	}

	pub(crate) fn do_remove_voter(key: AuthorityId) -> DispatchResult {
		let mut voters = Voters::<T>::get();
		let org = voters
			.iter()
			.find(|(k, _)| k == &key)
			.map(|(_, org)| *org)
			.ok_or(Error::<T>::VoterNotFound)?;
		voters.retain(|(k, _)| k != &key);
		ensure!(!voters.is_empty(), Error::<T>::LastVoter);
		let (size, delay) = Self::schedule_voters(voters)?;
		Self::deposit_event(Event::VoterRemoved { key, org });
		Self::deposit_event(Event::VoterSetChangeScheduled { voters: size, enacted_after: delay });
		Ok(())
	}

	/// Schedules `voters` with GRANDPA (an ordinary change), then stores them. Returns the size
	/// of the set and the delay after which it is enacted.
	fn schedule_voters(voters: VoterSet<T>) -> Result<(u32, BlockNumberFor<T>), DispatchError> {
		Self::put_voters(voters, T::FinalityVoters::schedule)
	}

	/// Hands `voters`' keys and the delay to `schedule` (an ordinary or a forced change) unless
	/// a change is pending, then stores them. Returns the size of the set and the delay.
	fn put_voters(
		voters: VoterSet<T>,
		schedule: impl FnOnce(Vec<AuthorityId>, BlockNumberFor<T>) -> DispatchResult,
	) -> Result<(u32, BlockNumberFor<T>), DispatchError> {
		ensure!(!T::FinalityVoters::change_pending(), Error::<T>::VoterChangePending);
		let keys: Vec<AuthorityId> = voters.iter().map(|(key, _)| key.clone()).collect();
		let size = u32::try_from(keys.len()).unwrap_or(u32::MAX);
		let delay = T::VoterChangeDelay::get();
		schedule(keys, delay)?;
		Voters::<T>::put(voters);
		Ok((size, delay))
	}

	pub(crate) fn do_force_voter_set(
		voters: VoterSet<T>,
		best_finalized: BlockNumberFor<T>,
	) -> DispatchResult {
		ensure!(!voters.is_empty(), Error::<T>::NoVoters);
		for (i, (key, org)) in voters.iter().enumerate() {
			ensure!(T::Organizations::is_admitted(*org), Error::<T>::OrganizationNotAdmitted);
			ensure!(
				!voters.iter().take(i).any(|(earlier, _)| earlier == key),
				Error::<T>::VoterExists
			);
		}
		let (size, delay) = Self::put_voters(voters, |keys, delay| {
			T::FinalityVoters::force(keys, delay, best_finalized)
		})?;
		Self::deposit_event(Event::VoterSetForced {
			voters: size,
			enacted_after: delay,
			best_finalized,
		});
		Ok(())
	}

	/// The voter set `voters` (in order), if the keys are distinct and within `MaxVoters`.
	pub(crate) fn voter_set(voters: Vec<(AuthorityId, OrgId)>) -> Result<VoterSet<T>, Error<T>> {
		let mut set = VoterSet::<T>::default();
		for (key, org) in voters {
			ensure!(!set.iter().any(|(k, _)| k == &key), Error::<T>::VoterExists);
			set.try_push((key, org)).map_err(|_| Error::<T>::TooManyVoters)?;
		}
		Ok(set)
	}
}
