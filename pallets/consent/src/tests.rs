//! Tests of every call's success and error paths, expiry, the access trail and break-glass.
#![allow(clippy::arithmetic_side_effects)]

use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::{
		fungible::{Inspect, InspectHold},
		ConstU32,
	},
	BoundedVec,
};
use sp_core::H256;
use sp_runtime::{DispatchResult, TokenError};

type Scope = ConsentScope<ConstU32<MAX_SCOPE_ITEMS>>;

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn categories(list: &[RecordCategory]) -> Scope {
	ConsentScope::Categories(BoundedVec::truncate_from(list.to_vec()))
}

fn records(list: &[RecordId]) -> Scope {
	ConsentScope::Records(BoundedVec::truncate_from(list.to_vec()))
}

fn labs() -> Scope {
	categories(&[RecordCategory::LabResult])
}

fn org(org: OrgId) -> Grantee<AccountId> {
	Grantee::Organization(org)
}

/// `by` grants `grantee` access to `scope` of `patient` for treatment from now, until
/// `expires_at`; returns the grant's id.
fn grant_as(
	by: AccountId,
	patient: PatientId,
	grantee: Grantee<AccountId>,
	scope: Scope,
	expires_at: Option<u64>,
) -> GrantId {
	let id = NextGrantId::<Test>::get();
	assert_ok!(Consent::grant_consent(
		signed(by),
		patient,
		grantee,
		scope,
		Purpose::Treatment,
		None,
		expires_at
	));
	id
}

/// Alice grants the hospital her lab results for treatment, until revoked.
fn alice_grants_labs() -> GrantId {
	grant_as(ALICE_KEY, ALICE, org(HOSPITAL), labs(), None)
}

fn held_for_grants(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::ConsentGrant.into(), &who)
}

fn held_for_requests(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::ConsentRequest.into(), &who)
}

fn log(who: AccountId, patient: PatientId, record: RecordId, purpose: Purpose) -> DispatchResult {
	Consent::log_access(signed(who), patient, record, purpose)
}

/// `by` asks `patient` for consent to every record for payment, until `expires_at`; returns the
/// request's id.
fn request(by: AccountId, patient: PatientId, expires_at: Option<u64>) -> RequestId {
	let id = NextRequestId::<Test>::get();
	assert_ok!(Consent::request_consent(
		signed(by),
		patient,
		ConsentScope::All,
		Purpose::Payment,
		expires_at
	));
	id
}

mod granting {
	use super::*;

	#[test]
	fn a_patient_grants_consent_and_pays_the_deposit() {
		ExtBuilder::default().build_and_execute(|| {
			let id = alice_grants_labs();
			assert_eq!(held_for_grants(ALICE_KEY), GRANT_DEPOSIT);
			assert_eq!(GrantCount::<Test>::get(ALICE), 1);
			assert_eq!(GrantKeys::<Test>::get(id), Some((ALICE, org(HOSPITAL))));
			assert_eq!(
				events(),
				vec![Event::ConsentGranted {
					grant: id,
					patient: ALICE,
					grantee: org(HOSPITAL),
					org: HOSPITAL,
					scope: labs(),
					purpose: Purpose::Treatment,
					starts_at: 1,
					expires_at: None,
					granted_by: ALICE_KEY,
				}]
			);
			assert_eq!(
				Consent::grants_of(ALICE, None, 10),
				vec![GrantInfo {
					patient: ALICE,
					grantee: org(HOSPITAL),
					grant: Grant {
						id,
						scope: labs(),
						purpose: Purpose::Treatment,
						starts_at: 1,
						expires_at: None,
						paid_by: ALICE_KEY,
						deposit: GRANT_DEPOSIT,
						org: HOSPITAL,
					},
					status: GrantStatus::Active,
				}]
			);
		});
	}

	#[test]
	fn a_guardian_and_a_custodian_grant_for_their_patients() {
		ExtBuilder::default().build_and_execute(|| {
			let by_guardian = grant_as(GUARDIAN, ALICE, org(CLINIC), ConsentScope::All, None);
			assert_eq!(held_for_grants(GUARDIAN), GRANT_DEPOSIT);
			assert_eq!(held_for_grants(ALICE_KEY), 0);
			let by_custodian = grant_as(NURSE, CAROL, org(HOSPITAL), ConsentScope::All, None);
			assert_eq!(held_for_grants(NURSE), GRANT_DEPOSIT);
			let grants = Consent::grants_of(ALICE, None, 10);
			assert_eq!(grants.len(), 1);
			assert_eq!(grants[0].grant.id, by_guardian);
			assert_eq!(grants[0].grant.paid_by, GUARDIAN);
			assert_eq!(Consent::grants_of(CAROL, None, 10)[0].grant.id, by_custodian);
		});
	}

	/// #17 item 6: any single member of a custodian could let a patient in custody's records
	/// be used for research.
	#[test]
	fn only_the_custodians_admin_grants_research_use_of_a_patient_in_custody() {
		ExtBuilder::default().build_and_execute(|| {
			let research = |who| {
				Consent::grant_consent(
					signed(who),
					CAROL,
					org(AUDIT_FIRM),
					ConsentScope::All,
					Purpose::Research,
					None,
					None,
				)
			};
			assert_noop!(research(NURSE), Error::<Test>::NotCustodianAdmin);
			// Nor through a request the member approves.
			let request = NextRequestId::<Test>::get();
			assert_ok!(Consent::request_consent(
				signed(AUDITOR),
				CAROL,
				ConsentScope::All,
				Purpose::Research,
				None
			));
			assert_noop!(
				Consent::approve_request(signed(NURSE), request),
				Error::<Test>::NotCustodianAdmin
			);
			// The admin (the hospital's first account) may; a member still grants treatment.
			assert_ok!(research(DOCTOR));
			grant_as(NURSE, CAROL, org(CLINIC), ConsentScope::All, None);
			// A patient with their own key decides for themself.
			assert_ok!(Consent::grant_consent(
				signed(ALICE_KEY),
				ALICE,
				org(AUDIT_FIRM),
				ConsentScope::All,
				Purpose::Research,
				None,
				None,
			));
		});
	}

	#[test]
	fn only_who_manages_the_patients_consent_grants() {
		ExtBuilder::default().build_and_execute(|| {
			for who in [KIN, OUTSIDER, DOCTOR, BOB_KEY] {
				assert_noop!(
					Consent::grant_consent(
						signed(who),
						ALICE,
						org(HOSPITAL),
						labs(),
						Purpose::Treatment,
						None,
						None
					),
					Error::<Test>::NotAuthorized
				);
			}
			assert_noop!(
				Consent::grant_consent(
					signed(ALICE_KEY),
					NOBODY,
					org(HOSPITAL),
					labs(),
					Purpose::Treatment,
					None,
					None
				),
				Error::<Test>::PatientNotActive
			);
		});
	}

	#[test]
	fn grantees_must_be_active() {
		ExtBuilder::default().build_and_execute(|| {
			MockWorld::suspend(CLINIC);
			for grantee in
				[org(9), org(CLINIC), Grantee::Member(OUTSIDER), Grantee::Member(CLINIC_DOCTOR)]
			{
				assert_noop!(
					Consent::grant_consent(
						signed(ALICE_KEY),
						ALICE,
						grantee,
						labs(),
						Purpose::Treatment,
						None,
						None
					),
					Error::<Test>::GranteeNotActive
				);
			}
		});
	}

	#[test]
	fn scopes_and_periods_must_make_sense() {
		ExtBuilder::default().build_and_execute(|| {
			System::set_block_number(5);
			let try_grant = |scope: Scope, starts_at, expires_at| {
				Consent::grant_consent(
					signed(ALICE_KEY),
					ALICE,
					org(HOSPITAL),
					scope,
					Purpose::Research,
					starts_at,
					expires_at,
				)
			};
			assert_noop!(try_grant(categories(&[]), None, None), Error::<Test>::EmptyScope);
			assert_noop!(try_grant(records(&[]), None, None), Error::<Test>::EmptyScope);
			assert_noop!(try_grant(labs(), None, Some(5)), Error::<Test>::InvalidPeriod);
			assert_noop!(try_grant(labs(), None, Some(2)), Error::<Test>::InvalidPeriod);
			assert_noop!(try_grant(labs(), Some(8), Some(8)), Error::<Test>::InvalidPeriod);
			// A start in the past means now.
			assert_ok!(try_grant(labs(), Some(1), Some(6)));
			assert_eq!(Consent::grants_of(ALICE, None, 1)[0].grant.starts_at, 5);
		});
	}

	#[test]
	fn grants_are_bounded_per_grantee_and_per_patient() {
		ExtBuilder::default().build_and_execute(|| {
			for _ in 0..MAX_GRANTS_PER_GRANTEE {
				alice_grants_labs();
			}
			assert_noop!(
				Consent::grant_consent(
					signed(ALICE_KEY),
					ALICE,
					org(HOSPITAL),
					labs(),
					Purpose::Treatment,
					None,
					None
				),
				Error::<Test>::TooManyGrantsForGrantee
			);
			grant_as(ALICE_KEY, ALICE, org(CLINIC), labs(), None);
			grant_as(ALICE_KEY, ALICE, org(INSURER), labs(), None);
			grant_as(ALICE_KEY, ALICE, org(AUDIT_FIRM), labs(), None);
			assert_eq!(GrantCount::<Test>::get(ALICE), MAX_GRANTS_PER_PATIENT);
			assert_noop!(
				Consent::grant_consent(
					signed(ALICE_KEY),
					ALICE,
					Grantee::Member(DOCTOR),
					labs(),
					Purpose::Operations,
					None,
					None
				),
				Error::<Test>::TooManyGrants
			);
		});
	}

