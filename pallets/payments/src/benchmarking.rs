//! Benchmarks of every call and of the overdue hook, each in its worst case: claims of
//! `MaxLines` lines citing `MaxEvidence` records, calls that close a claim (the most writes and
//! events), and a hook that takes `MaxDuePerBlock` deadlines and then looks at one not yet due.

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{traits::Get, BoundedVec};
use frame_system::RawOrigin;
use sp_core::H256;
use sp_runtime::traits::{One, Saturating};

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(<T as frame_system::Config>::RuntimeEvent::from(
		event,
	));
}

/// A provider account, a patient and a payer account, with their organizations.
struct Parties<T: Config> {
	provider: T::AccountId,
	patient_key: T::AccountId,
	patient: PatientId,
	payer: T::AccountId,
	payer_org: OrgId,
	provider_org: OrgId,
	/// One record of the patient at the provider that the payer may see: what claims cite.
	cited: BoundedVec<H256, T::MaxEvidence>,
}

fn parties<T: Config>() -> Parties<T> {
	// The runtime's benchmarks set up in block 0 and run the call in block 1: fix the block.
	frame_system::Pallet::<T>::set_block_number(One::one());
	let (patient_key, patient) = T::BenchmarkHelper::patient(0);
	let (provider, provider_org) = T::BenchmarkHelper::organization(OrgKind::Provider, 0);
	let (payer, payer_org) = T::BenchmarkHelper::organization(OrgKind::Payer, 1);
	let mut parties = Parties {
		provider,
		patient_key,
		patient,
		payer,
		payer_org,
		provider_org,
		cited: BoundedVec::new(),
	};
	parties.cited = evidence::<T>(&parties, 1);
	parties
}

/// An amount of the currency.
fn amount<T: Config>(units: u32) -> BalanceOf<T> {
	BalanceOf::<T>::from(units)
}

/// `count` lines of 1,000 units each, with distinct commitments (every line is compared with
/// every earlier one).
fn lines<T: Config>(count: u32) -> BoundedVec<ClaimLine<BalanceOf<T>>, T::MaxLines> {
	BoundedVec::truncate_from(
		(0..count)
			.map(|i| {
				let mut commitment = [0u8; 32];
				commitment[..4].copy_from_slice(&i.to_le_bytes());
				ClaimLine { commitment: H256(commitment), amount: amount::<T>(1_000) }
			})
			.collect::<Vec<_>>(),
	)
}

/// `count` anchored records of the patient that the payer may see, by content hash.
fn evidence<T: Config>(parties: &Parties<T>, count: u32) -> BoundedVec<H256, T::MaxEvidence> {
	BoundedVec::truncate_from(T::BenchmarkHelper::evidence(
		&parties.provider,
		&parties.patient_key,
		parties.patient,
		parties.payer_org,
		count,
	))
}

/// A claim of `line_count` lines to the payer, citing the parties' record; returns its id.
fn claim<T: Config>(parties: &Parties<T>, line_count: u32) -> Result<ClaimId, BenchmarkError> {
	let id = NextClaimId::<T>::get();
	Pallet::<T>::do_submit(
		parties.provider_org,
		parties.patient,
		Some(parties.payer_org),
		parties.provider.clone(),
		lines::<T>(line_count),
		parties.cited.clone(),
	)?;
	Ok(id)
}

/// A claim of `MaxLines` lines, approved with a patient share of 1 unit and the rest from the
/// payer's escrow; returns its id.
fn approved_claim<T: Config>(parties: &Parties<T>) -> Result<ClaimId, BenchmarkError> {
	let id = claim::<T>(parties, T::MaxLines::get())?;
	fund_for_full_claim::<T>(parties)?;
	Pallet::<T>::do_approve(parties.payer_org, id, allowed_in_full::<T>(id)?, amount::<T>(1))?;
	Ok(id)
}

/// Fund the payer's escrow with enough for a claim of `MaxLines` lines.
fn fund_for_full_claim<T: Config>(parties: &Parties<T>) -> Result<(), BenchmarkError> {
	let needed = T::MaxLines::get().saturating_mul(1_000);
	Ok(Pallet::<T>::do_fund_escrow(parties.payer.clone(), parties.payer_org, amount::<T>(needed))?)
}

