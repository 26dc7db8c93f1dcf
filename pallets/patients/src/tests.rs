//! Tests of every call's success and error paths, the lookups, and the data rules.
#![allow(clippy::arithmetic_side_effects)]

use crate::{mock::*, *};
use codec::Encode;
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};
use sp_runtime::DispatchError;

const COMMITMENT: IdentityCommitment = IdentityCommitment::repeat_byte(7);
const OTHER_COMMITMENT: IdentityCommitment = IdentityCommitment::repeat_byte(8);
const PROVIDER: OrgId = 0;
/// The payer of `with_payer`, admitted after the provider.
const PAYER: OrgId = 1;

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// Registers `who` as a patient with their own key and returns the id.
fn register(who: AccountId) -> PatientId {
	assert_ok!(Patients::register_patient(signed(who), Some(COMMITMENT)));
	PatientOf::<Test>::get(who).expect("registered")
}

/// Registers a custodial patient through `DOCTOR` and returns the id.
fn register_custodial() -> PatientId {
	assert_ok!(Patients::register_patient_for(signed(DOCTOR), None));
	last_registered()
}

fn last_registered() -> PatientId {
	events()
		.into_iter()
		.rev()
		.find_map(|e| match e {
			Event::PatientRegistered { patient, .. } => Some(patient),
			_ => None,
		})
		.expect("a PatientRegistered event")
}

fn patient(id: PatientId) -> Patient<Test> {
	PatientRecords::<Test>::get(id).expect("patient exists")
}

mod organizations {
	use super::*;

	#[test]
	fn governance_admits_an_organization() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(Patients::admit_organization(
				RuntimeOrigin::root(),
				HOSPITAL,
				OrgKind::Provider
			));
			assert_ok!(Patients::admit_organization(
				RuntimeOrigin::root(),
				INSURER,
				OrgKind::Payer
			));
			let org = Organizations::<Test>::get(0).expect("admitted");
			assert_eq!(
				(org.admin, org.kind, org.status),
				(HOSPITAL, OrgKind::Provider, OrgStatus::Active)
			);
			assert_eq!(OrganizationOf::<Test>::get(INSURER), Some(1));
			assert_eq!(NextOrgId::<Test>::get(), 2);
			assert_eq!(
				events(),
				vec![
					Event::OrganizationAdmitted {
						org: 0,
						admin: HOSPITAL,
						kind: OrgKind::Provider
					},
					Event::OrganizationAdmitted { org: 1, admin: INSURER, kind: OrgKind::Payer },
				]
			);
		});
	}

	#[test]
	fn admit_needs_governance() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				Patients::admit_organization(signed(HOSPITAL), HOSPITAL, OrgKind::Provider),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Patients::suspend_organization(signed(HOSPITAL), 0),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Patients::reactivate_organization(signed(HOSPITAL), 0),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn an_account_acts_for_one_organization_only() {
		ExtBuilder::default().with_provider().build_and_execute(|| {
			assert_noop!(
				Patients::admit_organization(RuntimeOrigin::root(), HOSPITAL, OrgKind::Payer),
				Error::<Test>::AlreadyInOrganization
			);
			assert_noop!(
				Patients::admit_organization(RuntimeOrigin::root(), DOCTOR, OrgKind::Payer),
				Error::<Test>::AlreadyInOrganization
			);
			assert_ok!(Patients::admit_organization(
				RuntimeOrigin::root(),
				INSURER,
				OrgKind::Payer
			));
			assert_noop!(
				Patients::add_member(signed(INSURER), DOCTOR),
				Error::<Test>::AlreadyInOrganization
			);
		});
	}

	#[test]
	fn suspend_and_reactivate() {
		ExtBuilder::default().with_provider().with_payer().build_and_execute(|| {
			assert_eq!(Patients::acting_for(&DOCTOR, OrgKind::Provider), Some(PROVIDER));
			assert_ok!(Patients::suspend_organization(RuntimeOrigin::root(), PROVIDER));
			assert_eq!(Patients::acting_for(&DOCTOR, OrgKind::Provider), None);
			assert_eq!(Patients::acting_for(&HOSPITAL, OrgKind::Provider), None);
			assert!(!<Patients as OrganizationLookup<AccountId>>::is_active(
				PROVIDER,
				OrgKind::Provider
			));
			assert_ok!(Patients::reactivate_organization(RuntimeOrigin::root(), PROVIDER));
			assert_eq!(Patients::acting_for(&DOCTOR, OrgKind::Provider), Some(PROVIDER));
			assert_eq!(
				events(),
				vec![
					Event::OrganizationSuspended { org: PROVIDER },
					Event::OrganizationReactivated { org: PROVIDER },
				]
			);
		});
	}

	#[test]
	fn status_changes_fail_clearly() {
		ExtBuilder::default().with_provider().with_payer().build_and_execute(|| {
			assert_noop!(
				Patients::suspend_organization(RuntimeOrigin::root(), 7),
				Error::<Test>::OrganizationNotFound
			);
			assert_noop!(
				Patients::reactivate_organization(RuntimeOrigin::root(), 7),
				Error::<Test>::OrganizationNotFound
			);
			assert_noop!(
				Patients::reactivate_organization(RuntimeOrigin::root(), PROVIDER),
				Error::<Test>::OrganizationAlreadyActive
			);
			assert_ok!(Patients::suspend_organization(RuntimeOrigin::root(), PROVIDER));
			assert_noop!(
				Patients::suspend_organization(RuntimeOrigin::root(), PROVIDER),
				Error::<Test>::OrganizationNotActive
			);
		});
	}

	#[test]
	fn the_last_active_organization_cannot_be_suspended() {
		ExtBuilder::default().with_provider().with_payer().build_and_execute(|| {
			assert_ok!(Patients::suspend_organization(RuntimeOrigin::root(), PAYER));
			// The council would have no member left, and nobody could govern again.
			assert_noop!(
				Patients::suspend_organization(RuntimeOrigin::root(), PROVIDER),
				Error::<Test>::LastActiveOrganization
			);
			assert_eq!(CouncilSeats::get(), vec![HOSPITAL]);
		});
	}

	#[test]
	fn admins_of_active_organizations_hold_the_council_seats() {
		ExtBuilder::default().with_provider().with_payer().build_and_execute(|| {
			assert_eq!(CouncilSeats::get(), vec![HOSPITAL, INSURER]);
			assert_ok!(Patients::suspend_organization(RuntimeOrigin::root(), PROVIDER));
			assert_eq!(CouncilSeats::get(), vec![INSURER]);
			assert_ok!(Patients::reactivate_organization(RuntimeOrigin::root(), PROVIDER));
			assert_eq!(CouncilSeats::get(), vec![HOSPITAL, INSURER]);
			// Members of an organization never hold a seat.
			assert!(!CouncilSeats::get().contains(&DOCTOR));
		});
	}

	#[test]
	fn no_organization_becomes_active_without_a_seat() {
		ExtBuilder::default().with_provider().with_payer().build_and_execute(|| {
			SeatLimit::set(2);
			assert_noop!(
				Patients::admit_organization(RuntimeOrigin::root(), ALICE, OrgKind::Auditor),
				Error::<Test>::TooManyActiveOrganizations
			);
			assert_ok!(Patients::suspend_organization(RuntimeOrigin::root(), PROVIDER));
			assert_ok!(Patients::admit_organization(
				RuntimeOrigin::root(),
				ALICE,
				OrgKind::Auditor
			));
			assert_eq!(CouncilSeats::get(), vec![INSURER, ALICE]);
			// The suspended provider cannot come back while every seat is taken.
			assert_noop!(
				Patients::reactivate_organization(RuntimeOrigin::root(), PROVIDER),
				Error::<Test>::TooManyActiveOrganizations
			);
		});
	}

	#[test]
	fn admin_adds_and_removes_members_with_deposits() {
		ExtBuilder::default().with_provider().build_and_execute(|| {
			assert_eq!(held(HoldReason::OrganizationMembers, HOSPITAL), MEMBER_DEPOSIT);
			assert_ok!(Patients::add_member(signed(HOSPITAL), ALICE));
			assert_eq!(held(HoldReason::OrganizationMembers, HOSPITAL), 2 * MEMBER_DEPOSIT);
			assert_eq!(Patients::acting_for(&ALICE, OrgKind::Provider), Some(PROVIDER));
			assert_ok!(Patients::remove_member(signed(HOSPITAL), ALICE));
			assert_eq!(held(HoldReason::OrganizationMembers, HOSPITAL), MEMBER_DEPOSIT);
			assert_eq!(OrganizationOf::<Test>::get(ALICE), None);
			assert_eq!(
				events(),
				vec![
					Event::MemberAdded { org: PROVIDER, member: ALICE },
					Event::MemberRemoved { org: PROVIDER, member: ALICE },
				]
			);
		});
	}

	#[test]
	fn a_member_can_leave_and_a_suspended_org_can_wind_down() {
		ExtBuilder::default().with_provider().with_payer().build_and_execute(|| {
			assert_ok!(Patients::add_member(signed(HOSPITAL), ALICE));
			assert_ok!(Patients::remove_member(signed(ALICE), ALICE));
			assert_ok!(Patients::suspend_organization(RuntimeOrigin::root(), PROVIDER));
			assert_ok!(Patients::remove_member(signed(HOSPITAL), DOCTOR));
			assert_eq!(held(HoldReason::OrganizationMembers, HOSPITAL), 0);
		});
	}

	#[test]
	fn add_member_fails_clearly() {
		ExtBuilder::default().with_provider().with_payer().build_and_execute(|| {
			assert_noop!(
				Patients::add_member(signed(ALICE), BOB),
				Error::<Test>::NotOrganizationAdmin
			);
			assert_noop!(
				Patients::add_member(signed(DOCTOR), BOB),
				Error::<Test>::NotOrganizationAdmin
			);
			assert_ok!(Patients::add_member(signed(HOSPITAL), ALICE));
			assert_ok!(Patients::add_member(signed(HOSPITAL), BOB));
			assert_noop!(
				Patients::add_member(signed(HOSPITAL), CHARLIE),
				Error::<Test>::TooManyMembers
			);
			assert_ok!(Patients::suspend_organization(RuntimeOrigin::root(), PROVIDER));
			assert_ok!(Patients::remove_member(signed(HOSPITAL), BOB));
			assert_noop!(
				Patients::add_member(signed(HOSPITAL), BOB),
				Error::<Test>::OrganizationNotActive
			);
		});
	}

	#[test]
	fn add_member_needs_the_admins_deposit() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(Patients::admit_organization(
				RuntimeOrigin::root(),
				PAUPER,
				OrgKind::Provider
			));
			assert_noop!(
				Patients::add_member(signed(PAUPER), ALICE),
				Error::<Test>::InsufficientDeposit
			);
		});
	}

	#[test]
	fn remove_member_fails_clearly() {
		ExtBuilder::default().with_provider().build_and_execute(|| {
			assert_noop!(
				Patients::remove_member(signed(HOSPITAL), ALICE),
				Error::<Test>::NotMember
			);
			assert_noop!(
				Patients::remove_member(signed(HOSPITAL), HOSPITAL),
				Error::<Test>::NotMember
			);
			assert_noop!(
				Patients::remove_member(signed(BOB), DOCTOR),
				Error::<Test>::NotOrganizationAdmin
			);
		});
	}
}

