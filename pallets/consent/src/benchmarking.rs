//! Benchmarks of every call, each in its worst case: grant and request lists one short of full
//! (or full), scopes of `MaxScopeItems` entries, and the matching grant the last one checked.

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{Get, Time},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_core::H256;
use sp_runtime::traits::{One, Saturating, Zero};

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(<T as frame_system::Config>::RuntimeEvent::from(
		event,
	));
}

/// A scope listing `MaxScopeItems` records, `last` the last of them.
fn full_scope<T: Config>(last: RecordId) -> ConsentScope<T::MaxScopeItems> {
	let max = RecordId::from(T::MaxScopeItems::get());
	let mut ids: Vec<RecordId> = (1..max).map(|i| last.saturating_add(i)).collect();
	ids.push(last);
	ConsentScope::Records(BoundedVec::truncate_from(ids))
}

/// `count` grants of `patient` to `grantee` for `purpose`, paid by `key`.
fn grants<T: Config>(
	key: &T::AccountId,
	patient: PatientId,
	grantee: &Grantee<T::AccountId>,
	purpose: Purpose,
	scope: ConsentScope<T::MaxScopeItems>,
	count: u32,
) -> Result<Vec<GrantId>, BenchmarkError> {
	(0..count)
		.map(|_| {
			Pallet::<T>::do_grant(
				key.clone(),
				patient,
				grantee.clone(),
				scope.clone(),
				purpose,
				None,
				None,
			)
			.map_err(Into::into)
		})
		.collect()
}

/// A record a provider holds, and the one who holds it.
struct Held<AccountId> {
	patient: PatientId,
	record: RecordId,
	/// The account of the provider that holds the record, and the provider.
	custodian: AccountId,
	holder: OrgId,
}

/// The worst case of an access check for `accessor`, acting for the provider `org`: a record of
/// another provider, of a patient whose grants to the accessor and to `org` are the most a
/// grantee may hold, of the longest scope, for treatment but not of this record; access comes
/// from `org`'s break-glass window, the last of a full kept list.
fn only_break_glass_covers<T: Config>(
	accessor: &T::AccountId,
	org: OrgId,
) -> Result<Held<T::AccountId>, BenchmarkError> {
	let (key, patient) = T::BenchmarkHelper::patient(0);
	let (custodian, holder) = T::BenchmarkHelper::organization(OrgKind::Provider, 0);
	Pallet::<T>::do_grant(
		key.clone(),
		patient,
		Grantee::Organization(holder),
		ConsentScope::All,
		Purpose::Treatment,
		None,
		None,
	)?;
	let record = T::BenchmarkHelper::record(&custodian, patient, RecordCategory::LabResult);
	let max = T::MaxGrantsPerGrantee::get();
	let other_records = full_scope::<T>(record.saturating_add(1));
	for grantee in [Grantee::Member(accessor.clone()), Grantee::Organization(org)] {
		grants::<T>(&key, patient, &grantee, Purpose::Treatment, other_records.clone(), max)?;
	}
	fill_break_glass_log::<T>(accessor, patient)?;
	Pallet::<T>::break_glass(
		RawOrigin::Signed(accessor.clone()).into(),
		patient,
		EmergencyReason::UrgentCare,
	)?;
	Ok(Held { patient, record, custodian, holder })
}

/// A request from `who` to `patient`.
fn request<T: Config>(who: &T::AccountId, patient: PatientId) -> Result<(), BenchmarkError> {
	Pallet::<T>::request_consent(
		RawOrigin::Signed(who.clone()).into(),
		patient,
		full_scope::<T>(0),
		Purpose::Research,
		None,
	)
	.map_err(Into::into)
}

/// `count` requests to `patient`: the last one from `who`, the others from new auditors, as many
/// from each as one organization may make; returns the last one's id.
fn requests<T: Config>(
	who: &T::AccountId,
	patient: PatientId,
	count: u32,
) -> Result<RequestId, BenchmarkError> {
	let per_org = T::MaxRequestsPerOrganization::get().max(1);
	let others = count.saturating_sub(1);
	let (mut made, mut seed) = (0, 100);
	while made < others {
		let (other, _) = T::BenchmarkHelper::organization(OrgKind::Auditor, seed);
		seed += 1;
		for _ in 0..per_org.min(others - made) {
			request::<T>(&other, patient)?;
			made += 1;
		}
	}
	if count > 0 {
		request::<T>(who, patient)?;
	}
	Ok(NextRequestId::<T>::get().saturating_sub(1))
}

