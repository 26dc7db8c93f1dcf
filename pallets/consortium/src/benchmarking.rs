//! Benchmarks of every call, at its worst case under the bound constants.

use super::*;
use alloc::vec::Vec;
use codec::Encode;
use frame_benchmarking::v2::*;
use frame_support::{
	pallet_prelude::BoundedVec,
	traits::{EnsureOrigin, Get},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_consensus_grandpa::AuthorityId;

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(<T as frame_system::Config>::RuntimeEvent::from(
		event,
	));
}

fn governance<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// The `i`th mining key of the benchmarks (any 32 bytes are an sr25519 public key).
fn mining_key(i: u32) -> MiningKey {
	sp_core::sr25519::Public::from_raw((b"mine", i).using_encoded(sp_io::hashing::blake2_256))
		.into()
}

/// The `i`th GRANDPA key of the benchmarks (any 32 bytes are an ed25519 public key).
fn finality_key(i: u32) -> AuthorityId {
	sp_core::ed25519::Public::from_raw((b"vote", i).using_encoded(sp_io::hashing::blake2_256))
		.into()
}

/// An admitted organization with `miners` miners (keys `0..miners`); returns the organization
/// and its payout account.
fn organization_with_miners<T: Config>(
	miners: u32,
) -> Result<(OrgId, T::AccountId), BenchmarkError> {
	let (payout, org) = T::BenchmarkHelper::organization(0);
	for i in 0..miners {
		Pallet::<T>::insert_miner(mining_key(i), org, payout.clone())?;
	}
	Ok((org, payout))
}

/// Makes the voter set `count` voters (keys `0..count`) of `org`, as if a change to it had been
/// scheduled and enacted; returns the organization.
fn voters<T: Config>(count: u32) -> Result<OrgId, BenchmarkError> {
	let (_, org) = T::BenchmarkHelper::organization(1);
	let voters: Vec<(AuthorityId, OrgId)> = (0..count).map(|i| (finality_key(i), org)).collect();
	let voters: BoundedVec<(AuthorityId, OrgId), T::MaxVoters> =
		BoundedVec::try_from(voters).map_err(|_| BenchmarkError::Stop("more than MaxVoters"))?;
	Voters::<T>::put(voters);
	Ok(org)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_miner() -> Result<(), BenchmarkError> {
		// Worst case: the organization has all its miners but one.
		let (org, payout) =
			organization_with_miners::<T>(T::MaxMinersPerOrganization::get().saturating_sub(1))?;
		let key = mining_key(u32::MAX);
		let origin = governance::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, key.clone(), org, payout.clone());
		assert_last_event::<T>(Event::MinerAdded { key, org, payout });
		Ok(())
	}

	#[benchmark]
	fn remove_miner() -> Result<(), BenchmarkError> {
		// Worst case: the organization has all its miners; the last one is removed.
		let count = T::MaxMinersPerOrganization::get();
		let (org, _) = organization_with_miners::<T>(count)?;
		let key = mining_key(count.saturating_sub(1));
		let origin = governance::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, key.clone());
		assert_last_event::<T>(Event::MinerRemoved { key, org });
		Ok(())
	}

	#[benchmark]
	fn set_miner_payout() -> Result<(), BenchmarkError> {
		organization_with_miners::<T>(1)?;
		let key = mining_key(0);
		let payout: T::AccountId = account("payout", 0, 0);
		let origin = governance::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, key.clone(), payout.clone());
		assert_last_event::<T>(Event::MinerPayoutChanged { key, payout });
		Ok(())
	}

	#[benchmark]
	fn add_voter() -> Result<(), BenchmarkError> {
		// Worst case: the set has all its voters but one, and all of them are scheduled.
		let max = T::MaxVoters::get();
		let org = voters::<T>(max.saturating_sub(1))?;
		let key = finality_key(u32::MAX);
		let origin = governance::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, key.clone(), org);
		assert_last_event::<T>(Event::VoterSetChangeScheduled {
			voters: max,
			enacted_after: T::VoterChangeDelay::get(),
		});
		assert!(Voters::<T>::get().iter().any(|(k, _)| k == &key));
		Ok(())
	}

	#[benchmark]
	fn force_voter_set(v: Linear<1, { T::MaxVoters::get() }>) -> Result<(), BenchmarkError> {
		// Worst case: every key is compared with every earlier one, and each voter is of its
		// own organization, so each is a separate read.
		voters::<T>(T::MaxVoters::get())?;
		let next: Vec<(AuthorityId, OrgId)> = (0..v)
			.map(|i| (finality_key(u32::MAX - i), T::BenchmarkHelper::organization(100 + i).1))
			.collect();
		let next: BoundedVec<(AuthorityId, OrgId), T::MaxVoters> =
			BoundedVec::try_from(next).map_err(|_| BenchmarkError::Stop("more than MaxVoters"))?;
		let origin = governance::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, next.clone(), BlockNumberFor::<T>::default());
		assert_eq!(Voters::<T>::get(), next);
		Ok(())
	}

	#[benchmark]
	fn remove_voter() -> Result<(), BenchmarkError> {
		// Worst case: the set is full; the last voter is removed.
		let max = T::MaxVoters::get();
		voters::<T>(max)?;
		let key = finality_key(max.saturating_sub(1));
		let origin = governance::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, key.clone());
		assert_last_event::<T>(Event::VoterSetChangeScheduled {
			voters: max.saturating_sub(1),
			enacted_after: T::VoterChangeDelay::get(),
		});
		assert!(!Voters::<T>::get().iter().any(|(k, _)| k == &key));
		Ok(())
	}

	#[benchmark]
	fn authorize_upgrade() -> Result<(), BenchmarkError> {
		let code_hash = T::Hash::default();
		let origin = governance::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, code_hash, true);
		assert!(frame_system::Pallet::<T>::authorized_upgrade().is_some());
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