	#[test]
	fn a_grant_needs_its_deposit() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				Consent::grant_consent(
					signed(PAUPER),
					DAN,
					org(HOSPITAL),
					labs(),
					Purpose::Treatment,
					None,
					None
				),
				TokenError::FundsUnavailable
			);
		});
	}

	#[test]
	fn grants_page_in_id_order_with_their_status() {
		ExtBuilder::default().build_and_execute(|| {
			let a = grant_as(ALICE_KEY, ALICE, org(CLINIC), labs(), Some(3));
			let b = alice_grants_labs();
			let c = NextGrantId::<Test>::get();
			assert_ok!(Consent::grant_consent(
				signed(ALICE_KEY),
				ALICE,
				org(INSURER),
				ConsentScope::All,
				Purpose::Payment,
				Some(10),
				None
			));
			System::set_block_number(4);
			let page = Consent::grants_of(ALICE, None, 2);
			assert_eq!(page.iter().map(|g| g.grant.id).collect::<Vec<_>>(), vec![a, b]);
			assert_eq!(page[0].status, GrantStatus::Expired);
			assert_eq!(page[1].status, GrantStatus::Active);
			let next = Consent::grants_of(ALICE, Some(b), 2);
			assert_eq!(next.len(), 1);
			assert_eq!((next[0].grant.id, next[0].status), (c, GrantStatus::Pending));
			assert!(Consent::grants_of(ALICE, Some(c), 2).is_empty());
			assert!(Consent::grants_of(BOB, None, 2).is_empty());
		});
	}
}

mod expiry_and_revocation {
	use super::*;

	#[test]
	fn a_grant_applies_from_its_start_block_until_the_block_before_its_expiry() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(Consent::grant_consent(
				signed(ALICE_KEY),
				ALICE,
				org(HOSPITAL),
				labs(),
				Purpose::Treatment,
				Some(3),
				Some(6)
			));
			let allowed = || {
				Consent::has_access(&ALICE, HOSPITAL, RecordCategory::LabResult, Purpose::Treatment)
			};
			System::set_block_number(2);
			assert!(!allowed());
			assert_noop!(log(DOCTOR, ALICE, LAB, Purpose::Treatment), Error::<Test>::NoConsent);
			System::set_block_number(3);
			assert!(allowed());
			assert_ok!(log(DOCTOR, ALICE, LAB, Purpose::Treatment));
			System::set_block_number(5);
			assert_ok!(log(DOCTOR, ALICE, LAB, Purpose::Treatment));
			System::set_block_number(6);
			assert!(!allowed());
			assert_noop!(log(DOCTOR, ALICE, LAB, Purpose::Treatment), Error::<Test>::NoConsent);
		});
	}

	#[test]
	fn revocation_applies_at_once_and_returns_the_deposit() {
		ExtBuilder::default().build_and_execute(|| {
			let id = alice_grants_labs();
			assert_ok!(log(DOCTOR, ALICE, LAB, Purpose::Treatment));
			assert_ok!(Consent::revoke_consent(signed(GUARDIAN), id));
			assert_eq!(held_for_grants(ALICE_KEY), 0);
			assert_eq!(GrantKeys::<Test>::get(id), None);
			assert_eq!(GrantCount::<Test>::get(ALICE), 0);
			assert_eq!(
				events().last(),
				Some(&Event::ConsentRevoked { grant: id, patient: ALICE, revoked_by: GUARDIAN })
			);
			assert_noop!(log(DOCTOR, ALICE, LAB, Purpose::Treatment), Error::<Test>::NoConsent);
			assert!(!Consent::has_access(
				&ALICE,
				HOSPITAL,
				RecordCategory::LabResult,
				Purpose::Treatment
			));
		});
	}

	#[test]
	fn revoking_one_grant_keeps_the_others() {
		ExtBuilder::default().build_and_execute(|| {
			let first = alice_grants_labs();
			let second = grant_as(ALICE_KEY, ALICE, org(HOSPITAL), ConsentScope::All, None);
			assert_ok!(Consent::revoke_consent(signed(ALICE_KEY), first));
			assert_eq!(Grants::<Test>::get(ALICE, org(HOSPITAL)).len(), 1);
			assert_ok!(log(DOCTOR, ALICE, SCAN, Purpose::Treatment));
			assert_eq!(
				events().last(),
				Some(&Event::AccessLogged {
					patient: ALICE,
					record: SCAN,
					accessor: DOCTOR,
					org: HOSPITAL,
					purpose: Purpose::Treatment,
					basis: AccessBasis::Grant(second),
					index: 1,
					head: AccessTrails::<Test>::get(ALICE).head,
				})
			);
		});
	}

	#[test]
	fn only_who_manages_consent_revokes_an_existing_grant() {
		ExtBuilder::default().build_and_execute(|| {
			let id = alice_grants_labs();
			for who in [KIN, DOCTOR, OUTSIDER] {
				assert_noop!(
					Consent::revoke_consent(signed(who), id),
					Error::<Test>::NotAuthorized
				);
			}
			assert_noop!(
				Consent::revoke_consent(signed(ALICE_KEY), id + 1),
				Error::<Test>::GrantNotFound
			);
		});
	}

	#[test]
	fn anyone_removes_an_expired_grant_and_the_payer_gets_the_deposit() {
		ExtBuilder::default().build_and_execute(|| {
			let id = grant_as(GUARDIAN, ALICE, org(HOSPITAL), labs(), Some(4));
			System::set_block_number(3);
			assert_noop!(
				Consent::remove_expired_grant(signed(OUTSIDER), id),
				Error::<Test>::GrantNotExpired
			);
			System::set_block_number(4);
			assert_ok!(Consent::remove_expired_grant(signed(OUTSIDER), id));
			assert_eq!(held_for_grants(GUARDIAN), 0);
			assert_eq!(
				events().last(),
				Some(&Event::ExpiredGrantRemoved { grant: id, patient: ALICE })
			);
			assert_noop!(
				Consent::remove_expired_grant(signed(OUTSIDER), id),
				Error::<Test>::GrantNotFound
			);
		});
	}

	#[test]
	fn grants_without_expiry_stay_until_the_patient_is_deactivated() {
		ExtBuilder::default().build_and_execute(|| {
			let id = alice_grants_labs();
			System::set_block_number(1_000);
			assert_noop!(
				Consent::remove_expired_grant(signed(OUTSIDER), id),
				Error::<Test>::GrantNotExpired
			);
			MockWorld::deactivate(ALICE);
			assert!(!Consent::has_access(
				&ALICE,
				HOSPITAL,
				RecordCategory::LabResult,
				Purpose::Treatment
			));
			assert_ok!(Consent::remove_expired_grant(signed(OUTSIDER), id));
			assert_eq!(held_for_grants(ALICE_KEY), 0);
		});
	}
}

mod requests {
	use super::*;

	#[test]
	fn a_patient_approves_a_request_and_the_organization_gets_the_grant() {
		ExtBuilder::default().build_and_execute(|| {
			let id = request(CLERK, ALICE, Some(50));
			assert_eq!(held_for_requests(CLERK), REQUEST_DEPOSIT);
			let lapses_at = 1 + REQUEST_LIFETIME;
			assert_eq!(
				RequestsOf::<Test>::get(ALICE).into_inner(),
				vec![PendingRequest { request: id, org: INSURER, lapses_at }]
			);
			assert_eq!(
				events(),
				vec![Event::ConsentRequested {
					request: id,
					patient: ALICE,
					org: INSURER,
					scope: ConsentScope::All,
					purpose: Purpose::Payment,
					expires_at: Some(50),
					lapses_at,
				}]
			);
			let grant = NextGrantId::<Test>::get();
			assert_ok!(Consent::approve_request(signed(ALICE_KEY), id));
			assert_eq!(held_for_requests(CLERK), 0);
			assert_eq!(held_for_grants(ALICE_KEY), GRANT_DEPOSIT);
			assert_eq!(Requests::<Test>::get(id), None);
			assert!(!RequestsOf::<Test>::contains_key(ALICE));
			assert_eq!(events().last(), Some(&Event::RequestApproved { request: id, grant }));
			let info = &Consent::grants_of(ALICE, None, 1)[0];
			assert_eq!(
				(info.grantee, info.grant.purpose, info.grant.expires_at),
				(org(INSURER), Purpose::Payment, Some(50))
			);
			assert!(Consent::has_record_access(&ALICE, INSURER, LAB, Purpose::Payment));
		});
	}

	#[test]
	fn a_patient_rejects_and_an_organization_withdraws() {
		ExtBuilder::default().build_and_execute(|| {
			let rejected = request(DOCTOR, ALICE, None);
			let withdrawn = request(DOCTOR, ALICE, None);
			let doctor = <Balances as Inspect<AccountId>>::total_balance(&DOCTOR);
			assert_ok!(Consent::reject_request(signed(GUARDIAN), rejected));
			assert_eq!(
				events().last(),
				Some(&Event::RequestRejected { request: rejected, forfeited: REQUEST_DEPOSIT })
			);
			// The rejected request's deposit is burnt: paid to nobody.
			assert_eq!(
				<Balances as Inspect<AccountId>>::total_balance(&DOCTOR),
				doctor - REQUEST_DEPOSIT
			);
			assert_eq!(<Balances as Inspect<AccountId>>::total_balance(&GUARDIAN), ENDOWMENT);
			// Another member of the requesting organization may withdraw.
			assert_ok!(Consent::withdraw_request(signed(NURSE), withdrawn));
			assert_eq!(events().last(), Some(&Event::RequestWithdrawn { request: withdrawn }));
			assert_eq!(held_for_requests(DOCTOR), 0);
			assert_eq!(GrantCount::<Test>::get(ALICE), 0);
			assert!(!RequestsOf::<Test>::contains_key(ALICE));
		});
	}