/// Fill the patient's kept break-glass windows with closed windows of `provider`, each opened
/// a quota period after the last, so that none counts against the next.
fn fill_break_glass_log<T: Config>(
	provider: &T::AccountId,
	patient: PatientId,
) -> Result<(), BenchmarkError> {
	let step: BlockNumberFor<T> = T::BreakGlassPeriod::get().max(T::BreakGlassQuotaPeriod::get());
	for _ in 0..T::MaxBreakGlassKept::get() {
		Pallet::<T>::break_glass(
			RawOrigin::Signed(provider.clone()).into(),
			patient,
			EmergencyReason::UrgentCare,
		)?;
		let now = frame_system::Pallet::<T>::block_number();
		frame_system::Pallet::<T>::set_block_number(now.saturating_add(step));
	}
	Ok(())
}

#[benchmarks]
mod benchmarks {
	use super::*;
	use medchain_primitives::PatientErasure;

	/// Erasing a deactivated patient's consent: `g` grants, as few to each member grantee as
	/// fill its list, and `r` pending requests, each returning a deposit.
	#[benchmark]
	fn erase_patient(
		g: Linear<0, { T::MaxGrantsPerPatient::get() }>,
		r: Linear<0, { T::MaxPendingRequests::get() }>,
	) -> Result<(), BenchmarkError> {
		let (key, patient) = T::BenchmarkHelper::patient(0);
		let per_grantee = T::MaxGrantsPerGrantee::get().max(1);
		let (mut left, mut seed) = (g, 200);
		while left > 0 {
			let (auditor, _) = T::BenchmarkHelper::organization(OrgKind::Auditor, seed);
			seed += 1;
			let count = per_grantee.min(left);
			let grantee = Grantee::Member(auditor);
			grants::<T>(&key, patient, &grantee, Purpose::Research, full_scope::<T>(0), count)?;
			left -= count;
		}
		let (requester, _) = T::BenchmarkHelper::organization(OrgKind::Auditor, seed);
		requests::<T>(&requester, patient, r)?;
		#[block]
		{
			<Pallet<T> as PatientErasure>::erase(&patient)?;
		}
		assert_eq!(GrantCount::<T>::get(patient), 0);
		assert!(RequestsOf::<T>::get(patient).is_empty());
		Ok(())
	}

	#[benchmark]
	fn grant_consent() -> Result<(), BenchmarkError> {
		let (key, patient) = T::BenchmarkHelper::patient(0);
		let (auditor, _) = T::BenchmarkHelper::organization(OrgKind::Auditor, 0);
		let grantee = Grantee::Member(auditor);
		let scope = full_scope::<T>(0);
		let others = T::MaxGrantsPerGrantee::get().saturating_sub(1);
		grants::<T>(&key, patient, &grantee, Purpose::Research, scope.clone(), others)?;
		let id = NextGrantId::<T>::get();
		// The runtime's benchmarks set up in block 0 and run the call in block 1: fix the block.
		frame_system::Pallet::<T>::set_block_number(One::one());
		let expires_at = frame_system::Pallet::<T>::block_number().saturating_add(One::one());
		#[extrinsic_call]
		_(
			RawOrigin::Signed(key),
			patient,
			grantee,
			scope,
			Purpose::Treatment,
			None,
			Some(expires_at),
		);
		assert!(GrantKeys::<T>::contains_key(id));
		Ok(())
	}

	#[benchmark]
	fn revoke_consent() -> Result<(), BenchmarkError> {
		let (key, patient) = T::BenchmarkHelper::patient(0);
		let (_, org) = T::BenchmarkHelper::organization(OrgKind::Provider, 0);
		let grantee = Grantee::Organization(org);
		let ids = grants::<T>(
			&key,
			patient,
			&grantee,
			Purpose::Treatment,
			full_scope::<T>(0),
			T::MaxGrantsPerGrantee::get(),
		)?;
		let grant = ids.last().copied().ok_or(BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(key.clone()), grant);
		assert_last_event::<T>(Event::ConsentRevoked { grant, patient, revoked_by: key });
		Ok(())
	}

