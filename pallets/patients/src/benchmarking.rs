//! Benchmarks of every call, at the worst case of the bound constants.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, EnsureOrigin, Get};
use frame_system::RawOrigin;
use sp_runtime::traits::{Bounded, CheckedDiv, One, Saturating};

const COMMITMENT: IdentityCommitment = IdentityCommitment::repeat_byte(0xc0);

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(<T as frame_system::Config>::RuntimeEvent::from(
		event,
	));
}

/// An account with enough to pay every deposit many times over.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	let plenty = BalanceOf::<T>::max_value().checked_div(&4u32.into()).unwrap_or_default();
	T::Currency::set_balance(&who, plenty);
	who
}

fn governance<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// A provider organization whose admin is returned, with `members` members.
fn provider<T: Config>(members: u32) -> Result<(OrgId, T::AccountId), BenchmarkError> {
	let admin = funded::<T>("admin", 0);
	let org = NextOrgId::<T>::get();
	Pallet::<T>::do_admit_organization(admin.clone(), OrgKind::Provider)?;
	for i in 0..members {
		Pallet::<T>::do_add_member(admin.clone(), account("member", i, 0))?;
	}
	Ok((org, admin))
}

/// A patient controlled by `owner`'s own key, with `delegates` delegates.
fn patient<T: Config>(owner: &T::AccountId, delegates: u32) -> Result<PatientId, BenchmarkError> {
	let patient = Pallet::<T>::do_register_patient(Control::Own(owner.clone()), Some(COMMITMENT))?;
	add_delegates::<T>(owner, patient, delegates)?;
	Ok(patient)
}

/// A patient in the custody of a new provider, with `delegates` delegates, and the provider's
/// admin: the custodian is looked up for every check and for the deposit's payer.
fn custodial<T: Config>(delegates: u32) -> Result<(T::AccountId, PatientId), BenchmarkError> {
	let (org, admin) = provider::<T>(0)?;
	let patient = Pallet::<T>::do_register_patient(Control::Custodial(org), Some(COMMITMENT))?;
	add_delegates::<T>(&admin, patient, delegates)?;
	Ok((admin, patient))
}