mod patients {
	use super::*;

	#[test]
	fn a_patient_registers_themself() {
		ExtBuilder::default().build_and_execute(|| {
			let id = register(ALICE);
			// The id names no account: the parent block's hash and the count.
			let expected_id = PatientId::from(sp_io::hashing::blake2_256(
				&(b"medchain/patient", System::parent_hash(), 0u64).encode(),
			));
			assert_eq!(id, expected_id);
			let record = patient(id);
			assert_eq!(record.control, Control::Own(ALICE));
			assert_eq!(record.commitment, Some(COMMITMENT));
			assert_eq!(record.status, PatientStatus::Active);
			assert_eq!(record.deposit, PATIENT_DEPOSIT);
			assert_eq!(record.registered_at, 1);
			assert_eq!(held(HoldReason::PatientRecord, ALICE), PATIENT_DEPOSIT);
			assert_eq!(<Patients as PatientLookup<AccountId>>::patient_of(&ALICE), Some(id));
			assert!(<Patients as PatientLookup<AccountId>>::is_active_patient(&id));
			assert_eq!(
				events(),
				vec![
					Event::PatientRegistered { patient: id, control: Control::Own(ALICE) },
					Event::CommitmentSet { patient: id, commitment: COMMITMENT },
				]
			);
		});
	}

	#[test]
	fn register_patient_fails_clearly() {
		ExtBuilder::default().build_and_execute(|| {
			register(ALICE);
			assert_noop!(
				Patients::register_patient(signed(ALICE), None),
				Error::<Test>::AlreadyPatient
			);
			assert_noop!(
				Patients::register_patient(signed(PAUPER), None),
				Error::<Test>::InsufficientDeposit
			);
		});
	}