	#[benchmark]
	fn remove_expired_grant() -> Result<(), BenchmarkError> {
		let (key, patient) = T::BenchmarkHelper::patient(0);
		let (_, org) = T::BenchmarkHelper::organization(OrgKind::Provider, 0);
		let grantee = Grantee::Organization(org);
		grants::<T>(
			&key,
			patient,
			&grantee,
			Purpose::Treatment,
			full_scope::<T>(0),
			T::MaxGrantsPerGrantee::get().saturating_sub(1),
		)?;
		let now = frame_system::Pallet::<T>::block_number();
		let grant = Pallet::<T>::do_grant(
			key,
			patient,
			grantee,
			full_scope::<T>(0),
			Purpose::Treatment,
			None,
			Some(now.saturating_add(One::one())),
		)?;
		frame_system::Pallet::<T>::set_block_number(now.saturating_add(One::one()));
		let caller: T::AccountId = whitelisted_caller();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), grant);
		assert_last_event::<T>(Event::ExpiredGrantRemoved { grant, patient });
		Ok(())
	}

	/// The worst case: the patient's list is full of lapsed requests, which the call closes.
	#[benchmark]
	fn request_consent() -> Result<(), BenchmarkError> {
		let (_, patient) = T::BenchmarkHelper::patient(0);
		let (auditor, _) = T::BenchmarkHelper::organization(OrgKind::Auditor, 0);
		let (lapsing, _) = T::BenchmarkHelper::organization(OrgKind::Auditor, 1);
		requests::<T>(&lapsing, patient, T::MaxPendingRequests::get())?;
		frame_system::Pallet::<T>::set_block_number(
			frame_system::Pallet::<T>::block_number().saturating_add(T::RequestLifetime::get()),
		);
		let id = NextRequestId::<T>::get();
		#[extrinsic_call]
		_(RawOrigin::Signed(auditor), patient, full_scope::<T>(0), Purpose::Research, None);
		assert!(Requests::<T>::contains_key(id));
		assert_eq!(RequestsOf::<T>::get(patient).len(), 1);
		Ok(())
	}

	#[benchmark]
	fn approve_request() -> Result<(), BenchmarkError> {
		let (key, patient) = T::BenchmarkHelper::patient(0);
		let (auditor, org) = T::BenchmarkHelper::organization(OrgKind::Auditor, 0);
		let others = T::MaxGrantsPerGrantee::get().saturating_sub(1);
		let grantee = Grantee::Organization(org);
		grants::<T>(&key, patient, &grantee, Purpose::Operations, full_scope::<T>(0), others)?;
		let request = requests::<T>(&auditor, patient, T::MaxPendingRequests::get())?;
		let grant = NextGrantId::<T>::get();
		#[extrinsic_call]
		_(RawOrigin::Signed(key), request);
		assert_last_event::<T>(Event::RequestApproved { request, grant });
		Ok(())
	}

	#[benchmark]
	fn reject_request() -> Result<(), BenchmarkError> {
		let (key, patient) = T::BenchmarkHelper::patient(0);
		let (auditor, _) = T::BenchmarkHelper::organization(OrgKind::Auditor, 0);
		let request = requests::<T>(&auditor, patient, T::MaxPendingRequests::get())?;
		#[extrinsic_call]
		_(RawOrigin::Signed(key), request);
		let forfeited = T::RequestDeposit::get();
		assert_last_event::<T>(Event::RequestRejected { request, forfeited });
		Ok(())
	}

	#[benchmark]
	fn withdraw_request() -> Result<(), BenchmarkError> {
		let (_, patient) = T::BenchmarkHelper::patient(0);
		let (auditor, _) = T::BenchmarkHelper::organization(OrgKind::Auditor, 0);
		let request = requests::<T>(&auditor, patient, T::MaxPendingRequests::get())?;
		#[extrinsic_call]
		_(RawOrigin::Signed(auditor), request);
		assert_last_event::<T>(Event::RequestWithdrawn { request });
		Ok(())
	}

	/// The worst case: a provider that is not the custodian, whose member and organization
	/// each hold the most grants a grantee may, of the longest scope, for treatment but not of
	/// this record; access comes from a break-glass window, the last of a full kept list.
	#[benchmark]
	fn log_access() -> Result<(), BenchmarkError> {
		let (provider, org) = T::BenchmarkHelper::organization(OrgKind::Provider, 1);
		let held = only_break_glass_covers::<T>(&provider, org)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(provider.clone()), held.patient, held.record, Purpose::Treatment);
		assert_eq!(
			Pallet::<T>::access(
				held.patient,
				Grantee::Member(provider),
				held.record,
				Purpose::Treatment
			),
			Some(AccessBasis::BreakGlass)
		);
		Ok(())
	}

	/// The worst case: as for `log_access`, for the accessor whose key signs the request; and
	/// the accessor had a release logged by this custodian before.
	#[benchmark]
	fn log_release() -> Result<(), BenchmarkError> {
		let (accessor, org) = T::BenchmarkHelper::signing_organization(OrgKind::Provider, 1);
		let Held { patient: _, record, custodian, holder } =
			only_break_glass_covers::<T>(&accessor, org)?;
		let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
		let request = |issued_at| ReleaseRequest {
			genesis: H256::from_slice(genesis.as_ref()),
			accessor: accessor.clone(),
			custodian: holder,
			record,
			purpose: Purpose::Treatment,
			issued_at,
			nonce: [0; 32],
		};
		let now = T::Time::now();
		let earlier = request(now);
		let signature = T::BenchmarkHelper::sign(&accessor, &earlier.signing_payload());
		Pallet::<T>::log_release(RawOrigin::Signed(custodian.clone()).into(), earlier, signature)?;
		let request = request(now.saturating_add(1));
		let signature = T::BenchmarkHelper::sign(&accessor, &request.signing_payload());
		#[extrinsic_call]
		_(RawOrigin::Signed(custodian), request, signature);
		assert_eq!(LastRelease::<T>::get(holder, &accessor), Some(now.saturating_add(1)));
		Ok(())
	}

	/// The worst case: the provider one opening short of its quota, and a full list of open
	/// windows (of other providers) to search for a closed one to drop.
	#[benchmark]
	fn break_glass() -> Result<(), BenchmarkError> {
		let (_, patient) = T::BenchmarkHelper::patient(0);
		let (provider, org) = T::BenchmarkHelper::organization(OrgKind::Provider, 0);
		fill_break_glass_log::<T>(&provider, patient)?;
		let now = frame_system::Pallet::<T>::block_number();
		let mut others = org;
		BreakGlassLog::<T>::mutate(patient, |windows| {
			for window in windows.iter_mut() {
				others = others.saturating_add(1);
				window.org = others;
				window.closes_at = now.saturating_add(T::BreakGlassPeriod::get());
			}
		});
		let recent = T::MaxBreakGlassPerPeriod::get().saturating_sub(1) as usize;
		BreakGlassOpenings::<T>::insert(
			patient,
			org,
			BoundedVec::truncate_from(alloc::vec![now; recent]),
		);
		#[extrinsic_call]
		_(RawOrigin::Signed(provider), patient, EmergencyReason::LifeThreatening);
		assert_eq!(BreakGlassLog::<T>::get(patient).len(), T::MaxBreakGlassKept::get() as usize);
		Ok(())
	}

	/// The worst case: the open window is the last of a full kept list.
	#[benchmark]
	fn extend_break_glass() -> Result<(), BenchmarkError> {
		let (_, patient) = T::BenchmarkHelper::patient(0);
		let (provider, org) = T::BenchmarkHelper::organization(OrgKind::Provider, 0);
		let (auditor, _) = T::BenchmarkHelper::organization(OrgKind::Auditor, 1);
		fill_break_glass_log::<T>(&provider, patient)?;
		Pallet::<T>::break_glass(
			RawOrigin::Signed(provider).into(),
			patient,
			EmergencyReason::UrgentCare,
		)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(auditor.clone()), patient, org);
		assert!(BreakGlassLog::<T>::get(patient)
			.iter()
			.any(|window| window.extended_by == Some(auditor.clone())));
		Ok(())
	}

	#[benchmark]
	fn review_break_glass() -> Result<(), BenchmarkError> {
		let (_, patient) = T::BenchmarkHelper::patient(0);
		let (provider, _) = T::BenchmarkHelper::organization(OrgKind::Provider, 0);
		let (auditor, _) = T::BenchmarkHelper::organization(OrgKind::Auditor, 1);
		Pallet::<T>::break_glass(
			RawOrigin::Signed(provider).into(),
			patient,
			EmergencyReason::UrgentCare,
		)?;
		let opened = AccessTrails::<T>::get(patient).count;
		#[extrinsic_call]
		_(RawOrigin::Signed(auditor), patient, opened, ReviewFinding::Justified);
		assert!(!BreakGlassReviews::<T>::contains_key(patient, opened));
		Ok(())
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