fn add_delegates<T: Config>(
	controller: &T::AccountId,
	patient: PatientId,
	count: u32,
) -> Result<(), BenchmarkError> {
	for i in 0..count {
		Pallet::<T>::do_add_delegate(
			controller,
			patient,
			account("delegate", i, 0),
			DelegateRole::Guardian,
			None,
		)?;
	}
	Ok(())
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn admit_organization() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let admin: T::AccountId = account("admin", 0, 0);
		let org = NextOrgId::<T>::get();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, admin.clone(), OrgKind::Provider);
		assert_last_event::<T>(Event::OrganizationAdmitted { org, admin, kind: OrgKind::Provider });
		Ok(())
	}

	#[benchmark]
	fn suspend_organization() -> Result<(), BenchmarkError> {
		// Another organization keeps its seat: the last active one cannot be suspended.
		Pallet::<T>::do_admit_organization(account("payer", 0, 0), OrgKind::Payer)?;
		let (org, _) = provider::<T>(0)?;
		let origin = governance::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, org);
		assert_last_event::<T>(Event::OrganizationSuspended { org });
		Ok(())
	}

	#[benchmark]
	fn reactivate_organization() -> Result<(), BenchmarkError> {
		Pallet::<T>::do_admit_organization(account("payer", 0, 0), OrgKind::Payer)?;
		let (org, _) = provider::<T>(0)?;
		Pallet::<T>::do_set_organization_status(org, OrgStatus::Suspended)?;
		let origin = governance::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, org);
		assert_last_event::<T>(Event::OrganizationReactivated { org });
		Ok(())
	}

	#[benchmark]
	fn add_member(
		m: Linear<0, { T::MaxMembers::get().saturating_sub(1) }>,
	) -> Result<(), BenchmarkError> {
		let (org, admin) = provider::<T>(m)?;
		let member: T::AccountId = account("new-member", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(admin), member.clone());
		assert_last_event::<T>(Event::MemberAdded { org, member });
		Ok(())
	}

	#[benchmark]
	fn remove_member(m: Linear<1, { T::MaxMembers::get() }>) -> Result<(), BenchmarkError> {
		let (org, admin) = provider::<T>(m)?;
		let member: T::AccountId = account("member", m.saturating_sub(1), 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(admin), member.clone());
		assert_last_event::<T>(Event::MemberRemoved { org, member });
		Ok(())
	}

	#[benchmark]
	fn register_patient() {
		let who = funded::<T>("patient", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), Some(COMMITMENT));
		assert!(PatientOf::<T>::contains_key(&who));
	}

	#[benchmark]
	fn register_patient_for() -> Result<(), BenchmarkError> {
		let (_, admin) = provider::<T>(0)?;
		let count = PatientCount::<T>::get();
		#[extrinsic_call]
		_(RawOrigin::Signed(admin), Some(COMMITMENT));
		assert_eq!(PatientCount::<T>::get(), count.saturating_add(1));
		Ok(())
	}

	#[benchmark]
	fn set_commitment() -> Result<(), BenchmarkError> {
		// Worst case: a patient in custody, whose custodian is looked up.
		let (admin, patient) = custodial::<T>(0)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(admin), patient, None);
		assert_last_event::<T>(Event::CommitmentCleared { patient });
		Ok(())
	}

	#[benchmark]
	fn add_delegate(
		d: Linear<0, { T::MaxDelegates::get().saturating_sub(1) }>,
	) -> Result<(), BenchmarkError> {
		// Worst case: a patient in custody (the custodian is looked up for the check and the
		// deposit), and a delegate that never had funds (its account is created).
		let (admin, patient) = custodial::<T>(d)?;
		let delegate: T::AccountId = account("new-delegate", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(admin), patient, delegate.clone(), DelegateRole::Guardian, None);
		assert_last_event::<T>(Event::DelegateAdded {
			patient,
			delegate,
			role: DelegateRole::Guardian,
			expires_at: None,
		});
		Ok(())
	}

	#[benchmark]
	fn remove_delegate(d: Linear<1, { T::MaxDelegates::get() }>) -> Result<(), BenchmarkError> {
		// Worst case: a patient in custody (the custodian is looked up for the check and the
		// deposit), removing its last delegate.
		let (admin, patient) = custodial::<T>(d)?;
		let delegate: T::AccountId = account("delegate", d.saturating_sub(1), 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(admin), patient, delegate.clone());
		assert_last_event::<T>(Event::DelegateRemoved { patient, delegate });
		Ok(())
	}

	#[benchmark]
	fn offer_control() -> Result<(), BenchmarkError> {
		// Worst case: a custodial patient, offered by the custodian's admin (checked).
		let (org, admin) = provider::<T>(0)?;
		let patient = Pallet::<T>::do_register_patient(Control::Custodial(org), Some(COMMITMENT))?;
		let to: T::AccountId = account("new-key", 0, 0);
		// The runtime's benchmarks set up in block 0 and run the call in block 1: fix the block.
		frame_system::Pallet::<T>::set_block_number(One::one());
		let accept_from = frame_system::Pallet::<T>::block_number()
			.saturating_add(T::ControlTransferDelay::get());
		#[extrinsic_call]
		_(RawOrigin::Signed(admin), patient, Some(to.clone()));
		assert_last_event::<T>(Event::ControlOffered { patient, to, accept_from });
		Ok(())
	}

	#[benchmark]
	fn accept_control(d: Linear<0, { T::MaxDelegates::get() }>) -> Result<(), BenchmarkError> {
		// Worst case: a patient without a sponsor, whose deposit moves from the old key to the
		// new one, moving to a key that was one of its delegates.
		let owner = funded::<T>("patient", 0);
		let patient = patient::<T>(&owner, d)?;
		let to = funded::<T>("delegate", 0);
		Pallet::<T>::do_offer_control(&owner, patient, Some(to.clone()))?;
		#[extrinsic_call]
		_(RawOrigin::Signed(to.clone()), patient);
		assert_last_event::<T>(Event::ControlTransferred {
			patient,
			from: Control::Own(owner),
			to,
		});
		Ok(())
	}

	#[benchmark]
	fn deactivate_patient(d: Linear<0, { T::MaxDelegates::get() }>) -> Result<(), BenchmarkError> {
		// Worst case: a sponsored patient with their own key (the key's index is removed, and
		// the sponsor is looked up for the deposit), with a pending offer of control.
		let (admin, patient) = custodial::<T>(0)?;
		let owner = funded::<T>("patient", 0);
		Pallet::<T>::do_offer_control(&admin, patient, Some(owner.clone()))?;
		frame_system::Pallet::<T>::set_block_number(
			frame_system::Pallet::<T>::block_number()
				.saturating_add(T::ControlTransferDelay::get()),
		);
		Pallet::<T>::do_accept_control(owner.clone(), patient)?;
		add_delegates::<T>(&owner, patient, d)?;
		Pallet::<T>::do_offer_control(&owner, patient, Some(account("new-key", 0, 0)))?;
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), patient);
		assert_last_event::<T>(Event::PatientDeactivated { patient });
		Ok(())
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