	#[test]
	fn bad_requests_are_refused() {
		ExtBuilder::default().build_and_execute(|| {
			let ask = |who, patient, scope, expires_at| {
				Consent::request_consent(signed(who), patient, scope, Purpose::Research, expires_at)
			};
			assert_noop!(ask(OUTSIDER, ALICE, labs(), None), Error::<Test>::NotOrganization);
			assert_noop!(ask(ALICE_KEY, ALICE, labs(), None), Error::<Test>::NotOrganization);
			assert_noop!(ask(DOCTOR, NOBODY, labs(), None), Error::<Test>::PatientNotActive);
			assert_noop!(ask(DOCTOR, ALICE, records(&[]), None), Error::<Test>::EmptyScope);
			assert_noop!(ask(DOCTOR, ALICE, labs(), Some(1)), Error::<Test>::InvalidPeriod);
			assert_noop!(ask(INTERN, ALICE, labs(), None), TokenError::FundsUnavailable);
			for _ in 0..MAX_REQUESTS_PER_ORGANIZATION {
				assert_ok!(ask(AUDITOR, ALICE, labs(), None));
			}
			assert_noop!(
				ask(AUDITOR, ALICE, labs(), None),
				Error::<Test>::TooManyRequestsFromOrganization
			);
			assert_ok!(ask(CLERK, ALICE, labs(), None));
			assert_noop!(ask(DOCTOR, ALICE, labs(), None), Error::<Test>::TooManyRequests);
		});
	}

	#[test]
	fn only_who_may_answer_or_withdraw_does() {
		ExtBuilder::default().build_and_execute(|| {
			let id = request(DOCTOR, ALICE, None);
			for who in [KIN, DOCTOR, BOB_KEY] {
				assert_noop!(
					Consent::approve_request(signed(who), id),
					Error::<Test>::NotAuthorized
				);
				assert_noop!(
					Consent::reject_request(signed(who), id),
					Error::<Test>::NotAuthorized
				);
			}
			for who in [CLINIC_DOCTOR, ALICE_KEY, OUTSIDER] {
				assert_noop!(
					Consent::withdraw_request(signed(who), id),
					Error::<Test>::NotRequester
				);
			}
			let missing = id + 1;
			assert_noop!(
				Consent::approve_request(signed(ALICE_KEY), missing),
				Error::<Test>::RequestNotFound
			);
			assert_noop!(
				Consent::reject_request(signed(ALICE_KEY), missing),
				Error::<Test>::RequestNotFound
			);
			assert_noop!(
				Consent::withdraw_request(signed(DOCTOR), missing),
				Error::<Test>::RequestNotFound
			);
		});
	}

	/// #17 item 5: one organization (an auditor, a payer) could fill all of a patient's pending
	/// request slots, so nobody else could ask, and the patient paid to reject each one.
	#[test]
	fn one_organization_cannot_fill_a_patients_request_list() {
		ExtBuilder::default().build_and_execute(|| {
			for _ in 0..MAX_REQUESTS_PER_ORGANIZATION {
				request(AUDITOR, ALICE, None);
			}
			assert_noop!(
				Consent::request_consent(
					signed(AUDITOR),
					ALICE,
					ConsentScope::All,
					Purpose::Research,
					None
				),
				Error::<Test>::TooManyRequestsFromOrganization
			);
			// The hospital still may ask; so may the auditor, for another patient.
			request(DOCTOR, ALICE, None);
			request(AUDITOR, BOB, None);
		});
	}

	/// #17 item 5: requests never expired, so ignored ones held the patient's slots forever.
	#[test]
	fn an_unanswered_request_lapses_returns_its_deposit_and_makes_room() {
		ExtBuilder::default().build_and_execute(|| {
			let first = request(AUDITOR, ALICE, None);
			let second = request(AUDITOR, ALICE, None);
			let third = request(CLERK, ALICE, None);
			System::set_block_number(REQUEST_LIFETIME);
			assert_noop!(
				Consent::request_consent(
					signed(DOCTOR),
					ALICE,
					ConsentScope::All,
					Purpose::Treatment,
					None
				),
				Error::<Test>::TooManyRequests
			);
			// The block they lapse in: nobody may approve them, and they make room.
			System::set_block_number(1 + REQUEST_LIFETIME);
			assert_noop!(
				Consent::approve_request(signed(ALICE_KEY), first),
				Error::<Test>::RequestLapsed
			);
			let asked = request(DOCTOR, ALICE, None);
			assert_eq!(held_for_requests(AUDITOR), 0);
			assert_eq!(held_for_requests(CLERK), 0);
			assert_eq!(<Balances as Inspect<AccountId>>::total_balance(&AUDITOR), ENDOWMENT);
			assert_eq!(
				RequestsOf::<Test>::get(ALICE).into_inner(),
				vec![PendingRequest {
					request: asked,
					org: HOSPITAL,
					lapses_at: 1 + 2 * REQUEST_LIFETIME
				}]
			);
			let lapsed: Vec<_> = events()
				.into_iter()
				.filter_map(|e| match e {
					Event::RequestLapsed { request } => Some(request),
					_ => None,
				})
				.collect();
			assert_eq!(lapsed, vec![first, second, third]);
		});
	}

	/// Review of #17: a member of a custodian rejected a rival organization's requests for a
	/// patient in custody, and burnt their deposits.
	#[test]
	fn a_custodian_rejecting_for_a_patient_in_custody_burns_no_deposit() {
		ExtBuilder::default().build_and_execute(|| {
			let id = request(CLINIC_DOCTOR, CAROL, None);
			assert_ok!(Consent::reject_request(signed(NURSE), id));
			assert_eq!(
				events().last(),
				Some(&Event::RequestRejected { request: id, forfeited: 0 })
			);
			assert_eq!(<Balances as Inspect<AccountId>>::total_balance(&CLINIC_DOCTOR), ENDOWMENT);
		});
	}

	#[test]
	fn rejecting_a_lapsed_request_returns_its_deposit() {
		ExtBuilder::default().build_and_execute(|| {
			let id = request(AUDITOR, ALICE, None);
			System::set_block_number(1 + REQUEST_LIFETIME);
			assert_ok!(Consent::reject_request(signed(ALICE_KEY), id));
			assert_eq!(events().last(), Some(&Event::RequestLapsed { request: id }));
			assert_eq!(<Balances as Inspect<AccountId>>::total_balance(&AUDITOR), ENDOWMENT);
			assert!(!RequestsOf::<Test>::contains_key(ALICE));
		});
	}

	#[test]
	fn a_request_past_its_expiry_cannot_be_approved() {
		ExtBuilder::default().build_and_execute(|| {
			let id = request(DOCTOR, ALICE, Some(5));
			System::set_block_number(5);
			assert_noop!(
				Consent::approve_request(signed(ALICE_KEY), id),
				Error::<Test>::InvalidPeriod
			);
			assert_ok!(Consent::reject_request(signed(ALICE_KEY), id));
		});
	}
}

mod sponsorship {
	//! A patient onboarded by a provider (its sponsor) grants with keys that never had funds:
	//! the sponsor's admin pays the deposits.
	use super::*;

	/// Erin, onboarded by the hospital (admin `DOCTOR`), with her own key and a proxy, neither
	/// ever funded.
	const ERIN: PatientId = PatientId::repeat_byte(0xe0);
	const ERIN_KEY: AccountId = 97;
	const ERIN_PROXY: AccountId = 98;

	fn with_erin() -> ExtBuilder {
		ExtBuilder::default().with_sponsored_patient(ERIN, ERIN_KEY, HOSPITAL).with_delegate(
			ERIN,
			ERIN_PROXY,
			medchain_primitives::DelegateRole::Proxy,
		)
	}

	#[test]
	fn the_sponsor_pays_the_deposit_of_a_grant_made_by_the_patients_keys() {
		with_erin().build_and_execute(|| {
			let by_key = grant_as(ERIN_KEY, ERIN, org(CLINIC), ConsentScope::All, None);
			let by_proxy = grant_as(ERIN_PROXY, ERIN, org(INSURER), ConsentScope::All, None);
			assert_eq!(held_for_grants(DOCTOR), 2 * GRANT_DEPOSIT);
			assert_eq!(
				events()
					.iter()
					.filter(|e| matches!(
						e,
						Event::ConsentGranted { granted_by, .. } if [ERIN_KEY, ERIN_PROXY].contains(granted_by)
					))
					.count(),
				2
			);
			assert_ok!(Consent::revoke_consent(signed(ERIN_KEY), by_key));
			assert_eq!(held_for_grants(DOCTOR), GRANT_DEPOSIT);
			let grants = Consent::grants_of(ERIN, None, 10);
			assert_eq!((grants[0].grant.id, grants[0].grant.paid_by), (by_proxy, DOCTOR));
		});
	}

	#[test]
	fn the_sponsor_pays_the_grant_of_an_approved_request() {
		with_erin().build_and_execute(|| {
			let request = request(CLERK, ERIN, None);
			assert_ok!(Consent::approve_request(signed(ERIN_KEY), request));
			assert_eq!(held_for_grants(DOCTOR), GRANT_DEPOSIT);
		});
	}