	#[test]
	fn a_patients_key_and_an_organizations_account_are_never_the_same() {
		ExtBuilder::default().with_provider().build_and_execute(|| {
			// A practitioner's account does not become a patient's key, nor a delegate...
			assert_noop!(
				Patients::register_patient(signed(DOCTOR), None),
				Error::<Test>::AlreadyInOrganization
			);
			let id = register(ALICE);
			assert_noop!(
				Patients::add_delegate(signed(ALICE), id, DOCTOR, DelegateRole::Guardian, None),
				Error::<Test>::DelegateActsForOrganization
			);
			assert_ok!(Patients::offer_control(signed(ALICE), id, Some(DOCTOR)));
			assert_noop!(
				Patients::accept_control(signed(DOCTOR), id),
				Error::<Test>::AlreadyInOrganization
			);
			// ...and a patient's key does not join an organization.
			assert_noop!(
				Patients::add_member(signed(HOSPITAL), ALICE),
				Error::<Test>::AlreadyPatient
			);
			assert_noop!(
				Patients::admit_organization(RuntimeOrigin::root(), ALICE, OrgKind::Payer),
				Error::<Test>::AlreadyPatient
			);
		});
	}

	#[test]
	fn a_taken_id_is_refused() {
		ExtBuilder::default().build_and_execute(|| {
			register(BOB);
			// Plant Bob's record where Alice's derived id would go (count is 1 now).
			let alice_id = PatientId::from(sp_io::hashing::blake2_256(
				&(b"medchain/patient", System::parent_hash(), 1u64).encode(),
			));
			let bob_id = PatientOf::<Test>::get(BOB).expect("registered");
			let record = patient(bob_id);
			PatientRecords::<Test>::insert(alice_id, record.clone());
			assert_noop!(
				Patients::register_patient(signed(ALICE), None),
				Error::<Test>::PatientIdTaken
			);
			PatientRecords::<Test>::remove(alice_id);
		});
	}

	#[test]
	fn a_provider_registers_a_patient_in_custody() {
		ExtBuilder::default().with_provider().build_and_execute(|| {
			let id = register_custodial();
			let record = patient(id);
			assert_eq!(record.control, Control::Custodial(PROVIDER));
			assert_eq!(record.commitment, None);
			// The provider's admin pays.
			assert_eq!(held(HoldReason::PatientRecord, HOSPITAL), PATIENT_DEPOSIT);
			assert_eq!(held(HoldReason::PatientRecord, DOCTOR), 0);
			// The doctor and the admin act for it; nobody else does.
			let lookup = |who| {
				<Patients as PatientLookup<AccountId>>::can_act_for(
					&id,
					&who,
					DelegatePurpose::ManageConsent,
				)
			};
			assert!(lookup(DOCTOR));
			assert!(lookup(HOSPITAL));
			assert!(!lookup(ALICE));
			assert_eq!(
				events(),
				vec![Event::PatientRegistered {
					patient: id,
					control: Control::Custodial(PROVIDER)
				}]
			);
		});
	}

	#[test]
	fn register_patient_for_needs_an_active_provider() {
		ExtBuilder::default().with_provider().with_payer().build_and_execute(|| {
			assert_noop!(
				Patients::register_patient_for(signed(ALICE), None),
				Error::<Test>::NotProvider
			);
			assert_noop!(
				Patients::register_patient_for(signed(INSURER), None),
				Error::<Test>::NotProvider
			);
			assert_ok!(Patients::suspend_organization(RuntimeOrigin::root(), PROVIDER));
			assert_noop!(
				Patients::register_patient_for(signed(DOCTOR), None),
				Error::<Test>::NotProvider
			);
		});
	}

