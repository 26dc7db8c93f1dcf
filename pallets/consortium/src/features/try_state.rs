//! The pallet's invariants, checked after every test and by `try-runtime`.

use crate::*;
use alloc::{collections::btree_set::BTreeSet, vec::Vec};
use frame_support::{ensure, traits::Get};
use sp_consensus_grandpa::AuthorityId;
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// - `Miners`' counter equals its entries, which are at most `MaxMiners`.
	/// - Every `MinersOf` entry decodes (within `MaxMinersPerOrganization`) and is not empty.
	/// - Every miner is listed under its organization in `MinersOf`; every key `MinersOf` lists
	///   is a miner of that organization; no key is listed twice.
	/// - `Voters` has no key twice and, unless a change is pending, its keys in order are the
	///   finality voter set in force.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let count = Miners::<T>::count();
		let entries = Miners::<T>::iter_keys().count();
		ensure!(
			u32::try_from(entries).ok() == Some(count),
			"Miners counter differs from its entries"
		);
		ensure!(count <= T::MaxMiners::get(), "more miners than MaxMiners");

		let mut index = Vec::new();
		for org in MinersOf::<T>::iter_keys() {
			let Ok(keys) = MinersOf::<T>::try_get(org) else {
				return Err("MinersOf entry undecodable or over MaxMinersPerOrganization".into());
			};
			ensure!(!keys.is_empty(), "empty MinersOf entry");
			index.push((org, keys));
		}
		for (key, miner) in Miners::<T>::iter() {
			ensure!(
				MinersOf::<T>::get(miner.org).contains(&key),
				"miner missing from MinersOf of its organization"
			);
		}
		let mut listed: usize = 0;
		for (org, keys) in &index {
			for key in keys {
				ensure!(
					Miners::<T>::get(key).is_some_and(|miner| miner.org == *org),
					"MinersOf entry without that miner"
				);
			}
			listed = listed.saturating_add(keys.len());
		}
		ensure!(listed == entries, "MinersOf lists a miner twice");

		let voters: Vec<AuthorityId> = Voters::<T>::get().into_iter().map(|(key, _)| key).collect();
		let distinct: BTreeSet<&AuthorityId> = voters.iter().collect();
		ensure!(distinct.len() == voters.len(), "duplicate voter");
		ensure!(
			T::FinalityVoters::change_pending() || voters == T::FinalityVoters::current(),
			"Voters differ from the finality voter set"
		);
		Ok(())
	}
}