	#[test]
	fn the_patients_own_consent_calls_name_the_patient() {
		with_erin().build_and_execute(|| {
			let grant = grant_as(ERIN_KEY, ERIN, org(CLINIC), ConsentScope::All, None);
			let request = request(CLERK, ERIN, None);
			for call in [
				Call::<Test>::grant_consent {
					patient: ERIN,
					grantee: org(CLINIC),
					scope: ConsentScope::All,
					purpose: Purpose::Treatment,
					starts_at: None,
					expires_at: None,
				},
				Call::revoke_consent { grant },
				Call::approve_request { request },
				Call::reject_request { request },
			] {
				let named = Consent::patient_of_call(&call).and_then(|of| of.patient::<Test>());
				assert_eq!(named, Some(ERIN));
			}
			// An unknown grant or request names nobody; the other calls are not the patient's.
			for call in [
				Call::<Test>::revoke_consent { grant: grant + 1 },
				Call::approve_request { request: request + 1 },
			] {
				let named = Consent::patient_of_call(&call).and_then(|of| of.patient::<Test>());
				assert_eq!(named, None);
			}
			for call in
				[Call::<Test>::withdraw_request { request }, Call::remove_expired_grant { grant }]
			{
				assert_eq!(Consent::patient_of_call(&call), None);
			}
		});
	}
}

mod access_log {
	use super::*;

	#[test]
	fn every_access_extends_the_patients_hash_chain() {
		ExtBuilder::default().build_and_execute(|| {
			let grant = alice_grants_labs();
			assert_ok!(log(DOCTOR, ALICE, LAB, Purpose::Treatment));
			System::set_block_number(2);
			assert_ok!(log(NURSE, ALICE, LAB_V2, Purpose::Treatment));
			// Rebuild the chain from the events, as a patient or an auditor would.
			let mut head = H256::zero();
			let mut count = 0;
			for event in events() {
				if let Event::AccessLogged {
					patient,
					record,
					accessor,
					org,
					purpose,
					basis,
					index,
					head: logged,
				} = event
				{
					assert_eq!(basis, AccessBasis::Grant(grant));
					let block: u64 = if index == 1 { 1 } else { 2 };
					let entry = AccessEntry {
						index,
						patient,
						accessor,
						org,
						block,
						action: AccessAction::Accessed { record, purpose, basis },
					};
					head = entry.chain(&head);
					assert_eq!(head, logged);
					count += 1;
				}
			}
			assert_eq!(count, 2);
			assert_eq!(AccessTrails::<Test>::get(ALICE), AccessTrail { count: 2, head });
			assert_eq!(AccessTrails::<Test>::get(BOB), AccessTrail::default());
		});
	}

	#[test]
	fn a_record_grant_covers_the_records_versions_only() {
		ExtBuilder::default().build_and_execute(|| {
			grant_as(ALICE_KEY, ALICE, org(HOSPITAL), records(&[LAB]), None);
			assert_ok!(log(DOCTOR, ALICE, LAB, Purpose::Treatment));
			assert_ok!(log(DOCTOR, ALICE, LAB_V2, Purpose::Treatment));
			assert_noop!(log(DOCTOR, ALICE, SCAN, Purpose::Treatment), Error::<Test>::NoConsent);
			// A record grant does not let the provider hold new records of a category.
			assert!(!Consent::has_access(
				&ALICE,
				HOSPITAL,
				RecordCategory::LabResult,
				Purpose::Treatment
			));
		});
	}

	#[test]
	fn a_member_grant_covers_that_member_only() {
		ExtBuilder::default().build_and_execute(|| {
			let grant = grant_as(ALICE_KEY, ALICE, Grantee::Member(NURSE), ConsentScope::All, None);
			assert_ok!(log(NURSE, ALICE, SCAN, Purpose::Treatment));
			assert_noop!(log(DOCTOR, ALICE, SCAN, Purpose::Treatment), Error::<Test>::NoConsent);
			assert!(!Consent::has_record_access(&ALICE, HOSPITAL, SCAN, Purpose::Treatment));
			assert_eq!(
				Consent::access(ALICE, Grantee::Member(NURSE), SCAN, Purpose::Treatment),
				Some(AccessBasis::Grant(grant))
			);
			assert_eq!(
				Consent::access(ALICE, Grantee::Member(DOCTOR), SCAN, Purpose::Treatment),
				None
			);
			assert_eq!(
				Consent::access(ALICE, Grantee::Member(OUTSIDER), SCAN, Purpose::Treatment),
				None
			);
			assert_eq!(Consent::access(ALICE, org(HOSPITAL), SCAN, Purpose::Treatment), None);
		});
	}

	#[test]
	fn a_member_grant_stays_with_the_organization_the_member_acted_for() {
		ExtBuilder::default().build_and_execute(|| {
			let grant = grant_as(ALICE_KEY, ALICE, Grantee::Member(NURSE), ConsentScope::All, None);
			assert_eq!(
				Consent::grants_of(ALICE, None, 10).first().map(|g| g.grant.org),
				Some(HOSPITAL)
			);
			// The event names the organization the grant is bound to, for the patient to see.
			assert!(matches!(
				events().last(),
				Some(Event::ConsentGranted { grant: g, org: HOSPITAL, .. }) if *g == grant
			));
			// The nurse moves to the clinic: Alice let her see the records as the hospital's.
			MockWorld::edit(|world| world.add_organization(CLINIC, OrgKind::Provider, &[NURSE]));
			assert_noop!(log(NURSE, ALICE, SCAN, Purpose::Treatment), Error::<Test>::NoConsent);
			assert_eq!(
				Consent::access(ALICE, Grantee::Member(NURSE), SCAN, Purpose::Treatment),
				None
			);
			// Back at the hospital, the grant applies again.
			MockWorld::edit(|world| world.add_organization(HOSPITAL, OrgKind::Provider, &[NURSE]));
			assert_eq!(
				Consent::access(ALICE, Grantee::Member(NURSE), SCAN, Purpose::Treatment),
				Some(AccessBasis::Grant(grant))
			);
		});
	}

	#[test]
	fn other_organizations_purposes_and_records_are_refused() {
		ExtBuilder::default().build_and_execute(|| {
			alice_grants_labs();
			assert_noop!(
				log(CLINIC_DOCTOR, ALICE, LAB, Purpose::Treatment),
				Error::<Test>::NoConsent
			);
			assert_noop!(log(DOCTOR, ALICE, LAB, Purpose::Research), Error::<Test>::NoConsent);
			assert_noop!(log(DOCTOR, ALICE, SCAN, Purpose::Treatment), Error::<Test>::NoConsent);
			assert_noop!(
				log(OUTSIDER, ALICE, LAB, Purpose::Treatment),
				Error::<Test>::NotOrganization
			);
			assert_noop!(
				log(DOCTOR, NOBODY, LAB, Purpose::Treatment),
				Error::<Test>::PatientNotActive
			);
			assert_noop!(
				log(DOCTOR, ALICE, 999, Purpose::Treatment),
				Error::<Test>::RecordNotFound
			);
			assert_noop!(
				log(DOCTOR, ALICE, BOB_VISIT, Purpose::Treatment),
				Error::<Test>::WrongPatient
			);
			assert!(!Consent::has_record_access(&ALICE, HOSPITAL, BOB_VISIT, Purpose::Treatment));
			assert!(!Consent::has_record_access(&ALICE, HOSPITAL, 999, Purpose::Treatment));
			assert_eq!(Consent::access(ALICE, org(HOSPITAL), BOB_VISIT, Purpose::Treatment), None);
			MockWorld::suspend(HOSPITAL);
			assert_noop!(
				log(DOCTOR, ALICE, LAB, Purpose::Treatment),
				Error::<Test>::NotOrganization
			);
		});
	}

	#[test]
	fn the_consent_check_follows_the_grants() {
		ExtBuilder::default().build_and_execute(|| {
			let check =
				|org, category| Consent::has_access(&ALICE, org, category, Purpose::Treatment);
			assert!(!check(HOSPITAL, RecordCategory::LabResult));
			alice_grants_labs();
			assert!(check(HOSPITAL, RecordCategory::LabResult));
			assert!(!check(HOSPITAL, RecordCategory::Imaging));
			assert!(!check(CLINIC, RecordCategory::LabResult));
			assert!(Consent::has_record_access(&ALICE, HOSPITAL, LAB, Purpose::Treatment));
			assert!(!Consent::has_record_access(&ALICE, HOSPITAL, SCAN, Purpose::Treatment));
			assert_eq!(
				Consent::access(ALICE, org(HOSPITAL), LAB, Purpose::Treatment),
				Some(AccessBasis::Grant(0))
			);
		});
	}
}

mod release {
	use super::*;
	use codec::Encode;
	use sp_runtime::testing::TestSignature;

	/// `accessor` asks the hospital for `record` for treatment, issued `age` ms ago.
	fn asks(accessor: AccountId, record: RecordId, age: u64) -> ReleaseRequest<AccountId> {
		ReleaseRequest {
			genesis: System::block_hash(0),
			accessor,
			custodian: HOSPITAL,
			record,
			purpose: Purpose::Treatment,
			issued_at: NOW - age,
			nonce: [7; 32],
		}
	}

	/// The request signed by its accessor.
	fn signed_by_accessor(request: &ReleaseRequest<AccountId>) -> TestSignature {
		TestSignature(request.accessor, request.signing_payload())
	}

	/// `by` logs the release asked for by `request`, signed by its accessor.
	fn release(by: AccountId, request: ReleaseRequest<AccountId>) -> DispatchResult {
		let signature = signed_by_accessor(&request);
		Consent::log_release(signed(by), request, signature)
	}

	/// Alice lets the clinic see her lab results for treatment.
	fn alice_grants_the_clinic_labs() -> GrantId {
		grant_as(ALICE_KEY, ALICE, org(CLINIC), labs(), None)
	}