	#[test]
	fn register_patient_for_needs_the_providers_deposit() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(Patients::admit_organization(
				RuntimeOrigin::root(),
				PAUPER,
				OrgKind::Provider
			));
			assert_noop!(
				Patients::register_patient_for(signed(PAUPER), None),
				Error::<Test>::InsufficientDeposit
			);
		});
	}

	#[test]
	fn controller_sets_and_clears_the_commitment() {
		ExtBuilder::default().build_and_execute(|| {
			let id = register(ALICE);
			System::reset_events();
			assert_ok!(Patients::set_commitment(signed(ALICE), id, Some(OTHER_COMMITMENT)));
			assert_eq!(patient(id).commitment, Some(OTHER_COMMITMENT));
			assert_ok!(Patients::set_commitment(signed(ALICE), id, None));
			assert_eq!(patient(id).commitment, None);
			assert_eq!(
				events(),
				vec![
					Event::CommitmentSet { patient: id, commitment: OTHER_COMMITMENT },
					Event::CommitmentCleared { patient: id },
				]
			);
		});
	}

	#[test]
	fn managing_a_patient_needs_its_controller() {
		ExtBuilder::default().with_provider().with_payer().build_and_execute(|| {
			let id = register(ALICE);
			let unknown = PatientId::repeat_byte(1);
			assert_noop!(
				Patients::set_commitment(signed(BOB), id, None),
				Error::<Test>::NotController
			);
			assert_noop!(
				Patients::set_commitment(signed(BOB), unknown, None),
				Error::<Test>::PatientNotFound
			);
			assert_noop!(
				Patients::add_delegate(signed(BOB), id, CHARLIE, DelegateRole::Proxy, None),
				Error::<Test>::NotController
			);
			assert_noop!(
				Patients::offer_control(signed(BOB), id, Some(BOB)),
				Error::<Test>::NotController
			);
			assert_noop!(
				Patients::deactivate_patient(signed(BOB), id),
				Error::<Test>::NotController
			);
			assert_noop!(
				Patients::deactivate_patient(signed(BOB), unknown),
				Error::<Test>::PatientNotFound
			);
			// A custodial patient is managed by its custodian's people only.
			let custodial = register_custodial();
			assert_noop!(
				Patients::set_commitment(signed(ALICE), custodial, None),
				Error::<Test>::NotController
			);
			assert_ok!(Patients::set_commitment(signed(DOCTOR), custodial, Some(COMMITMENT)));
			assert_ok!(Patients::suspend_organization(RuntimeOrigin::root(), PROVIDER));
			assert_noop!(
				Patients::set_commitment(signed(DOCTOR), custodial, None),
				Error::<Test>::NotController
			);
		});
	}

	#[test]
	fn delegates_are_added_updated_and_removed_with_deposits() {
		ExtBuilder::default().build_and_execute(|| {
			let id = register(ALICE);
			System::reset_events();
			assert_ok!(Patients::add_delegate(
				signed(ALICE),
				id,
				BOB,
				DelegateRole::NextOfKin,
				Some(10)
			));
			assert_eq!(held(HoldReason::PatientRecord, ALICE), PATIENT_DEPOSIT + DELEGATE_DEPOSIT);
			// Updating the same delegate takes no new deposit.
			assert_ok!(Patients::add_delegate(
				signed(ALICE),
				id,
				BOB,
				DelegateRole::Guardian,
				None
			));
			assert_eq!(held(HoldReason::PatientRecord, ALICE), PATIENT_DEPOSIT + DELEGATE_DEPOSIT);
			assert_eq!(
				patient(id).delegates.into_inner(),
				vec![Delegate { who: BOB, role: DelegateRole::Guardian, expires_at: None }]
			);
			assert_ok!(Patients::remove_delegate(signed(ALICE), id, BOB));
			assert_eq!(held(HoldReason::PatientRecord, ALICE), PATIENT_DEPOSIT);
			assert_eq!(
				events(),
				vec![
					Event::DelegateAdded {
						patient: id,
						delegate: BOB,
						role: DelegateRole::NextOfKin,
						expires_at: Some(10)
					},
					Event::DelegateAdded {
						patient: id,
						delegate: BOB,
						role: DelegateRole::Guardian,
						expires_at: None
					},
					Event::DelegateRemoved { patient: id, delegate: BOB },
				]
			);
		});
	}

	#[test]
	fn a_delegate_may_step_down() {
		ExtBuilder::default().build_and_execute(|| {
			let id = register(ALICE);
			assert_ok!(Patients::add_delegate(signed(ALICE), id, BOB, DelegateRole::Proxy, None));
			assert_noop!(
				Patients::remove_delegate(signed(CHARLIE), id, BOB),
				Error::<Test>::NotController
			);
			assert_ok!(Patients::remove_delegate(signed(BOB), id, BOB));
			assert!(patient(id).delegates.is_empty());
		});
	}

	#[test]
	fn add_delegate_fails_clearly() {
		ExtBuilder::default().build_and_execute(|| {
			let id = register(ALICE);
			run_to_block(5);
			assert_noop!(
				Patients::add_delegate(signed(ALICE), id, ALICE, DelegateRole::Guardian, None),
				Error::<Test>::DelegateIsController
			);
			assert_noop!(
				Patients::add_delegate(signed(ALICE), id, BOB, DelegateRole::Guardian, Some(5)),
				Error::<Test>::ExpiryInPast
			);
			assert_ok!(Patients::add_delegate(
				signed(ALICE),
				id,
				BOB,
				DelegateRole::Guardian,
				Some(6)
			));
			assert_ok!(Patients::add_delegate(
				signed(ALICE),
				id,
				CHARLIE,
				DelegateRole::Guardian,
				None
			));
			assert_noop!(
				Patients::add_delegate(signed(ALICE), id, HOSPITAL, DelegateRole::Guardian, None),
				Error::<Test>::TooManyDelegates
			);
		});
	}

	#[test]
	fn add_delegate_needs_the_payers_deposit() {
		ExtBuilder::default().build_and_execute(|| {
			let id = register(ALICE);
			let free = Balances::balance(&ALICE);
			assert_ok!(<Balances as frame_support::traits::fungible::Mutate<_>>::burn_from(
				&ALICE,
				free - 1,
				frame_support::traits::tokens::Preservation::Expendable,
				frame_support::traits::tokens::Precision::Exact,
				frame_support::traits::tokens::Fortitude::Polite,
			));
			assert_noop!(
				Patients::add_delegate(signed(ALICE), id, BOB, DelegateRole::Guardian, None),
				Error::<Test>::InsufficientDeposit
			);
		});
	}

	#[test]
	fn remove_delegate_fails_clearly() {
		ExtBuilder::default().build_and_execute(|| {
			let id = register(ALICE);
			assert_noop!(
				Patients::remove_delegate(signed(ALICE), PatientId::repeat_byte(1), BOB),
				Error::<Test>::PatientNotFound
			);
			assert_noop!(
				Patients::remove_delegate(signed(ALICE), id, BOB),
				Error::<Test>::DelegateNotFound
			);
			assert_ok!(Patients::deactivate_patient(signed(ALICE), id));
			assert_noop!(
				Patients::remove_delegate(signed(ALICE), id, BOB),
				Error::<Test>::PatientNotActive
			);
		});
	}

	#[test]
	fn delegation_expires_at_its_block_and_follows_roles() {
		ExtBuilder::default().build_and_execute(|| {
			let id = register(ALICE);
			assert_ok!(Patients::add_delegate(
				signed(ALICE),
				id,
				BOB,
				DelegateRole::Guardian,
				Some(10)
			));
			assert_ok!(Patients::add_delegate(
				signed(ALICE),
				id,
				CHARLIE,
				DelegateRole::NextOfKin,
				None
			));
			let can = |who, purpose| {
				<Patients as PatientLookup<AccountId>>::can_act_for(&id, &who, purpose)
			};
			run_to_block(9);
			assert!(can(BOB, DelegatePurpose::ManageConsent));
			assert!(can(CHARLIE, DelegatePurpose::ViewRecords));
			assert!(!can(CHARLIE, DelegatePurpose::ManageConsent));
			assert!(can(ALICE, DelegatePurpose::Pay));
			assert!(!can(HOSPITAL, DelegatePurpose::ViewRecords));
			run_to_block(10);
			assert!(!can(BOB, DelegatePurpose::ManageConsent));
			assert!(!<Patients as PatientLookup<AccountId>>::can_act_for(
				&PatientId::repeat_byte(1),
				&ALICE,
				DelegatePurpose::Pay
			));
		});
	}

	#[test]
	fn custodial_patient_takes_control_with_own_key() {
		ExtBuilder::default().with_provider().build_and_execute(|| {
			let id = register_custodial();
			assert_ok!(Patients::add_delegate(
				signed(HOSPITAL),
				id,
				BOB,
				DelegateRole::Guardian,
				None
			));
			assert_eq!(
				held(HoldReason::PatientRecord, HOSPITAL),
				PATIENT_DEPOSIT + DELEGATE_DEPOSIT
			);
			System::reset_events();
			assert_ok!(Patients::offer_control(signed(HOSPITAL), id, Some(ALICE)));
			let accept_from = 1 + CONTROL_TRANSFER_DELAY;
			run_to_block(accept_from - 1);
			assert_noop!(
				Patients::accept_control(signed(ALICE), id),
				Error::<Test>::ControlOfferNotYetOpen
			);
			run_to_block(accept_from);
			assert_ok!(Patients::accept_control(signed(ALICE), id));
			let record = patient(id);
			assert_eq!(record.control, Control::Own(ALICE));
			assert_eq!(PatientOf::<Test>::get(ALICE), Some(id));
			assert_eq!(ControlOffers::<Test>::get(id), None);
			// The deposit stays with the provider, the patient's sponsor.
			assert_eq!(record.sponsor, Some(PROVIDER));
			assert_eq!(
				held(HoldReason::PatientRecord, HOSPITAL),
				PATIENT_DEPOSIT + DELEGATE_DEPOSIT
			);
			assert_eq!(held(HoldReason::PatientRecord, ALICE), 0);
			// The provider no longer controls it.
			assert_noop!(
				Patients::set_commitment(signed(DOCTOR), id, None),
				Error::<Test>::NotController
			);
			assert_eq!(
				events(),
				vec![
					Event::ControlOffered { patient: id, to: ALICE, accept_from },
					Event::ControlTransferred {
						patient: id,
						from: Control::Custodial(PROVIDER),
						to: ALICE
					},
				]
			);
		});
	}

	#[test]
	fn key_rotation_moves_the_patient_to_a_new_key() {
		ExtBuilder::default().build_and_execute(|| {
			let id = register(ALICE);
			assert_ok!(Patients::add_delegate(
				signed(ALICE),
				id,
				BOB,
				DelegateRole::Guardian,
				None
			));
			assert_ok!(Patients::add_delegate(
				signed(ALICE),
				id,
				CHARLIE,
				DelegateRole::Proxy,
				None
			));
			assert_ok!(Patients::offer_control(signed(ALICE), id, Some(BOB)));
			// The patient moves to a new key at once: no delay, as only the owner can offer.
			System::reset_events();
			assert_ok!(Patients::accept_control(signed(BOB), id));
			assert_eq!(
				events(),
				vec![
					Event::DelegateRemoved { patient: id, delegate: BOB },
					Event::ControlTransferred { patient: id, from: Control::Own(ALICE), to: BOB },
				]
			);
			assert_eq!(PatientOf::<Test>::get(ALICE), None);
			assert_eq!(PatientOf::<Test>::get(BOB), Some(id));
			// Bob is no longer his own delegate, and that delegate's deposit is gone.
			assert_eq!(
				patient(id).delegates.iter().map(|d| d.who).collect::<Vec<_>>(),
				vec![CHARLIE]
			);
			assert_eq!(held(HoldReason::PatientRecord, ALICE), 0);
			assert_eq!(held(HoldReason::PatientRecord, BOB), PATIENT_DEPOSIT + DELEGATE_DEPOSIT);
			// Alice may register afresh.
			register(ALICE);
		});
	}

	/// #17 item 6: any single member of the custodian could offer a patient in custody to its
	/// own key and accept it, make itself a delegate, or deactivate the patient.
	#[test]
	fn only_the_custodians_admin_gives_away_deactivates_or_delegates_a_patient_in_custody() {
		ExtBuilder::default().with_provider().build_and_execute(|| {
			let id = register_custodial();
			assert_noop!(
				Patients::offer_control(signed(DOCTOR), id, Some(DOCTOR)),
				Error::<Test>::NotCustodianAdmin
			);
			assert_noop!(
				Patients::add_delegate(signed(DOCTOR), id, DOCTOR, DelegateRole::Guardian, None),
				Error::<Test>::NotCustodianAdmin
			);
			assert_noop!(
				Patients::deactivate_patient(signed(DOCTOR), id),
				Error::<Test>::NotCustodianAdmin
			);
			// Nor remove the patient's guardian (review of #17).
			assert_ok!(Patients::add_delegate(
				signed(HOSPITAL),
				id,
				BOB,
				DelegateRole::Guardian,
				None
			));
			assert_noop!(
				Patients::remove_delegate(signed(DOCTOR), id, BOB),
				Error::<Test>::NotCustodianAdmin
			);
			// A member still keeps the patient's everyday record.
			assert_ok!(Patients::set_commitment(signed(DOCTOR), id, None));
			assert_ok!(Patients::deactivate_patient(signed(HOSPITAL), id));
		});
	}

	/// #17 item 6: an offer of control was accepted at once, before anyone could see it.
	#[test]
	fn a_delegate_or_a_member_withdraws_an_offer_before_it_may_be_accepted() {
		ExtBuilder::default().with_provider().build_and_execute(|| {
			let id = register_custodial();
			assert_ok!(Patients::add_delegate(
				signed(HOSPITAL),
				id,
				BOB,
				DelegateRole::NextOfKin,
				None
			));
			assert_ok!(Patients::offer_control(signed(HOSPITAL), id, Some(ALICE)));
			// The patient's next of kin sees it and stops it.
			assert_ok!(Patients::offer_control(signed(BOB), id, None));
			assert_eq!(events().last(), Some(&Event::ControlOfferWithdrawn { patient: id }));
			run_to_block(1 + CONTROL_TRANSFER_DELAY);
			assert_noop!(
				Patients::accept_control(signed(ALICE), id),
				Error::<Test>::NoControlOffer
			);
			// A member of the custodian may withdraw one too; an outsider may not.
			assert_ok!(Patients::offer_control(signed(HOSPITAL), id, Some(ALICE)));
			assert_noop!(
				Patients::offer_control(signed(CHARLIE), id, None),
				Error::<Test>::NotController
			);
			assert_ok!(Patients::offer_control(signed(DOCTOR), id, None));
		});
	}

	#[test]
	fn offers_can_be_withdrawn() {
		ExtBuilder::default().build_and_execute(|| {
			let id = register(ALICE);
			assert_noop!(
				Patients::offer_control(signed(ALICE), id, None),
				Error::<Test>::NoControlOffer
			);
			assert_ok!(Patients::offer_control(signed(ALICE), id, Some(BOB)));
			assert_ok!(Patients::offer_control(signed(ALICE), id, None));
			assert_eq!(events().last(), Some(&Event::ControlOfferWithdrawn { patient: id }));
			assert_noop!(Patients::accept_control(signed(BOB), id), Error::<Test>::NoControlOffer);
		});
	}

	#[test]
	fn accept_control_fails_clearly() {
		ExtBuilder::default().build_and_execute(|| {
			let id = register(ALICE);
			register(CHARLIE);
			assert_noop!(Patients::accept_control(signed(BOB), id), Error::<Test>::NoControlOffer);
			assert_ok!(Patients::offer_control(signed(ALICE), id, Some(CHARLIE)));
			assert_noop!(Patients::accept_control(signed(BOB), id), Error::<Test>::NoControlOffer);
			assert_noop!(
				Patients::accept_control(signed(CHARLIE), id),
				Error::<Test>::AlreadyPatient
			);
			assert_ok!(Patients::offer_control(signed(ALICE), id, Some(PAUPER)));
			assert_noop!(
				Patients::accept_control(signed(PAUPER), id),
				Error::<Test>::InsufficientDeposit
			);
		});
	}

	#[test]
	fn accept_control_checks_the_patient() {
		ExtBuilder::default().build_and_execute(|| {
			let id = register(ALICE);
			assert_ok!(Patients::offer_control(signed(ALICE), id, Some(BOB)));
			// Offers never outlive their patient; plant inconsistent states to check the guards.
			let record = patient(id);
			PatientRecords::<Test>::remove(id);
			assert_noop!(Patients::accept_control(signed(BOB), id), Error::<Test>::PatientNotFound);
			PatientRecords::<Test>::insert(
				id,
				Patient::<Test> { status: PatientStatus::Deactivated, ..record.clone() },
			);
			assert_noop!(
				Patients::accept_control(signed(BOB), id),
				Error::<Test>::PatientNotActive
			);
			PatientRecords::<Test>::insert(id, record);
		});
	}

	#[test]
	fn deactivation_erases_everything_but_the_id() {
		ExtBuilder::default().build_and_execute(|| {
			let id = register(ALICE);
			assert_ok!(Patients::add_delegate(
				signed(ALICE),
				id,
				BOB,
				DelegateRole::Guardian,
				None
			));
			assert_ok!(Patients::offer_control(signed(ALICE), id, Some(CHARLIE)));
			System::reset_events();
			assert_ok!(Patients::deactivate_patient(signed(ALICE), id));
			let record = patient(id);
			assert_eq!(record.status, PatientStatus::Deactivated);
			// Not even the key that controlled it stays with the id.
			assert_eq!(record.control, Control::Erased);
			assert_eq!(record.commitment, None);
			assert!(record.delegates.is_empty());
			assert_eq!(record.deposit, 0);
			assert_eq!(held(HoldReason::PatientRecord, ALICE), 0);
			assert_eq!(PatientOf::<Test>::get(ALICE), None);
			assert_eq!(ControlOffers::<Test>::get(id), None);
			assert!(!<Patients as PatientLookup<AccountId>>::is_active_patient(&id));
			assert!(!<Patients as PatientLookup<AccountId>>::can_act_for(
				&id,
				&ALICE,
				DelegatePurpose::Pay
			));
			assert_eq!(events(), vec![Event::PatientDeactivated { patient: id }]);
			// Nothing more can be done with it.
			assert_noop!(
				Patients::deactivate_patient(signed(ALICE), id),
				Error::<Test>::PatientNotActive
			);
			assert_noop!(
				Patients::set_commitment(signed(ALICE), id, None),
				Error::<Test>::PatientNotActive
			);
		});
	}

	#[test]
	fn custodial_deactivation_releases_the_providers_deposit() {
		ExtBuilder::default().with_provider().build_and_execute(|| {
			let id = register_custodial();
			assert_ok!(Patients::deactivate_patient(signed(HOSPITAL), id));
			assert_eq!(held(HoldReason::PatientRecord, HOSPITAL), 0);
		});
	}
}

