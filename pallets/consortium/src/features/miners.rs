//! Admitting and removing miners; where the fees of their blocks go.

use crate::*;
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_add_miner(key: MiningKey, org: OrgId, payout: T::AccountId) -> DispatchResult {
		ensure!(T::Organizations::is_admitted(org), Error::<T>::OrganizationNotAdmitted);
		Self::insert_miner(key.clone(), org, payout.clone())?;
		Self::deposit_event(Event::MinerAdded { key, org, payout });
		Ok(())
	}

	/// Stores a miner, whatever its organization's standing (at genesis, `pallet-patients` builds
	/// the organizations after this pallet). Checks everything before it writes.
	pub(crate) fn insert_miner(key: MiningKey, org: OrgId, payout: T::AccountId) -> DispatchResult {
		ensure!(!Miners::<T>::contains_key(&key), Error::<T>::MinerExists);
		ensure!(Miners::<T>::count() < T::MaxMiners::get(), Error::<T>::TooManyMiners);
		let mut keys = MinersOf::<T>::get(org);
		keys.try_push(key.clone()).map_err(|_| Error::<T>::TooManyMinersForOrganization)?;
		MinersOf::<T>::insert(org, keys);
		Miners::<T>::insert(&key, MinerInfo { org, payout });
		Ok(())
	}

	pub(crate) fn do_remove_miner(key: MiningKey) -> DispatchResult {
		let MinerInfo { org, .. } = Miners::<T>::get(&key).ok_or(Error::<T>::MinerNotFound)?;
		let mut keys = MinersOf::<T>::get(org);
		keys.retain(|k| k != &key);
		if keys.is_empty() {
			MinersOf::<T>::remove(org);
		} else {
			MinersOf::<T>::insert(org, keys);
		}
		Miners::<T>::remove(&key);
		Self::deposit_event(Event::MinerRemoved { key, org });
		Ok(())
	}

	pub(crate) fn do_set_miner_payout(key: MiningKey, payout: T::AccountId) -> DispatchResult {
		let mut miner = Miners::<T>::get(&key).ok_or(Error::<T>::MinerNotFound)?;
		miner.payout = payout.clone();
		Miners::<T>::insert(&key, miner);
		Self::deposit_event(Event::MinerPayoutChanged { key, payout });
		Ok(())
	}
}