	/// The access-trail entry an event stands for, rebuilt from the event alone and the number
	/// of its block, as a patient's or an auditor's tool rebuilds it; `None` for other events.
	fn entry_of(event: Event<Test>, block: u64) -> Option<(AccessEntry<AccountId, u64>, H256)> {
		let entry = |index, patient, accessor, org, action| AccessEntry {
			index,
			patient,
			accessor,
			org,
			block,
			action,
		};
		Some(match event {
			Event::AccessLogged { patient, record, accessor, org, purpose, basis, index, head } => {
				(
					entry(
						index,
						patient,
						accessor,
						org,
						AccessAction::Accessed { record, purpose, basis },
					),
					head,
				)
			}
			Event::ReleaseLogged {
				patient,
				record,
				accessor,
				org,
				custodian,
				purpose,
				basis,
				evidence,
				index,
				head,
			} => (
				entry(
					index,
					patient,
					accessor,
					org,
					AccessAction::Released { record, purpose, basis, custodian, evidence },
				),
				head,
			),
			Event::BreakGlassOpened { patient, org, opened_by, reason, closes_at, index, head } => {
				(
					entry(
						index,
						patient,
						opened_by,
						org,
						AccessAction::BreakGlassOpened { reason, closes_at },
					),
					head,
				)
			}
			Event::BreakGlassExtended { patient, org, extended_by, closes_at, index, head } => (
				entry(
					index,
					patient,
					extended_by,
					org,
					AccessAction::BreakGlassExtended { org, closes_at },
				),
				head,
			),
			Event::BreakGlassReviewed { patient, opened, auditor, org, finding, index, head } => (
				entry(
					index,
					patient,
					auditor,
					org,
					AccessAction::BreakGlassReviewed { opened, finding },
				),
				head,
			),
			_ => return None,
		})
	}

	/// #19: the review event did not name the auditor's organization, so a gateway indexing the
	/// trail from events could not rebuild a review's entry, nor check the chain past it.
	#[test]
	fn every_kind_of_trail_entry_is_rebuilt_from_its_event_alone() {
		ExtBuilder::default().build_and_execute(|| {
			alice_grants_labs();
			alice_grants_the_clinic_labs();
			assert_ok!(log(DOCTOR, ALICE, LAB, Purpose::Treatment));
			assert_ok!(release(NURSE, asks(CLINIC_DOCTOR, LAB, 1_000)));
			assert_ok!(Consent::break_glass(signed(DOCTOR), ALICE, EmergencyReason::UrgentCare));
			assert_ok!(Consent::extend_break_glass(signed(NURSE), ALICE, HOSPITAL));
			assert_ok!(Consent::review_break_glass(
				signed(AUDITOR),
				ALICE,
				3,
				ReviewFinding::Justified
			));
			let mut head = H256::zero();
			let mut kinds = Vec::new();
			for (entry, logged) in events().into_iter().filter_map(|event| entry_of(event, 1)) {
				head = entry.chain(&head);
				assert_eq!(head, logged, "entry {} rebuilt from its event", entry.index);
				kinds.push(core::mem::discriminant(&entry.action));
			}
			kinds.dedup();
			assert_eq!(kinds.len(), 5, "one entry of each kind");
			assert_eq!(AccessTrails::<Test>::get(ALICE), AccessTrail { count: 5, head });
		});
	}

	#[test]
	fn the_custodian_logs_a_release_on_the_accessors_signed_request() {
		ExtBuilder::default().build_and_execute(|| {
			let grant = alice_grants_the_clinic_labs();
			let request = asks(CLINIC_DOCTOR, LAB, 1_000);
			let evidence = request.evidence(&signed_by_accessor(&request));
			assert_ok!(release(NURSE, request.clone()));
			let entry = AccessEntry {
				index: 1,
				patient: ALICE,
				accessor: CLINIC_DOCTOR,
				org: CLINIC,
				block: 1u64,
				action: AccessAction::Released {
					record: LAB,
					purpose: Purpose::Treatment,
					basis: AccessBasis::Grant(grant),
					custodian: HOSPITAL,
					evidence,
				},
			};
			let head = entry.chain(&H256::zero());
			assert_eq!(
				events().last(),
				Some(&Event::ReleaseLogged {
					patient: ALICE,
					record: LAB,
					accessor: CLINIC_DOCTOR,
					org: CLINIC,
					custodian: HOSPITAL,
					purpose: Purpose::Treatment,
					basis: AccessBasis::Grant(grant),
					evidence,
					index: 1,
					head,
				})
			);
			assert_eq!(AccessTrails::<Test>::get(ALICE), AccessTrail { count: 1, head });
			assert_eq!(LastRelease::<Test>::get(HOSPITAL, CLINIC_DOCTOR), Some(NOW - 1_000));
			// A later request of the same accessor is logged too; the same one again is not.
			assert_ok!(release(DOCTOR, asks(CLINIC_DOCTOR, LAB_V2, 999)));
			assert_noop!(release(NURSE, request), Error::<Test>::ReplayedRequest);
		});
	}

	#[test]
	fn a_custodian_cannot_log_a_release_nobody_asked_for_or_log_one_twice() {
		ExtBuilder::default().build_and_execute(|| {
			alice_grants_the_clinic_labs();
			let request = asks(CLINIC_DOCTOR, LAB, 1_000);
			// Signed by the custodian's own member, not the accessor.
			assert_noop!(
				Consent::log_release(
					signed(DOCTOR),
					request.clone(),
					TestSignature(DOCTOR, request.signing_payload())
				),
				Error::<Test>::BadSignature
			);
			// The accessor's signature of another request.
			let other = asks(CLINIC_DOCTOR, LAB_V2, 1_000);
			assert_noop!(
				Consent::log_release(signed(DOCTOR), request.clone(), signed_by_accessor(&other)),
				Error::<Test>::BadSignature
			);
			// The accessor's signature of the bare encoding, without the tag.
			assert_noop!(
				Consent::log_release(
					signed(DOCTOR),
					request.clone(),
					TestSignature(CLINIC_DOCTOR, request.encode())
				),
				Error::<Test>::BadSignature
			);
			assert_ok!(release(DOCTOR, request.clone()));
			// Neither the same request again nor an older one.
			assert_noop!(release(DOCTOR, request), Error::<Test>::ReplayedRequest);
			assert_noop!(
				release(DOCTOR, asks(CLINIC_DOCTOR, LAB_V2, 2_000)),
				Error::<Test>::ReplayedRequest
			);
		});
	}

	#[test]
	fn only_the_records_custodian_logs_its_release_for_this_chain_and_now() {
		ExtBuilder::default().build_and_execute(|| {
			grant_as(BOB_KEY, BOB, org(HOSPITAL), ConsentScope::All, None);
			alice_grants_the_clinic_labs();
			// The clinic does not hold Alice's lab result, nor act for the hospital.
			assert_noop!(
				release(CLINIC_DOCTOR, asks(CLINIC_DOCTOR, LAB, 0)),
				Error::<Test>::NotCustodian
			);
			// The hospital does not hold Bob's visit, which the request asks it for.
			assert_noop!(release(DOCTOR, asks(DOCTOR, BOB_VISIT, 0)), Error::<Test>::NotCustodian);
			assert_noop!(
				release(OUTSIDER, asks(CLINIC_DOCTOR, LAB, 0)),
				Error::<Test>::NotOrganization
			);
			let other_chain =
				ReleaseRequest { genesis: H256::repeat_byte(1), ..asks(CLINIC_DOCTOR, LAB, 0) };
			assert_noop!(release(DOCTOR, other_chain), Error::<Test>::WrongChain);
			assert_noop!(
				release(DOCTOR, asks(CLINIC_DOCTOR, LAB, RELEASE_WINDOW + 1)),
				Error::<Test>::StaleRequest
			);
			let early = ReleaseRequest {
				issued_at: NOW + RELEASE_WINDOW + 1,
				..asks(CLINIC_DOCTOR, LAB, 0)
			};
			assert_noop!(release(DOCTOR, early), Error::<Test>::StaleRequest);
			// The edges of the window are inside it.
			assert_ok!(release(DOCTOR, asks(CLINIC_DOCTOR, LAB, RELEASE_WINDOW)));
			let latest =
				ReleaseRequest { issued_at: NOW + RELEASE_WINDOW, ..asks(CLINIC_DOCTOR, LAB, 0) };
			assert_ok!(release(DOCTOR, latest));
		});
	}

	#[test]
	fn a_release_needs_a_member_accessor_an_active_record_and_consent() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(release(DOCTOR, asks(OUTSIDER, LAB, 0)), Error::<Test>::AccessorNotMember);
			assert_noop!(
				release(DOCTOR, asks(CLINIC_DOCTOR, 999, 0)),
				Error::<Test>::RecordNotFound
			);
			assert_noop!(release(DOCTOR, asks(CLINIC_DOCTOR, LAB, 0)), Error::<Test>::NoConsent);
			alice_grants_the_clinic_labs();
			// The clinic may see labs, not imaging, and for treatment only.
			assert_noop!(release(DOCTOR, asks(CLINIC_DOCTOR, SCAN, 0)), Error::<Test>::NoConsent);
			let research =
				ReleaseRequest { purpose: Purpose::Research, ..asks(CLINIC_DOCTOR, LAB, 0) };
			assert_noop!(release(DOCTOR, research), Error::<Test>::NoConsent);
			MockWorld::retract(LAB_V2);
			assert_noop!(
				release(DOCTOR, asks(CLINIC_DOCTOR, LAB_V2, 0)),
				Error::<Test>::RecordRetracted
			);
			MockWorld::suspend(CLINIC);
			assert_noop!(
				release(DOCTOR, asks(CLINIC_DOCTOR, LAB, 0)),
				Error::<Test>::AccessorNotMember
			);
			MockWorld::reactivate(CLINIC);
			MockWorld::deactivate(ALICE);
			assert_noop!(
				release(DOCTOR, asks(CLINIC_DOCTOR, LAB, 0)),
				Error::<Test>::PatientNotActive
			);
		});
	}

	#[test]
	fn break_glass_covers_a_release_for_treatment() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(Consent::break_glass(
				signed(CLINIC_DOCTOR),
				ALICE,
				EmergencyReason::UrgentCare
			));
			assert_ok!(release(DOCTOR, asks(CLINIC_DOCTOR, SCAN, 0)));
			assert!(matches!(
				events().last(),
				Some(Event::ReleaseLogged { basis: AccessBasis::BreakGlass, index: 2, .. })
			));
		});
	}
}