mod sponsorship {
	//! The provider that onboards a patient pays for the patient's keys: deposits here, and
	//! (through the runtime's payment extension) the fees of a quota of calls.
	use super::*;

	/// A custodial patient (sponsor: the provider) whose control `PAUPER`, an account that
	/// never had funds, accepted; `BOB` is offered nothing yet.
	fn sponsored_with_fresh_key() -> PatientId {
		let id = register_custodial();
		assert_ok!(Patients::offer_control(signed(HOSPITAL), id, Some(PAUPER)));
		run_to_block(1 + CONTROL_TRANSFER_DELAY);
		assert_ok!(Patients::accept_control(signed(PAUPER), id));
		id
	}

	fn sufficients(who: AccountId) -> u32 {
		frame_system::Pallet::<Test>::account(who).sufficients
	}

	#[test]
	fn a_key_that_never_had_funds_takes_control_and_the_sponsor_pays_its_deposits() {
		ExtBuilder::default().with_provider().build_and_execute(|| {
			let id = sponsored_with_fresh_key();
			assert_eq!(Balances::total_balance(&PAUPER), 0);
			assert_eq!(patient(id).control, Control::Own(PAUPER));
			assert_ok!(Patients::add_delegate(
				signed(PAUPER),
				id,
				BOB,
				DelegateRole::Guardian,
				None
			));
			assert_eq!(
				held(HoldReason::PatientRecord, HOSPITAL),
				PATIENT_DEPOSIT + DELEGATE_DEPOSIT
			);
			assert_ok!(Patients::remove_delegate(signed(PAUPER), id, BOB));
			assert_eq!(held(HoldReason::PatientRecord, HOSPITAL), PATIENT_DEPOSIT);
			assert_ok!(Patients::deactivate_patient(signed(PAUPER), id));
			assert_eq!(held(HoldReason::PatientRecord, HOSPITAL), 0);
			assert_eq!(patient(id).sponsor, None);
		});
	}