/// Every line of claim `id` allowed in full.
fn allowed_in_full<T: Config>(
	id: ClaimId,
) -> Result<BoundedVec<BalanceOf<T>, T::MaxLines>, BenchmarkError> {
	let claim = Claims::<T>::get(id).ok_or(BenchmarkError::Weightless)?;
	Ok(BoundedVec::truncate_from(claim.lines.iter().map(|line| line.amount).collect::<Vec<_>>()))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn submit_claim(
		l: Linear<1, { T::MaxLines::get() }>,
		e: Linear<1, { T::MaxEvidence::get() }>,
	) -> Result<(), BenchmarkError> {
		let parties = parties::<T>();
		let evidence = evidence::<T>(&parties, e);
		let id = NextClaimId::<T>::get();
		#[extrinsic_call]
		_(
			RawOrigin::Signed(parties.provider.clone()),
			parties.patient,
			Some(parties.payer_org),
			parties.provider.clone(),
			lines::<T>(l),
			evidence,
		);
		assert!(Claims::<T>::contains_key(id));
		Ok(())
	}

	#[benchmark]
	fn withdraw_claim() -> Result<(), BenchmarkError> {
		let parties = parties::<T>();
		let id = claim::<T>(&parties, T::MaxLines::get())?;
		#[extrinsic_call]
		_(RawOrigin::Signed(parties.provider), id);
		assert_last_event::<T>(Event::ClaimWithdrawn { claim: id });
		Ok(())
	}

	#[benchmark]
	fn approve_claim(l: Linear<1, { T::MaxLines::get() }>) -> Result<(), BenchmarkError> {
		let parties = parties::<T>();
		let id = claim::<T>(&parties, l)?;
		fund_for_full_claim::<T>(&parties)?;
		let allowed = allowed_in_full::<T>(id)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(parties.payer), id, allowed, amount::<T>(1));
		assert!(Claims::<T>::get(id)
			.is_some_and(|claim| matches!(claim.status, ClaimStatus::Approved { .. })));
		Ok(())
	}

	#[benchmark]
	fn deny_claim() -> Result<(), BenchmarkError> {
		let parties = parties::<T>();
		let id = claim::<T>(&parties, T::MaxLines::get())?;
		#[extrinsic_call]
		_(RawOrigin::Signed(parties.payer), id, DenialReason::NotCovered);
		assert!(OpenClaimsOfProvider::<T>::iter().next().is_none());
		Ok(())
	}

	#[benchmark]
	fn appeal_denial() -> Result<(), BenchmarkError> {
		let parties = parties::<T>();
		let id = claim::<T>(&parties, T::MaxLines::get())?;
		Pallet::<T>::do_deny(parties.payer_org, id, DenialReason::NotCovered)?;
		frame_system::Pallet::<T>::set_block_number(
			frame_system::Pallet::<T>::block_number().saturating_add(One::one()),
		);
		#[extrinsic_call]
		_(RawOrigin::Signed(parties.provider), id);
		assert!(Claims::<T>::get(id).is_some_and(|claim| matches!(
			claim.status,
			ClaimStatus::Submitted { appealed: true, .. }
		)));
		Ok(())
	}

	#[benchmark]
	fn settle_claim() -> Result<(), BenchmarkError> {
		let parties = parties::<T>();
		let id = approved_claim::<T>(&parties)?;
		Pallet::<T>::do_pay_patient_share(
			RawOrigin::Signed(parties.patient_key.clone()).into(),
			id,
		)?;
		let caller: T::AccountId = whitelisted_caller();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id);
		assert_last_event::<T>(Event::ClaimSettled { claim: id });
		Ok(())
	}

	#[benchmark]
	fn pay_patient_share() -> Result<(), BenchmarkError> {
		let parties = parties::<T>();
		let id = approved_claim::<T>(&parties)?;
		Pallet::<T>::do_settle(id)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(parties.patient_key), id);
		assert_last_event::<T>(Event::ClaimSettled { claim: id });
		Ok(())
	}

	#[benchmark]
	fn fund_escrow() -> Result<(), BenchmarkError> {
		let parties = parties::<T>();
		Pallet::<T>::do_fund_escrow(parties.payer.clone(), parties.payer_org, amount::<T>(1_000))?;
		#[extrinsic_call]
		_(RawOrigin::Signed(parties.payer), amount::<T>(1_000));
		assert!(Escrows::<T>::get(parties.payer_org).is_some_and(|e| e.held == amount::<T>(2_000)));
		Ok(())
	}

	#[benchmark]
	fn release_escrow() -> Result<(), BenchmarkError> {
		let parties = parties::<T>();
		Pallet::<T>::do_fund_escrow(parties.payer.clone(), parties.payer_org, amount::<T>(2_000))?;
		#[extrinsic_call]
		_(RawOrigin::Signed(parties.payer), parties.payer_org, amount::<T>(1_000));
		assert!(Escrows::<T>::get(parties.payer_org).is_some_and(|e| e.held == amount::<T>(1_000)));
		Ok(())
	}

	#[benchmark]
	fn flag_overdue(n: Linear<0, { T::MaxDuePerBlock::get() }>) -> Result<(), BenchmarkError> {
		let parties = parties::<T>();
		let due_at = Pallet::<T>::due_from_now()?;
		for _ in 0..n {
			claim::<T>(&parties, T::MaxLines::get())?;
		}
		// One more, due a block later: the hook looks at it and stops.
		frame_system::Pallet::<T>::set_block_number(
			frame_system::Pallet::<T>::block_number().saturating_add(One::one()),
		);
		claim::<T>(&parties, T::MaxLines::get())?;
		frame_system::Pallet::<T>::set_block_number(due_at);
		#[block]
		{
			Pallet::<T>::flag_overdue(due_at);
		}
		let overdue = Claims::<T>::iter_values()
			.filter(|claim| matches!(claim.status, ClaimStatus::Submitted { overdue: true, .. }))
			.count();
		assert_eq!(overdue, n as usize);
		Ok(())
	}

	#[benchmark]
	fn set_payee() -> Result<(), BenchmarkError> {
		let parties = parties::<T>();
		let id = claim::<T>(&parties, T::MaxLines::get())?;
		#[extrinsic_call]
		_(RawOrigin::Signed(parties.provider.clone()), id, parties.provider.clone());
		assert_last_event::<T>(Event::PayeeChanged { claim: id, payee: parties.provider });
		Ok(())
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