mod break_glass {
	use super::*;

	#[test]
	fn break_glass_opens_treatment_access_for_a_fixed_window() {
		ExtBuilder::default().build_and_execute(|| {
			System::set_block_number(10);
			assert_ok!(Consent::break_glass(
				signed(DOCTOR),
				ALICE,
				EmergencyReason::UnableToConsent
			));
			let closes_at = 10 + BREAK_GLASS_PERIOD;
			let trail = AccessTrails::<Test>::get(ALICE);
			assert_eq!(trail.count, 1);
			assert_eq!(
				events(),
				vec![Event::BreakGlassOpened {
					patient: ALICE,
					org: HOSPITAL,
					opened_by: DOCTOR,
					reason: EmergencyReason::UnableToConsent,
					closes_at,
					index: 1,
					head: trail.head,
				}]
			);
			assert_eq!(
				BreakGlassLog::<Test>::get(ALICE).into_inner(),
				vec![BreakGlass {
					org: HOSPITAL,
					opened_by: DOCTOR,
					reason: EmergencyReason::UnableToConsent,
					opened_at: 10,
					closes_at,
					opened: 1,
					extended_by: None,
				}]
			);
			// Another member of the provider uses the window; it is flagged in the log.
			assert_ok!(log(NURSE, ALICE, SCAN, Purpose::Treatment));
			assert!(matches!(
				events().last(),
				Some(Event::AccessLogged { basis: AccessBasis::BreakGlass, index: 2, .. })
			));
			assert!(Consent::has_record_access(&ALICE, HOSPITAL, SCAN, Purpose::Treatment));
			// It lets the provider see records, never hold new ones without consent.
			assert!(!Consent::has_access(
				&ALICE,
				HOSPITAL,
				RecordCategory::Imaging,
				Purpose::Treatment
			));
			// Treatment only, this provider only.
			assert_noop!(log(DOCTOR, ALICE, SCAN, Purpose::Research), Error::<Test>::NoConsent);
			assert_noop!(
				log(CLINIC_DOCTOR, ALICE, SCAN, Purpose::Treatment),
				Error::<Test>::NoConsent
			);
			// The last block of the window, then the first after it.
			System::set_block_number(closes_at - 1);
			assert_ok!(log(DOCTOR, ALICE, SCAN, Purpose::Treatment));
			System::set_block_number(closes_at);
			assert_noop!(log(DOCTOR, ALICE, SCAN, Purpose::Treatment), Error::<Test>::NoConsent);
			assert!(!Consent::has_access(
				&ALICE,
				HOSPITAL,
				RecordCategory::Imaging,
				Purpose::Treatment
			));
			// A new window may be opened once the last one closed.
			assert_ok!(Consent::break_glass(
				signed(NURSE),
				ALICE,
				EmergencyReason::LifeThreatening
			));
		});
	}

	#[test]
	fn break_glass_is_for_active_providers_and_one_window_at_a_time() {
		ExtBuilder::default().build_and_execute(|| {
			for who in [CLERK, AUDITOR, OUTSIDER, ALICE_KEY] {
				assert_noop!(
					Consent::break_glass(signed(who), ALICE, EmergencyReason::UrgentCare),
					Error::<Test>::NotProvider
				);
			}
			assert_noop!(
				Consent::break_glass(signed(DOCTOR), NOBODY, EmergencyReason::UrgentCare),
				Error::<Test>::PatientNotActive
			);
			assert_ok!(Consent::break_glass(signed(DOCTOR), ALICE, EmergencyReason::UrgentCare));
			assert_noop!(
				Consent::break_glass(signed(NURSE), ALICE, EmergencyReason::UrgentCare),
				Error::<Test>::BreakGlassActive
			);
			// Another provider opens its own window.
			assert_ok!(Consent::break_glass(
				signed(CLINIC_DOCTOR),
				ALICE,
				EmergencyReason::UrgentCare
			));
		});
	}

	#[test]
	fn the_latest_windows_are_kept_and_all_stay_in_the_trail() {
		ExtBuilder::default().build_and_execute(|| {
			for block in [1, 60, 120] {
				System::set_block_number(block);
				assert_ok!(Consent::break_glass(signed(DOCTOR), BOB, EmergencyReason::UrgentCare));
			}
			let kept: Vec<u64> =
				BreakGlassLog::<Test>::get(BOB).iter().map(|w| w.opened_at).collect();
			assert_eq!(kept, vec![60, 120]);
			assert_eq!(AccessTrails::<Test>::get(BOB).count, 3);
		});
	}
}

mod break_glass_limits {
	use super::*;

	fn open(who: AccountId, patient: PatientId) -> DispatchResult {
		Consent::break_glass(signed(who), patient, EmergencyReason::UrgentCare)
	}