	#[test]
	fn a_self_registered_patient_pays_its_own_deposits() {
		ExtBuilder::default().with_provider().build_and_execute(|| {
			let id = register(ALICE);
			assert_eq!(patient(id).sponsor, None);
			assert_ok!(Patients::add_delegate(
				signed(ALICE),
				id,
				BOB,
				DelegateRole::Guardian,
				None
			));
			assert_eq!(held(HoldReason::PatientRecord, ALICE), PATIENT_DEPOSIT + DELEGATE_DEPOSIT);
			assert_eq!(held(HoldReason::PatientRecord, HOSPITAL), 0);
		});
	}

	#[test]
	fn accounts_acting_for_a_patient_exist_without_funds_and_keep_their_nonce() {
		ExtBuilder::default().with_provider().build_and_execute(|| {
			let id = register_custodial();
			assert!(!frame_system::Account::<Test>::contains_key(PAUPER));
			assert_ok!(Patients::offer_control(signed(HOSPITAL), id, Some(PAUPER)));
			assert_eq!(sufficients(PAUPER), 1);
			// Offering control to another account instead: the first offer's role ends.
			assert_ok!(Patients::offer_control(signed(HOSPITAL), id, Some(CHARLIE)));
			assert_eq!(sufficients(CHARLIE), 1);
			assert_ok!(Patients::offer_control(signed(HOSPITAL), id, Some(PAUPER)));
			run_to_block(1 + CONTROL_TRANSFER_DELAY);
			assert_ok!(Patients::accept_control(signed(PAUPER), id));
			// The reference it kept when its first offer ended, and its role as the key.
			assert_eq!(sufficients(PAUPER), 2);
			assert_ok!(Patients::add_delegate(signed(PAUPER), id, BOB, DelegateRole::Proxy, None));
			// Bob is funded: his role comes and goes with its reference.
			assert_eq!(sufficients(BOB), 1);
			// The fresh key signs (its nonce moves on), then the patient is deactivated.
			frame_system::Pallet::<Test>::inc_account_nonce(PAUPER);
			assert_ok!(Patients::deactivate_patient(signed(PAUPER), id));
			assert_eq!(sufficients(BOB), 0);
			// The key, with no role and no funds left, keeps existing with its nonce: removed,
			// it would start again at nonce 0 with a new role, and its old transactions could be
			// replayed.
			assert_eq!(frame_system::Pallet::<Test>::account(PAUPER).nonce, 1);
			assert_eq!(sufficients(PAUPER), 1);
		});
	}