	/// #17 item 3: a provider could reopen break-glass the block its window closed, for ever.
	#[test]
	fn a_provider_opens_at_most_its_quota_of_windows_per_period() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(open(DOCTOR, ALICE));
			System::set_block_number(1 + BREAK_GLASS_PERIOD);
			assert_ok!(open(NURSE, ALICE));
			System::set_block_number(1 + 2 * BREAK_GLASS_PERIOD);
			assert_noop!(open(DOCTOR, ALICE), Error::<Test>::BreakGlassQuotaReached);
			// The quota is per provider and patient.
			assert_ok!(open(CLINIC_DOCTOR, ALICE));
			assert_ok!(open(DOCTOR, BOB));
			// Once the first window is a period old, it no longer counts.
			System::set_block_number(1 + BREAK_GLASS_QUOTA_PERIOD);
			assert_ok!(open(DOCTOR, ALICE));
		});
	}

	/// Review after #17: the quota was counted over the patient's kept windows, so other
	/// providers' windows pushed a provider's out of the count and gave it a fresh quota.
	#[test]
	fn other_providers_windows_do_not_reset_a_providers_quota() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(open(DOCTOR, ALICE));
			System::set_block_number(1 + BREAK_GLASS_PERIOD);
			assert_ok!(open(DOCTOR, ALICE));
			// The clinic's window fills the kept list and drops the hospital's first window.
			assert_ok!(open(CLINIC_DOCTOR, ALICE));
			assert_eq!(BreakGlassLog::<Test>::get(ALICE).len(), MAX_BREAK_GLASS_KEPT as usize);
			assert!(BreakGlassLog::<Test>::get(ALICE).iter().all(|window| window.opened_at > 1));
			System::set_block_number(1 + 2 * BREAK_GLASS_PERIOD);
			assert_noop!(open(NURSE, ALICE), Error::<Test>::BreakGlassQuotaReached);
			System::set_block_number(1 + BREAK_GLASS_QUOTA_PERIOD);
			assert_ok!(open(NURSE, ALICE));
		});
	}

	/// Review after #17: a full list dropped its oldest window even while it was open, so
	/// other providers opening windows closed a provider's emergency access.
	#[test]
	fn a_full_list_drops_a_closed_window_before_an_open_one() {
		const THIRD_PROVIDER: OrgId = 5;
		const THIRD_DOCTOR: AccountId = 15;
		ExtBuilder::default().with_provider(THIRD_PROVIDER, &[THIRD_DOCTOR]).build_and_execute(
			|| {
				assert_ok!(open(DOCTOR, ALICE));
				assert_ok!(Consent::extend_break_glass(signed(NURSE), ALICE, HOSPITAL));
				System::set_block_number(2);
				assert_ok!(open(CLINIC_DOCTOR, ALICE));
				// The clinic's window has closed; the hospital's, extended, is open.
				System::set_block_number(2 + BREAK_GLASS_PERIOD);
				assert_ok!(open(THIRD_DOCTOR, ALICE));
				let orgs: Vec<_> =
					BreakGlassLog::<Test>::get(ALICE).iter().map(|window| window.org).collect();
				assert_eq!(orgs, vec![HOSPITAL, THIRD_PROVIDER]);
				assert_eq!(
					Consent::access(ALICE, Grantee::Member(DOCTOR), LAB, Purpose::Treatment),
					Some(AccessBasis::BreakGlass)
				);
			},
		);
	}

	/// #17 item 3: beyond one window, emergency access needs a second person.
	#[test]
	fn a_second_person_extends_an_open_window_once() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(open(DOCTOR, ALICE));
			let extend = |who| Consent::extend_break_glass(signed(who), ALICE, HOSPITAL);
			assert_noop!(extend(DOCTOR), Error::<Test>::SamePersonExtends);
			for who in [CLINIC_DOCTOR, CLERK, OUTSIDER] {
				assert_noop!(extend(who), Error::<Test>::NotProviderOrAuditor);
			}
			assert_noop!(
				Consent::extend_break_glass(signed(NURSE), ALICE, CLINIC),
				Error::<Test>::NotProviderOrAuditor
			);
			assert_noop!(
				Consent::extend_break_glass(signed(CLINIC_DOCTOR), ALICE, CLINIC),
				Error::<Test>::NoOpenBreakGlass
			);
			assert_ok!(extend(NURSE));
			let closes_at = 1 + 2 * BREAK_GLASS_PERIOD;
			assert!(matches!(
				events().last(),
				Some(Event::BreakGlassExtended { org: HOSPITAL, extended_by: NURSE, closes_at: c, index: 2, .. })
					if *c == closes_at
			));
			assert_noop!(extend(AUDITOR), Error::<Test>::AlreadyExtended);
			System::set_block_number(closes_at - 1);
			assert_ok!(log(DOCTOR, ALICE, SCAN, Purpose::Treatment));
			System::set_block_number(closes_at);
			assert_noop!(log(DOCTOR, ALICE, SCAN, Purpose::Treatment), Error::<Test>::NoConsent);
			assert_noop!(extend(NURSE), Error::<Test>::NoOpenBreakGlass);
		});
	}

	#[test]
	fn an_auditor_extends_too() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(open(DOCTOR, ALICE));
			assert_ok!(Consent::extend_break_glass(signed(AUDITOR), ALICE, HOSPITAL));
			assert_eq!(BreakGlassLog::<Test>::get(ALICE)[0].closes_at, 1 + 2 * BREAK_GLASS_PERIOD);
			assert_noop!(
				Consent::extend_break_glass(signed(AUDITOR), NOBODY, HOSPITAL),
				Error::<Test>::PatientNotActive
			);
		});
	}

	/// #17 item 3: nothing listed break-glass windows for review, and nobody reviewed them.
	#[test]
	fn every_window_waits_for_an_auditors_review_in_the_patients_trail() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(open(DOCTOR, ALICE));
			assert_ok!(open(CLINIC_DOCTOR, ALICE));
			let open_reviews: Vec<_> = BreakGlassReviews::<Test>::iter_prefix(ALICE).collect();
			assert_eq!(open_reviews.len(), 2);
			assert_eq!(BreakGlassReviews::<Test>::get(ALICE, 1), Some(pending(HOSPITAL, None)));
			let review = |who, opened| {
				Consent::review_break_glass(signed(who), ALICE, opened, ReviewFinding::Justified)
			};
			for who in [DOCTOR, CLERK, OUTSIDER, ALICE_KEY] {
				assert_noop!(review(who, 1), Error::<Test>::NotAuditor);
			}
			assert_noop!(review(AUDITOR, 3), Error::<Test>::ReviewNotFound);
			assert_ok!(Consent::review_break_glass(
				signed(AUDITOR),
				ALICE,
				1,
				ReviewFinding::Unjustified
			));
			let trail = AccessTrails::<Test>::get(ALICE);
			assert_eq!(trail.count, 3);
			assert_eq!(
				events().last(),
				Some(&Event::BreakGlassReviewed {
					patient: ALICE,
					opened: 1,
					auditor: AUDITOR,
					org: AUDIT_FIRM,
					finding: ReviewFinding::Unjustified,
					index: 3,
					head: trail.head,
				})
			);
			assert_eq!(BreakGlassReviews::<Test>::get(ALICE, 1), None);
			assert_noop!(review(AUDITOR, 1), Error::<Test>::ReviewNotFound);
			assert_eq!(BreakGlassReviews::<Test>::get(ALICE, 2), Some(pending(CLINIC, None)));
		});
	}

	fn pending(org: OrgId, extended_by: Option<(AccountId, OrgId)>) -> PendingReview<AccountId> {
		let extended_by = extended_by.map(|(who, acting_for)| Extender { who, acting_for });
		PendingReview { org, extended_by }
	}

	/// Review after #17: an auditor could extend a window and then review it itself, and a
	/// window reviewed in its first period left its extension unreviewed. The account that
	/// extended never reviews, even acting for another auditor later.
	#[test]
	fn an_auditor_that_extended_a_window_does_not_review_it_and_an_extension_is_reviewed_too() {
		const OTHER_AUDIT_FIRM: OrgId = 4;
		const OTHER_AUDITOR: AccountId = 14;
		ExtBuilder::default().with_auditor(OTHER_AUDIT_FIRM, &[OTHER_AUDITOR]).build_and_execute(
			|| {
				let review = |who| {
					Consent::review_break_glass(signed(who), ALICE, 1, ReviewFinding::Justified)
				};
				assert_ok!(open(DOCTOR, ALICE));
				assert_ok!(open(CLINIC_DOCTOR, ALICE));
				assert_ok!(review(AUDITOR));
				assert_ok!(Consent::extend_break_glass(signed(AUDITOR), ALICE, HOSPITAL));
				assert_eq!(
					BreakGlassReviews::<Test>::get(ALICE, 1),
					Some(pending(HOSPITAL, Some((AUDITOR, AUDIT_FIRM))))
				);
				assert_noop!(review(AUDITOR), Error::<Test>::ReviewerExtended);
				// Moved to the other auditor, the account that extended still does not review.
				MockWorld::edit(|world| {
					world.add_organization(OTHER_AUDIT_FIRM, OrgKind::Auditor, &[AUDITOR])
				});
				assert_noop!(review(AUDITOR), Error::<Test>::ReviewerExtended);
				assert_ok!(review(OTHER_AUDITOR));
				assert_eq!(BreakGlassReviews::<Test>::get(ALICE, 1), None);
				// When a member of the provider extends, any auditor reviews.
				assert_ok!(open(DOCTOR, BOB));
				assert_ok!(Consent::extend_break_glass(signed(NURSE), BOB, HOSPITAL));
				assert_eq!(
					BreakGlassReviews::<Test>::get(BOB, 1),
					Some(pending(HOSPITAL, Some((NURSE, HOSPITAL))))
				);
				assert_ok!(Consent::review_break_glass(
					signed(AUDITOR),
					BOB,
					1,
					ReviewFinding::Justified
				));
			},
		);
	}
}

mod invariants {
	//! One test per invariant of `do_try_state`: a fresh world that keeps them all, broken in
	//! one place, fails with that invariant's error.
	use super::*;
	use sp_runtime::DispatchError;

	/// The grants of the world `broken_by` builds, both paid for by `ALICE_KEY`.
	struct World {
		/// Alice's lab results to the hospital, until revoked.
		labs: GrantId,
		/// Alice's lab result `LAB` to the clinic's doctor, until block 50.
		member_grant: GrantId,
	}

	/// `do_try_state` at block 1 of a fresh world after `corrupt` changed its storage. Besides
	/// the grants of [`World`]: `DOCTOR` asked Alice (request 0) and Bob (request 1) for consent;
	/// Alice's trail has one access by `DOCTOR`; the clinic then the hospital opened break-glass
	/// windows for Bob (two entries of his trail). The world keeps every invariant until then.
	fn broken_by(corrupt: impl FnOnce(&World)) -> Result<(), DispatchError> {
		ExtBuilder::default().build().execute_with(|| {
			let labs = alice_grants_labs();
			let member_grant = grant_as(
				ALICE_KEY,
				ALICE,
				Grantee::Member(CLINIC_DOCTOR),
				records(&[LAB]),
				Some(50),
			);
			for patient in [ALICE, BOB] {
				assert_ok!(Consent::request_consent(
					signed(DOCTOR),
					patient,
					ConsentScope::All,
					Purpose::Treatment,
					None
				));
			}
			assert_ok!(log(DOCTOR, ALICE, LAB, Purpose::Treatment));
			for provider in [CLINIC_DOCTOR, DOCTOR] {
				assert_ok!(Consent::break_glass(
					signed(provider),
					BOB,
					EmergencyReason::UrgentCare
				));
			}
			assert_ok!(Consent::do_try_state());
			corrupt(&World { labs, member_grant });
			Consent::do_try_state()
		})
	}

	/// The invariant `name` does not hold.
	fn violated(name: &'static str) -> Result<(), DispatchError> {
		Err(DispatchError::Other(name))
	}

	/// Change the stored grant `id`.
	fn edit_grant(id: GrantId, change: impl FnOnce(&mut GrantOf<Test>)) {
		let (patient, grantee) = GrantKeys::<Test>::get(id).expect("grant key stored");
		Grants::<Test>::mutate(patient, grantee, |grants| {
			change(grants.iter_mut().find(|grant| grant.id == id).expect("grant stored"))
		});
	}

	/// Request `id` of `org`, made in block 1, as a patient's list holds it.
	fn pending(id: RequestId, org: OrgId) -> PendingRequest<u64> {
		PendingRequest { request: id, org, lapses_at: 1 + REQUEST_LIFETIME }
	}

	/// A listed request of `org` with id `id`, which need not exist.
	fn pending_of(org: OrgId, id: RequestId) -> PendingRequest<u64> {
		pending(id, org)
	}

	/// Change the stored request `id`.
	fn edit_request(id: RequestId, change: impl FnOnce(&mut ConsentRequest<Test>)) {
		Requests::<Test>::mutate(id, |stored| change(stored.as_mut().expect("request stored")));
	}

	/// Change the first of Bob's kept break-glass windows.
	fn edit_first_window(change: impl FnOnce(&mut BreakGlass<AccountId, u64>)) {
		BreakGlassLog::<Test>::mutate(BOB, |windows| {
			change(windows.get_mut(0).expect("a window kept"))
		});
	}

	#[test]
	fn no_empty_grant_list_is_stored() {
		assert_eq!(
			broken_by(|_| Grants::<Test>::insert(
				BOB,
				org(CLINIC),
				BoundedVec::truncate_from(Vec::<GrantOf<Test>>::new())
			)),
			violated("empty grant list stored")
		);
	}

	#[test]
	fn no_release_logged_was_issued_later_than_the_window_allows() {
		assert_eq!(
			broken_by(|_| LastRelease::<Test>::insert(
				HOSPITAL,
				CLINIC_DOCTOR,
				NOW + RELEASE_WINDOW + 1
			)),
			violated("a release logged that was issued later than the window allows")
		);
		assert_eq!(
			broken_by(|_| LastRelease::<Test>::insert(
				HOSPITAL,
				CLINIC_DOCTOR,
				NOW + RELEASE_WINDOW
			)),
			Ok(())
		);
	}