	#[test]
	fn the_sponsor_pays_only_for_calls_the_signer_may_make_up_to_its_share_of_the_quota() {
		ExtBuilder::default().with_provider().build_and_execute(|| {
			let id = sponsored_with_fresh_key();
			assert_ok!(Patients::add_delegate(
				signed(PAUPER),
				id,
				BOB,
				DelegateRole::NextOfKin,
				None
			));
			assert_ok!(Patients::add_delegate(
				signed(PAUPER),
				id,
				ALICE,
				DelegateRole::Proxy,
				None
			));
			assert_ok!(Patients::offer_control(signed(PAUPER), id, Some(CHARLIE)));
			let paid = Sponsorship::Paid { org: PROVIDER, admin: HOSPITAL };
			let sponsor = |who, call| Patients::sponsor_of_call(&who, &id, &call);
			use CareCall::*;
			// The key may make every call; a delegate what its role and its place allow; the
			// account offered control, accepting it.
			for (who, call, expected) in [
				(PAUPER, Control, true),
				(PAUPER, Consent, true),
				(PAUPER, RemoveDelegate(BOB), true),
				(PAUPER, AcceptControl, false),
				(ALICE, Consent, true),
				(BOB, Consent, false),
				(BOB, RemoveDelegate(BOB), true),
				(BOB, RemoveDelegate(ALICE), false),
				(BOB, WithdrawOffer, true),
				(BOB, Control, false),
				(CHARLIE, AcceptControl, true),
				(CHARLIE, Control, false),
				(CHARLIE, Consent, false),
				// Members act for their organization, which pays for itself; others pay too.
				(DOCTOR, Consent, false),
				(HOSPITAL, Control, false),
				(INSURER, WithdrawOffer, false),
			] {
				let expected = if expected { paid.clone() } else { Sponsorship::NotSponsored };
				assert_eq!(sponsor(who, call.clone()), expected, "{who} {call:?}");
			}
			System::reset_events();
			// Delegates and the account offered control share half the quota; the key has the
			// rest.
			for _ in 0..SPONSORED_CALLS / 2 {
				Patients::note_sponsored_call(&id, PROVIDER);
			}
			assert_eq!(sponsor(ALICE, Consent), Sponsorship::QuotaUsed);
			assert_eq!(sponsor(CHARLIE, AcceptControl), Sponsorship::QuotaUsed);
			assert_eq!(sponsor(PAUPER, Consent), paid);
			for _ in SPONSORED_CALLS / 2..SPONSORED_CALLS {
				Patients::note_sponsored_call(&id, PROVIDER);
			}
			assert_eq!(sponsor(PAUPER, Control), Sponsorship::QuotaUsed);
			assert_eq!(
				events(),
				(1..=SPONSORED_CALLS)
					.map(|calls| Event::CallSponsored { patient: id, sponsor: PROVIDER, calls })
					.collect::<Vec<_>>()
			);
			// The next period starts afresh.
			let next = (System::block_number() / SPONSOR_PERIOD + 1) * SPONSOR_PERIOD;
			run_to_block(next);
			assert_eq!(sponsor(ALICE, Consent), paid);
			Patients::note_sponsored_call(&id, PROVIDER);
			assert_eq!(Patients::sponsored_calls(&id).calls, 1);
		});
	}

	#[test]
	fn an_expired_delegate_is_not_sponsored_and_pays_its_own_deposits() {
		ExtBuilder::default().with_provider().build_and_execute(|| {
			let id = sponsored_with_fresh_key();
			let expires_at = System::block_number() + 1;
			assert_ok!(Patients::add_delegate(
				signed(PAUPER),
				id,
				ALICE,
				DelegateRole::Proxy,
				Some(expires_at)
			));
			let payer = || <Patients as PatientLookup<AccountId>>::deposit_payer(&id, &ALICE);
			assert_eq!(payer(), HOSPITAL);
			run_to_block(expires_at);
			assert_eq!(payer(), ALICE);
			assert_eq!(
				Patients::sponsor_of_call(&ALICE, &id, &CareCall::Consent),
				Sponsorship::NotSponsored
			);
		});
	}

	#[test]
	fn nothing_is_sponsored_for_a_self_registered_or_deactivated_patient() {
		ExtBuilder::default().with_provider().build_and_execute(|| {
			let own = register(ALICE);
			assert_eq!(
				Patients::sponsor_of_call(&ALICE, &own, &CareCall::Control),
				Sponsorship::NotSponsored
			);
			let id = sponsored_with_fresh_key();
			Patients::note_sponsored_call(&id, PROVIDER);
			assert_ok!(Patients::deactivate_patient(signed(PAUPER), id));
			assert_eq!(
				Patients::sponsor_of_call(&PAUPER, &id, &CareCall::Control),
				Sponsorship::NotSponsored
			);
			assert_eq!(SponsoredCallsOf::<Test>::get(id), None);
		});
	}

	#[test]
	fn the_sponsor_pays_the_deposits_of_the_patients_keys_elsewhere_too() {
		ExtBuilder::default().with_provider().build_and_execute(|| {
			let id = sponsored_with_fresh_key();
			assert_ok!(Patients::add_delegate(signed(PAUPER), id, BOB, DelegateRole::Proxy, None));
			let payer = |who| <Patients as PatientLookup<AccountId>>::deposit_payer(&id, &who);
			assert_eq!((payer(PAUPER), payer(BOB)), (HOSPITAL, HOSPITAL));
			// A member pays for what it does; so does a stranger.
			assert_eq!((payer(DOCTOR), payer(ALICE)), (DOCTOR, ALICE));
			let own = register(CHARLIE);
			assert_eq!(
				<Patients as PatientLookup<AccountId>>::deposit_payer(&own, &CHARLIE),
				CHARLIE
			);
		});
	}