	#[test]
	fn grant_ids_are_below_next_grant_id() {
		assert_eq!(
			broken_by(|w| NextGrantId::<Test>::put(w.member_grant)),
			violated("grant id not below NextGrantId")
		);
	}

	#[test]
	fn every_grant_has_its_key() {
		assert_eq!(broken_by(|w| GrantKeys::<Test>::remove(w.labs)), violated("grant key missing"));
	}

	#[test]
	fn every_grant_covers_something() {
		assert_eq!(
			broken_by(|w| edit_grant(w.labs, |grant| grant.scope = categories(&[]))),
			violated("empty scope")
		);
	}

	#[test]
	fn every_grant_ends_after_it_starts() {
		assert_eq!(
			broken_by(|w| edit_grant(w.member_grant, |grant| {
				grant.expires_at = Some(grant.starts_at)
			})),
			violated("grant ends before it starts")
		);
	}

	#[test]
	fn grant_deposits_do_not_overflow() {
		assert_eq!(
			broken_by(|w| {
				for id in [w.labs, w.member_grant] {
					edit_grant(id, |grant| grant.deposit = Balance::MAX);
				}
			}),
			violated("grant deposit overflow")
		);
	}

	#[test]
	fn every_grant_key_is_of_a_grant() {
		assert_eq!(
			broken_by(|_| GrantKeys::<Test>::insert(7, (BOB, org(CLINIC)))),
			violated("stale grant key")
		);
	}

	#[test]
	fn grant_counts_are_the_grants() {
		assert_eq!(
			broken_by(|_| GrantCount::<Test>::insert(ALICE, 3)),
			violated("GrantCount differs from the grants")
		);
	}

	#[test]
	fn request_ids_are_below_next_request_id() {
		assert_eq!(
			broken_by(|_| NextRequestId::<Test>::put(1)),
			violated("request id not below NextRequestId")
		);
	}

	#[test]
	fn every_request_is_listed_once() {
		assert_eq!(
			broken_by(|_| RequestsOf::<Test>::insert(
				ALICE,
				BoundedVec::truncate_from(vec![pending(0, HOSPITAL), pending(0, HOSPITAL)])
			)),
			violated("request not listed once")
		);
		// Listed with another organization or lapse is not listed.
		assert_eq!(
			broken_by(|_| RequestsOf::<Test>::insert(
				ALICE,
				BoundedVec::truncate_from(vec![pending(0, CLINIC)])
			)),
			violated("request not listed once")
		);
	}

	#[test]
	fn a_request_lapses_one_lifetime_after_it_was_made() {
		assert_eq!(
			broken_by(|_| edit_request(0, |request| request.lapses_at += 1)),
			violated("request lapses after another lifetime")
		);
	}

	#[test]
	fn no_organization_has_more_requests_waiting_for_a_patient_than_allowed() {
		assert_eq!(
			broken_by(|_| RequestsOf::<Test>::mutate(ALICE, |pending| {
				for _ in 0..MAX_REQUESTS_PER_ORGANIZATION {
					assert_ok!(pending.try_push(pending_of(HOSPITAL, 99)));
				}
			})),
			violated("too many requests of one organization")
		);
	}

	#[test]
	fn request_deposits_do_not_overflow() {
		assert_eq!(
			broken_by(|_| {
				for id in [0, 1] {
					edit_request(id, |request| request.deposit = Balance::MAX);
				}
			}),
			violated("request deposit overflow")
		);
	}

	#[test]
	fn no_empty_request_list_is_stored() {
		assert_eq!(
			broken_by(|_| RequestsOf::<Test>::insert(
				CAROL,
				BoundedVec::truncate_from(Vec::<PendingRequest<u64>>::new())
			)),
			violated("empty request list stored")
		);
	}

	#[test]
	fn a_request_is_listed_under_its_patient_only() {
		assert_eq!(
			broken_by(|_| RequestsOf::<Test>::insert(
				CAROL,
				BoundedVec::truncate_from(vec![pending(0, HOSPITAL)])
			)),
			violated("stale request listed")
		);
	}

	#[test]
	fn grant_deposits_are_held() {
		assert_eq!(
			broken_by(|w| edit_grant(w.labs, |grant| grant.deposit += 1)),
			violated("grant deposits differ from holds")
		);
	}

	#[test]
	fn no_account_holds_a_deposit_the_pallet_does_not_know_of() {
		use frame_support::traits::fungible::MutateHold;
		let leak = |reason: HoldReason, who: AccountId| {
			assert_ok!(<Balances as MutateHold<AccountId>>::hold(&reason.into(), &who, 1));
		};
		// The auditor paid for no grant and no request.
		assert_eq!(
			broken_by(|_| leak(HoldReason::ConsentGrant, AUDITOR)),
			violated("grant deposits differ from holds")
		);
		assert_eq!(
			broken_by(|_| leak(HoldReason::ConsentRequest, AUDITOR)),
			violated("request deposits differ from holds")
		);
	}

	#[test]
	fn request_deposits_are_held() {
		assert_eq!(
			broken_by(|_| edit_request(0, |request| request.deposit += 1)),
			violated("request deposits differ from holds")
		);
	}

	#[test]
	fn no_empty_access_trail_is_stored() {
		assert_eq!(
			broken_by(|_| AccessTrails::<Test>::insert(CAROL, AccessTrail::default())),
			violated("access trail stored without entries")
		);
	}

	#[test]
	fn an_access_trail_with_entries_has_a_head() {
		assert_eq!(
			broken_by(|_| AccessTrails::<Test>::mutate(ALICE, |trail| trail.head = H256::zero())),
			violated("access trail with entries but no head")
		);
	}

	#[test]
	fn every_kept_break_glass_window_is_in_the_trail() {
		// Bob's two windows are two entries of his trail; it claims one.
		assert_eq!(
			broken_by(|_| AccessTrails::<Test>::mutate(BOB, |trail| trail.count = 1)),
			violated("break-glass window missing from the access trail")
		);
	}

	#[test]
	fn every_break_glass_review_is_of_an_entry_of_the_trail() {
		assert_eq!(
			broken_by(|_| {
				BreakGlassReviews::<Test>::insert(
					ALICE,
					99,
					PendingReview { org: HOSPITAL, extended_by: None },
				)
			}),
			violated("break-glass review of an entry not in the trail")
		);
	}

	#[test]
	fn a_break_glass_window_is_extended_by_a_second_person() {
		assert_eq!(
			broken_by(|_| edit_first_window(|window| {
				window.extended_by = Some(window.opened_by);
				window.closes_at += BREAK_GLASS_PERIOD;
			})),
			violated("break-glass window extended by its opener")
		);
	}

	#[test]
	fn break_glass_windows_last_the_period() {
		assert_eq!(
			broken_by(|_| edit_first_window(|window| window.closes_at += 1)),
			violated("break-glass window length wrong")
		);
	}

	#[test]
	fn a_recent_break_glass_window_counts_towards_its_providers_quota() {
		assert_eq!(
			broken_by(|_| BreakGlassOpenings::<Test>::remove(BOB, HOSPITAL)),
			violated("break-glass window within the quota period not counted in its openings")
		);
	}

	#[test]
	fn a_break_glass_window_is_opened_by_an_entry_of_the_trail() {
		assert_eq!(
			broken_by(|_| edit_first_window(|window| window.opened = 99)),
			violated("break-glass window opened by an entry not in the trail, or out of order")
		);
	}

	#[test]
	fn break_glass_windows_are_kept_oldest_first() {
		// Both were opened in block 1; the first now says block 2.
		assert_eq!(
			broken_by(|_| edit_first_window(|window| {
				window.opened_at = 2;
				window.closes_at = 2 + BREAK_GLASS_PERIOD;
			})),
			violated("break-glass log unordered")
		);
	}
}

mod erasure {
	use super::*;
	use medchain_primitives::PatientErasure;

	#[test]
	fn erasing_a_patient_removes_every_grant_and_request_and_returns_their_deposits() {
		ExtBuilder::default().build_and_execute(|| {
			let first = alice_grants_labs();
			let member = grant_as(GUARDIAN, ALICE, Grantee::Member(DOCTOR), labs(), None);
			let bobs = grant_as(BOB_KEY, BOB, org(HOSPITAL), labs(), None);
			assert_ok!(Consent::request_consent(
				signed(CLERK),
				ALICE,
				ConsentScope::All,
				Purpose::Payment,
				None
			));
			assert_eq!(held_for_requests(CLERK), REQUEST_DEPOSIT);
			MockWorld::deactivate(ALICE);
			assert_eq!(
				<Consent as PatientErasure>::erase(&ALICE),
				Ok(<() as WeightInfo>::erase_patient(2, 1)),
				"it charges what it erased"
			);
			for id in [first, member] {
				assert!(!GrantKeys::<Test>::contains_key(id));
			}
			assert_eq!(Grants::<Test>::iter_prefix(ALICE).count(), 0);
			assert_eq!(GrantCount::<Test>::get(ALICE), 0);
			assert!(RequestsOf::<Test>::get(ALICE).is_empty());
			assert_eq!(Requests::<Test>::iter().count(), 0);
			assert_eq!(
				(held_for_grants(ALICE_KEY), held_for_grants(GUARDIAN), held_for_requests(CLERK)),
				(0, 0, 0)
			);
			assert_eq!(
				events().last(),
				Some(&Event::PatientConsentErased { patient: ALICE, grants: 2, requests: 1 })
			);
			// Another patient's consent stays.
			assert!(GrantKeys::<Test>::contains_key(bobs));
			assert_eq!(held_for_grants(BOB_KEY), GRANT_DEPOSIT);
		});
	}
}