	#[test]
	fn the_patients_own_calls_about_their_care_name_the_patient_and_what_they_ask() {
		let id = PatientId::repeat_byte(3);
		let calls = [
			(Call::<Test>::set_commitment { patient: id, commitment: None }, CareCall::Control),
			(
				Call::add_delegate {
					patient: id,
					delegate: BOB,
					role: DelegateRole::Proxy,
					expires_at: None,
				},
				CareCall::Control,
			),
			(Call::remove_delegate { patient: id, delegate: BOB }, CareCall::RemoveDelegate(BOB)),
			(Call::offer_control { patient: id, to: Some(BOB) }, CareCall::Control),
			(Call::offer_control { patient: id, to: None }, CareCall::WithdrawOffer),
			(Call::accept_control { patient: id }, CareCall::AcceptControl),
			(Call::deactivate_patient { patient: id }, CareCall::Control),
		];
		for (call, care) in calls {
			assert_eq!(Patients::patient_of_call(&call), Some((id, care)));
		}
		for call in [
			Call::<Test>::register_patient { commitment: None },
			Call::register_patient_for { commitment: None },
			Call::add_member { member: BOB },
		] {
			assert_eq!(Patients::patient_of_call(&call), None);
		}
	}
}

mod invariants {
	//! One test per invariant of `do_try_state`: a fresh world that keeps them all, broken in
	//! one place, fails with that invariant's error.
	use super::*;

	/// The patients of the world `broken_by` builds.
	struct World {
		/// Alice's, with her own key, Bob as her guardian and control offered to Charlie.
		own: PatientId,
		/// The hospital's custodial patient.
		custodial: PatientId,
		/// Bob's, deactivated.
		deactivated: PatientId,
	}

	/// `do_try_state` of a fresh world after `corrupt` changed its storage. Besides the patients
	/// of [`World`]: the provider (org 0, admin `HOSPITAL`, member `DOCTOR`) and the payer (org
	/// 1, admin `INSURER`). The world keeps every invariant until then.
	fn broken_by(corrupt: impl FnOnce(&World)) -> Result<(), DispatchError> {
		ExtBuilder::default().with_provider().with_payer().build().execute_with(|| {
			let own = register(ALICE);
			assert_ok!(Patients::add_delegate(
				signed(ALICE),
				own,
				BOB,
				DelegateRole::Guardian,
				None
			));
			assert_ok!(Patients::offer_control(signed(ALICE), own, Some(CHARLIE)));
			let custodial = register_custodial();
			let deactivated = register(BOB);
			assert_ok!(Patients::deactivate_patient(signed(BOB), deactivated));
			assert_ok!(Patients::do_try_state());
			corrupt(&World { own, custodial, deactivated });
			Patients::do_try_state()
		})
	}

	/// The invariant `name` does not hold.
	fn violated(name: &'static str) -> Result<(), DispatchError> {
		Err(DispatchError::Other(name))
	}

	/// Change the stored patient `id`.
	fn edit(id: PatientId, change: impl FnOnce(&mut Patient<Test>)) {
		PatientRecords::<Test>::mutate(id, |stored| change(stored.as_mut().expect("patient")));
	}

	#[test]
	fn organization_ids_are_below_next_org_id() {
		// Orgs 0 and 1 exist.
		assert_eq!(
			broken_by(|_| NextOrgId::<Test>::put(1)),
			violated("organization id not below NextOrgId")
		);
	}

	#[test]
	fn every_organization_account_is_indexed() {
		assert_eq!(
			broken_by(|_| OrganizationOf::<Test>::remove(DOCTOR)),
			violated("organization account missing from OrganizationOf")
		);
	}

	#[test]
	fn every_indexed_account_acts_for_its_organization() {
		assert_eq!(
			broken_by(|_| OrganizationOf::<Test>::insert(PAUPER, PROVIDER)),
			violated("OrganizationOf entry without organization")
		);
	}

	#[test]
	fn an_active_patients_own_key_is_indexed() {
		assert_eq!(
			broken_by(|_| PatientOf::<Test>::remove(ALICE)),
			violated("patient's own key missing from PatientOf")
		);
	}

	#[test]
	fn a_custodial_patients_custodian_is_its_sponsor() {
		assert_eq!(
			broken_by(|w| edit(w.custodial, |p| p.control = Control::Custodial(7))),
			violated("custodian is not the sponsor")
		);
	}

	#[test]
	fn a_patients_sponsor_exists() {
		assert_eq!(
			broken_by(|w| edit(w.own, |p| p.sponsor = Some(7))),
			violated("sponsor not found")
		);
	}

	#[test]
	fn a_deactivated_patient_has_no_sponsor() {
		assert_eq!(
			broken_by(|w| edit(w.deactivated, |p| p.sponsor = Some(PROVIDER))),
			violated("deactivated patient keeps data")
		);
	}

	#[test]
	fn only_a_sponsored_patient_has_sponsored_calls() {
		assert_eq!(
			broken_by(|w| SponsoredCallsOf::<Test>::insert(w.own, SponsoredUse::default())),
			violated("sponsored calls counted for a patient without a sponsor")
		);
	}

	#[test]
	fn every_account_acting_for_a_patient_exists_without_a_balance() {
		for who in [ALICE, BOB, CHARLIE] {
			assert_eq!(
				broken_by(|_| frame_system::Account::<Test>::mutate(who, |a| a.sufficients = 0)),
				violated("a patient's account counts fewer sufficients than roles"),
				"account {who}"
			);
		}
	}

	#[test]
	fn a_deactivated_patient_keeps_no_data() {
		assert_eq!(
			broken_by(|w| edit(w.deactivated, |p| p.commitment = Some(COMMITMENT))),
			violated("deactivated patient keeps data")
		);
	}

	#[test]
	fn every_indexed_key_is_an_active_patients_own() {
		assert_eq!(
			broken_by(|w| PatientOf::<Test>::insert(BOB, w.deactivated)),
			violated("PatientOf entry without active patient")
		);
	}

	#[test]
	fn control_is_offered_for_active_patients_only() {
		assert_eq!(
			broken_by(|w| ControlOffers::<Test>::insert(
				w.deactivated,
				ControlOffer { to: CHARLIE, accept_from: 1 }
			)),
			violated("control offer for inactive patient")
		);
	}

	#[test]
	fn no_account_holds_a_deposit_the_pallet_does_not_know_of() {
		use frame_support::traits::fungible::MutateHold;
		let leak = |reason: HoldReason, who: AccountId| {
			assert_ok!(<Balances as MutateHold<AccountId>>::hold(&reason.into(), &who, 1));
		};
		// Bob controls no patient and runs no organization.
		for reason in [HoldReason::PatientRecord, HoldReason::OrganizationMembers] {
			assert_eq!(broken_by(|_| leak(reason, BOB)), violated("deposits differ from holds"));
		}
	}

	#[test]
	fn deposits_are_held() {
		assert_eq!(
			broken_by(|w| edit(w.own, |p| p.deposit += 1)),
			violated("deposits differ from holds")
		);
	}
}
