//! Every call's success and every error path, with the escrow balances checked after each test
//! (`ExtBuilder::build_and_execute` runs `do_try_state`).
#![allow(clippy::arithmetic_side_effects)]

use crate::{mock::*, *};
use codec::Encode;
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold, BoundedVec};
use sp_core::H256;

fn origin(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// Claim lines of (quantity, unit price), each an office visit (CPT 99213) with its own salt, as
/// a provider builds them from its claim document ([`commitment::LineDetail`]).
fn lines(items: &[(u32, Balance)]) -> BoundedVec<ClaimLine<Balance>, ConstMaxLines> {
	let lines: Vec<_> = items
		.iter()
		.enumerate()
		.map(|(i, (quantity, unit_price))| {
			let detail = commitment::LineDetail {
				service: commitment::ServiceCode {
					system: commitment::CodeSystem::Cpt,
					code: *b"99213\0\0\0",
				},
				quantity: *quantity,
				unit_price: (*unit_price).into(),
				salt: [i as u8; 32],
			};
			ClaimLine {
				commitment: detail.commitment(),
				amount: unit_price.saturating_mul((*quantity).into()),
			}
		})
		.collect();
	BoundedVec::truncate_from(lines)
}

type ConstMaxLines = <Test as Config>::MaxLines;

fn evidence(hashes: &[H256]) -> BoundedVec<H256, <Test as Config>::MaxEvidence> {
	BoundedVec::truncate_from(hashes.to_vec())
}

fn amounts(items: &[Balance]) -> BoundedVec<Balance, ConstMaxLines> {
	BoundedVec::truncate_from(items.to_vec())
}

/// The hospital bills `payer` for Alice: two lines, 2 × 100 and 1 × 300 (total 500), citing
/// her lab result.
fn submit_to(payer: Option<OrgId>) -> ClaimId {
	let id = NextClaimId::<Test>::get();
	assert_ok!(Payments::submit_claim(
		origin(BILLING),
		ALICE,
		payer,
		BILLING,
		lines(&[(2, 100), (1, 300)]),
		evidence(&[ALICE_LAB]),
	));
	id
}

fn fund(amount: Balance) {
	assert_ok!(Payments::fund_escrow(origin(TREASURY), amount));
}

fn claim(id: ClaimId) -> ClaimOf<Test> {
	Claims::<Test>::get(id).expect("claim stored")
}

/// The approval of an approved claim, and what of it is unpaid.
fn approval(id: ClaimId) -> (ApprovalOf<Test>, Unpaid) {
	match claim(id).status {
		ClaimStatus::Approved { approval, unpaid } => (approval, unpaid),
		other => panic!("claim {id} is not approved: {other:?}"),
	}
}

/// Whether claim `id` is undecided and flagged overdue.
fn is_overdue(id: ClaimId) -> bool {
	matches!(claim(id).status, ClaimStatus::Submitted { overdue: true, .. })
}

/// Whether claim `id` is settled.
fn is_settled(id: ClaimId) -> bool {
	matches!(claim(id).status, ClaimStatus::Settled { .. })
}

/// The deadlines in the due queue, first to last.
fn queued() -> Vec<(u64, ClaimId)> {
	let (first, next) = DueQueueBounds::<Test>::get();
	(first..next).filter_map(DueQueue::<Test>::get).collect()
}

fn free(who: AccountId) -> Balance {
	Balances::free_balance(who)
}

fn escrow_hold(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::ClaimEscrow.into(), &who)
}

mod submit {
	use super::*;

	#[test]
	fn a_provider_bills_an_insurer_citing_records_the_insurer_may_see() {
		ExtBuilder::default().build_and_execute(|| {
			let id = submit_to(Some(INSURER));
			let stored = claim(id);
			assert_eq!(
				stored.status,
				ClaimStatus::Submitted { due_at: 1 + DEADLINE, overdue: false, appealed: false }
			);
			assert_eq!(stored.total, 500);
			assert_eq!(stored.payee, BILLING);
			assert_eq!(queued(), vec![(1 + DEADLINE, id)]);
			assert_eq!(Payments::open_claims_of_provider(HOSPITAL, None, 10), vec![id]);
			assert_eq!(Payments::open_claims_of_payer(INSURER, None, 10), vec![id]);
			assert_eq!(NextClaimId::<Test>::get(), id + 1);
			assert_eq!(
				events(),
				vec![Event::ClaimSubmitted {
					claim: id,
					provider: HOSPITAL,
					payer: Some(INSURER),
					patient: ALICE,
					total: 500,
					due_at: Some(1 + DEADLINE),
				}]
			);
		});
	}

	#[test]
	fn without_a_payer_the_patient_is_billed_at_once() {
		ExtBuilder::default().build_and_execute(|| {
			// The scan may be cited: no payer needs to see it.
			assert_ok!(Payments::submit_claim(
				origin(DOCTOR),
				ALICE,
				None,
				BILLING,
				lines(&[(1, 80)]),
				evidence(&[ALICE_SCAN]),
			));
			let (approved, unpaid) = approval(0);
			assert_eq!((approved.payer_amount, approved.patient_amount), (0, 80));
			assert_eq!(unpaid, Unpaid::Patient);
			assert_eq!(approved.allowed.into_inner(), vec![80]);
			assert_eq!(approved.decided_at, 1);
			assert!(queued().is_empty());
			assert_eq!(
				events().last(),
				Some(&Event::ClaimApproved {
					claim: 0,
					allowed: 80,
					payer_amount: 0,
					patient_amount: 80
				})
			);
		});
	}

	#[test]
	fn only_a_provider_submits_for_itself() {
		ExtBuilder::default().build_and_execute(|| {
			let submit = |who, payee| {
				Payments::submit_claim(
					origin(who),
					ALICE,
					Some(INSURER),
					payee,
					lines(&[(1, 10)]),
					evidence(&[ALICE_LAB]),
				)
			};
			assert_noop!(submit(OUTSIDER, OUTSIDER), Error::<Test>::NotProvider);
			assert_noop!(submit(ADJUSTER, ADJUSTER), Error::<Test>::NotProvider);
			assert_noop!(submit(BILLING, CLINIC_CLERK), Error::<Test>::PayeeNotOfProvider);
			assert_noop!(submit(BILLING, OUTSIDER), Error::<Test>::PayeeNotOfProvider);
			MockWorld::suspend(HOSPITAL);
			assert_noop!(submit(BILLING, BILLING), Error::<Test>::NotProvider);
		});
	}

	/// Review of #17: a member submitted a claim payable to itself and settled it before the
	/// admin could change the payee.
	#[test]
	fn a_member_bills_to_the_providers_admin_only_the_admin_chooses_another_payee() {
		ExtBuilder::default().build_and_execute(|| {
			let submit = |who, payee| {
				Payments::submit_claim(
					origin(who),
					ALICE,
					None,
					payee,
					lines(&[(1, 10)]),
					evidence(&[ALICE_SCAN]),
				)
			};
			// The doctor is a member, the billing account the hospital's admin.
			assert_noop!(submit(DOCTOR, DOCTOR), Error::<Test>::PayeeNotAdmin);
			assert_ok!(submit(DOCTOR, BILLING));
			assert_ok!(submit(BILLING, DOCTOR));
			assert_eq!((claim(0).payee, claim(1).payee), (BILLING, DOCTOR));
		});
	}

	#[test]
	fn the_patient_and_payer_must_be_active() {
		ExtBuilder::default().build_and_execute(|| {
			let submit = |patient, payer| {
				Payments::submit_claim(
					origin(BILLING),
					patient,
					payer,
					BILLING,
					lines(&[(1, 10)]),
					evidence(&[ALICE_LAB]),
				)
			};
			assert_noop!(submit(NOBODY, Some(INSURER)), Error::<Test>::PatientNotActive);
			assert_noop!(submit(ALICE, Some(CLINIC)), Error::<Test>::PayerNotActive);
			assert_noop!(submit(ALICE, Some(77)), Error::<Test>::PayerNotActive);
			MockWorld::deactivate(ALICE);
			assert_noop!(submit(ALICE, None), Error::<Test>::PatientNotActive);
		});
	}

	#[test]
	fn each_line_is_a_distinct_commitment_with_an_amount() {
		ExtBuilder::default().build_and_execute(|| {
			let submit = |lines| {
				Payments::submit_claim(
					origin(BILLING),
					ALICE,
					Some(INSURER),
					BILLING,
					lines,
					evidence(&[ALICE_LAB]),
				)
			};
			assert_noop!(submit(lines(&[])), Error::<Test>::NoLines);
			assert_noop!(submit(lines(&[(3, 0)])), Error::<Test>::ZeroLineAmount);
			assert_noop!(submit(lines(&[(1, 10), (0, 10)])), Error::<Test>::ZeroLineAmount);
			assert_noop!(
				submit(lines(&[(1, Balance::MAX), (1, 1)])),
				Error::<Test>::AmountOverflow
			);
			let mut reused = lines(&[(1, 10), (1, 20)]);
			reused[1].commitment = reused[0].commitment;
			assert_noop!(submit(reused), Error::<Test>::DuplicateLine);
		});
	}

	#[test]
	fn a_claim_on_chain_holds_no_service_code() {
		ExtBuilder::default().build_and_execute(|| {
			let id = submit_to(Some(INSURER));
			let stored = Claims::<Test>::get(id).map(|claim| claim.encode()).unwrap_or_default();
			assert!(!stored.is_empty());
			assert!(
				!stored.windows(5).any(|window| window == b"99213"),
				"the CPT code is in the stored claim"
			);
			assert!(System::events().iter().all(|record| !record
				.event
				.encode()
				.windows(5)
				.any(|window| window == b"99213")));
		});
	}

	#[test]
	fn evidence_must_be_the_patients_anchored_records_the_payer_may_see() {
		ExtBuilder::default().build_and_execute(|| {
			let submit = |payer, hashes: &[H256]| {
				Payments::submit_claim(
					origin(BILLING),
					ALICE,
					payer,
					BILLING,
					lines(&[(1, 10)]),
					evidence(hashes),
				)
			};
			assert_noop!(submit(Some(INSURER), &[UNANCHORED]), Error::<Test>::UnknownEvidence);
			assert_noop!(submit(None, &[UNANCHORED]), Error::<Test>::UnknownEvidence);
			assert_noop!(
				submit(Some(INSURER), &[BOB_VISIT]),
				Error::<Test>::EvidenceOfOtherPatient
			);
			assert_noop!(submit(None, &[BOB_VISIT]), Error::<Test>::EvidenceOfOtherPatient);
			assert_noop!(
				submit(Some(INSURER), &[ALICE_LAB, ALICE_LAB]),
				Error::<Test>::DuplicateEvidence
			);
			assert_noop!(submit(Some(INSURER), &[ALICE_SCAN]), Error::<Test>::NoPayerConsent);
			assert_noop!(submit(Some(OTHER_INSURER), &[ALICE_LAB]), Error::<Test>::NoPayerConsent);
			MockWorld::revoke(ALICE, INSURER);
			assert_noop!(submit(Some(INSURER), &[ALICE_LAB]), Error::<Test>::NoPayerConsent);
		});
	}

	/// #17 item 7: with no evidence, any provider could bill any patient to any payer, past the
	/// payer-consent check that runs over the evidence only.
	#[test]
	fn a_claim_cites_at_least_one_record() {
		ExtBuilder::default().build_and_execute(|| {
			for payer in [Some(INSURER), Some(OTHER_INSURER), None] {
				assert_noop!(
					Payments::submit_claim(
						origin(BILLING),
						ALICE,
						payer,
						BILLING,
						lines(&[(1, 10)]),
						evidence(&[]),
					),
					Error::<Test>::NoEvidence
				);
			}
		});
	}

	/// #17 item 7: a provider cited another provider's record of the patient (the payer may see
	/// it) to bill for care it never gave, or a record its custodian had retracted.
	#[test]
	fn evidence_is_the_providers_own_records_and_not_retracted() {
		ExtBuilder::default().build_and_execute(|| {
			let submit = |who, payee, payer| {
				Payments::submit_claim(
					origin(who),
					ALICE,
					payer,
					payee,
					lines(&[(1, 10)]),
					evidence(&[ALICE_LAB]),
				)
			};
			// The lab result is the hospital's; the insurer may see it for payment.
			for payer in [Some(INSURER), None] {
				assert_noop!(
					submit(CLINIC_CLERK, CLINIC_CLERK, payer),
					Error::<Test>::UnknownEvidence
				);
			}
			MockWorld::retract(100);
			assert_noop!(submit(BILLING, BILLING, Some(INSURER)), Error::<Test>::EvidenceRetracted);
			assert_noop!(submit(BILLING, BILLING, None), Error::<Test>::EvidenceRetracted);
		});
	}

	/// #17 item 8: all claims of one block fell due in one list of `MaxDuePerBlock` slots, so
	/// one provider filling it stopped every other provider's claims and appeals.
	#[test]
	fn no_number_of_claims_in_a_block_stops_another_providers_claim() {
		ExtBuilder::default()
			.with_record(300, H256::repeat_byte(0x31), lab_result(300, ALICE, CLINIC))
			.with_record_grant(ALICE, INSURER, 300, Purpose::Payment)
			.build_and_execute(|| {
				for _ in 0..MAX_DUE_PER_BLOCK * 4 {
					submit_to(Some(INSURER));
				}
				let theirs = NextClaimId::<Test>::get();
				assert_ok!(Payments::submit_claim(
					origin(CLINIC_CLERK),
					ALICE,
					Some(INSURER),
					CLINIC_CLERK,
					lines(&[(1, 10)]),
					evidence(&[H256::repeat_byte(0x31)]),
				));
				assert_eq!(queued().len() as u32, MAX_DUE_PER_BLOCK * 4 + 1);
				// The hook takes at most `MaxDuePerBlock` deadlines a block, in order, and
				// catches up: every claim is flagged, the clinic's last, none lost.
				run_to_block(1 + DEADLINE);
				assert_eq!(queued().len() as u32, MAX_DUE_PER_BLOCK * 3 + 1);
				assert!(is_overdue(0) && !is_overdue(theirs));
				run_to_block(5 + DEADLINE);
				assert!(queued().is_empty());
				assert!((0..=theirs).all(is_overdue));
				assert_eq!(
					events().last(),
					Some(&Event::ClaimOverdue { claim: theirs, payer: INSURER })
				);
			});
	}
}

mod withdraw {
	use super::*;

	#[test]
	fn a_provider_withdraws_an_undecided_claim_which_then_cannot_be_decided() {
		ExtBuilder::default().build_and_execute(|| {
			let id = submit_to(Some(INSURER));
			fund(1_000);
			assert_ok!(Payments::withdraw_claim(origin(DOCTOR), id));
			assert_eq!(claim(id).status, ClaimStatus::Withdrawn { at: 1 });
			assert_eq!(events().last(), Some(&Event::ClaimWithdrawn { claim: id }));
			assert!(Payments::open_claims_of_provider(HOSPITAL, None, 10).is_empty());
			assert!(Payments::open_claims_of_payer(INSURER, None, 10).is_empty());
			assert_noop!(
				Payments::approve_claim(origin(ADJUSTER), id, amounts(&[200, 300]), 0),
				Error::<Test>::NotSubmitted
			);
			assert_noop!(
				Payments::deny_claim(origin(ADJUSTER), id, DenialReason::NotCovered),
				Error::<Test>::NotSubmitted
			);
			assert_noop!(
				Payments::withdraw_claim(origin(BILLING), id),
				Error::<Test>::CannotWithdraw
			);
			// Its deadline passes quietly.
			run_to_block(1 + DEADLINE);
			assert_eq!(claim(id).status, ClaimStatus::Withdrawn { at: 1 });
			assert!(queued().is_empty());
			assert!(!events().iter().any(|e| matches!(e, Event::ClaimOverdue { .. })));
		});
	}

	#[test]
	fn a_bill_to_the_patient_alone_may_be_withdrawn_until_paid() {
		ExtBuilder::default().build_and_execute(|| {
			let first = submit_to(None);
			assert_ok!(Payments::withdraw_claim(origin(BILLING), first));
			let second = submit_to(None);
			assert_ok!(Payments::pay_patient_share(origin(ALICE_KEY), second));
			assert_noop!(
				Payments::withdraw_claim(origin(BILLING), second),
				Error::<Test>::CannotWithdraw
			);
		});
	}

	#[test]
	fn only_the_claims_provider_withdraws_it() {
		ExtBuilder::default().build_and_execute(|| {
			let id = submit_to(Some(INSURER));
			assert_noop!(
				Payments::withdraw_claim(origin(BILLING), 9),
				Error::<Test>::ClaimNotFound
			);
			assert_noop!(
				Payments::withdraw_claim(origin(CLINIC_CLERK), id),
				Error::<Test>::NotClaimProvider
			);
			assert_noop!(
				Payments::withdraw_claim(origin(ADJUSTER), id),
				Error::<Test>::NotClaimProvider
			);
			assert_ok!(Payments::approve_claim(origin(ADJUSTER), id, amounts(&[0, 0]), 0));
			assert_noop!(
				Payments::withdraw_claim(origin(BILLING), id),
				Error::<Test>::CannotWithdraw
			);
		});
	}
}

mod adjudicate {
	use super::*;

	#[test]
	fn approval_in_part_commits_the_payers_amount_and_bills_the_patients_share() {
		ExtBuilder::default().build_and_execute(|| {
			let id = submit_to(Some(INSURER));
			fund(1_000);
			// Allowed: 150 of 200 and all 300; the patient pays a co-pay of 50.
			assert_ok!(Payments::approve_claim(origin(ADJUSTER), id, amounts(&[150, 300]), 50));
			let (approved, unpaid) = approval(id);
			assert_eq!((approved.payer_amount, approved.patient_amount), (400, 50));
			assert_eq!(approved.allowed.into_inner(), vec![150, 300]);
			assert_eq!(approved.decided_at, 1);
			assert_eq!(unpaid, Unpaid::Both);
			assert_eq!(
				Escrows::<Test>::get(INSURER),
				Some(Escrow { funder: TREASURY, held: 1_000, committed: 400 })
			);
			assert_eq!(
				events().last(),
				Some(&Event::ClaimApproved {
					claim: id,
					allowed: 450,
					payer_amount: 400,
					patient_amount: 50
				})
			);
			assert_eq!(Payments::open_claims_of_payer(INSURER, None, 10), vec![id]);
		});
	}

	#[test]
	fn approval_of_nothing_to_pay_settles_at_once() {
		ExtBuilder::default().build_and_execute(|| {
			let id = submit_to(Some(INSURER));
			assert_ok!(Payments::approve_claim(origin(ADJUSTER), id, amounts(&[0, 0]), 0));
			assert!(is_settled(id));
			assert_eq!(events().last(), Some(&Event::ClaimSettled { claim: id }));
			assert!(Payments::open_claims_of_provider(HOSPITAL, None, 10).is_empty());
			assert!(Escrows::<Test>::get(INSURER).is_none());
		});
	}

	#[test]
	fn over_approval_and_bad_shares_are_refused() {
		ExtBuilder::default().build_and_execute(|| {
			let id = submit_to(Some(INSURER));
			fund(1_000);
			let approve = |allowed: &[Balance], share| {
				Payments::approve_claim(origin(ADJUSTER), id, amounts(allowed), share)
			};
			assert_noop!(approve(&[201, 300], 0), Error::<Test>::OverApproval);
			assert_noop!(approve(&[200, 301], 0), Error::<Test>::OverApproval);
			assert_noop!(approve(&[200], 0), Error::<Test>::LineCountMismatch);
			assert_noop!(approve(&[200, 300, 1], 0), Error::<Test>::LineCountMismatch);
			assert_noop!(approve(&[100, 100], 201), Error::<Test>::PatientShareTooHigh);
		});
	}

	#[test]
	fn insufficient_escrow_is_a_clear_error_and_changes_nothing() {
		ExtBuilder::default().build_and_execute(|| {
			let id = submit_to(Some(INSURER));
			assert_noop!(
				Payments::approve_claim(origin(ADJUSTER), id, amounts(&[200, 300]), 0),
				Error::<Test>::InsufficientEscrow
			);
			fund(499);
			assert_noop!(
				Payments::approve_claim(origin(ADJUSTER), id, amounts(&[200, 300]), 0),
				Error::<Test>::InsufficientEscrow
			);
			// What another approval committed is not available either.
			let other = submit_to(Some(INSURER));
			assert_ok!(Payments::approve_claim(origin(ADJUSTER), other, amounts(&[0, 300]), 0));
			assert_noop!(
				Payments::approve_claim(origin(ADJUSTER), id, amounts(&[200, 0]), 0),
				Error::<Test>::InsufficientEscrow
			);
			// The patient's share needs no escrow.
			assert_ok!(Payments::approve_claim(origin(ADJUSTER), id, amounts(&[200, 0]), 200));
		});
	}

	#[test]
	fn only_the_claims_payer_decides_it_once() {
		ExtBuilder::default().build_and_execute(|| {
			let id = submit_to(Some(INSURER));
			let self_pay = submit_to(None);
			for (who, acts_for_a_payer) in
				[(OTHER_ADJUSTER, true), (BILLING, false), (OUTSIDER, false)]
			{
				let error = || {
					if acts_for_a_payer {
						Error::<Test>::WrongPayer
					} else {
						Error::<Test>::NotPayer
					}
				};
				assert_noop!(
					Payments::approve_claim(origin(who), id, amounts(&[0, 0]), 0),
					error()
				);
				assert_noop!(
					Payments::deny_claim(origin(who), id, DenialReason::NotCovered),
					error()
				);
			}
			assert_noop!(
				Payments::deny_claim(origin(ADJUSTER), self_pay, DenialReason::NotCovered),
				Error::<Test>::WrongPayer
			);
			assert_noop!(
				Payments::deny_claim(origin(ADJUSTER), 9, DenialReason::NotCovered),
				Error::<Test>::ClaimNotFound
			);
			assert_ok!(Payments::deny_claim(origin(TREASURY), id, DenialReason::Duplicate));
			assert_noop!(
				Payments::approve_claim(origin(ADJUSTER), id, amounts(&[0, 0]), 0),
				Error::<Test>::NotSubmitted
			);
		});
	}

	#[test]
	fn a_denial_may_be_appealed_once_within_the_window() {
		ExtBuilder::default().build_and_execute(|| {
			let id = submit_to(Some(INSURER));
			assert_ok!(Payments::deny_claim(origin(ADJUSTER), id, DenialReason::MissingEvidence));
			let closes_at = 1 + APPEAL_WINDOW;
			assert_eq!(
				claim(id).status,
				ClaimStatus::Denied {
					decided_at: 1,
					reason: DenialReason::MissingEvidence,
					appeal_closes_at: Some(closes_at)
				}
			);
			assert!(Payments::open_claims_of_provider(HOSPITAL, None, 10).is_empty());
			assert!(Payments::open_claims_of_payer(INSURER, None, 10).is_empty());
			assert_noop!(
				Payments::appeal_denial(origin(CLINIC_CLERK), id),
				Error::<Test>::NotClaimProvider
			);

			// The last block of the window.
			run_to_block(closes_at - 1);
			assert_ok!(Payments::appeal_denial(origin(BILLING), id));
			let due_at = closes_at - 1 + DEADLINE;
			assert_eq!(events().last(), Some(&Event::ClaimAppealed { claim: id, due_at }));
			assert_eq!(
				claim(id).status,
				ClaimStatus::Submitted { due_at, overdue: false, appealed: true }
			);
			assert_eq!(Payments::open_claims_of_payer(INSURER, None, 10), vec![id]);
			assert_noop!(Payments::appeal_denial(origin(BILLING), id), Error::<Test>::NotDenied);

			// Denied again: final.
			assert_ok!(Payments::deny_claim(origin(ADJUSTER), id, DenialReason::NotCovered));
			assert_eq!(
				events().last(),
				Some(&Event::ClaimDenied {
					claim: id,
					reason: DenialReason::NotCovered,
					appeal_closes_at: None
				})
			);
			assert_noop!(
				Payments::appeal_denial(origin(BILLING), id),
				Error::<Test>::AlreadyAppealed
			);
		});
	}

	#[test]
	fn the_appeal_window_closes_at_its_block() {
		ExtBuilder::default().build_and_execute(|| {
			let id = submit_to(Some(INSURER));
			assert_ok!(Payments::deny_claim(origin(ADJUSTER), id, DenialReason::LateFiling));
			run_to_block(1 + APPEAL_WINDOW);
			assert_noop!(
				Payments::appeal_denial(origin(BILLING), id),
				Error::<Test>::AppealWindowClosed
			);
			assert_noop!(Payments::appeal_denial(origin(BILLING), 9), Error::<Test>::ClaimNotFound);
			let other = submit_to(Some(INSURER));
			assert_noop!(Payments::appeal_denial(origin(BILLING), other), Error::<Test>::NotDenied);
		});
	}

	/// #17 item 8: an appeal needed a free slot in its deadline's due list, so another
	/// provider's claims in the same block could stop it.
	#[test]
	fn no_number_of_claims_in_a_block_stops_an_appeal() {
		ExtBuilder::default().build_and_execute(|| {
			let id = submit_to(Some(INSURER));
			assert_ok!(Payments::deny_claim(origin(ADJUSTER), id, DenialReason::CodingError));
			run_to_block(2);
			for _ in 0..MAX_DUE_PER_BLOCK * 2 {
				submit_to(Some(INSURER));
			}
			assert_ok!(Payments::appeal_denial(origin(BILLING), id));
			assert_eq!(queued().last(), Some(&(2 + DEADLINE, id)));
		});
	}

	#[test]
	fn claims_undecided_at_their_deadline_are_flagged_overdue() {
		ExtBuilder::default().build_and_execute(|| {
			let late = submit_to(Some(INSURER));
			let decided = submit_to(Some(INSURER));
			assert_ok!(Payments::deny_claim(origin(ADJUSTER), decided, DenialReason::NotCovered));
			// Appealed at once: its new deadline is a block later than the original one.
			run_to_block(2);
			assert_ok!(Payments::appeal_denial(origin(BILLING), decided));

			run_to_block(DEADLINE);
			assert!(!is_overdue(late));
			run_to_block(1 + DEADLINE);
			assert!(is_overdue(late));
			assert!(!is_overdue(decided));
			assert_eq!(events().last(), Some(&Event::ClaimOverdue { claim: late, payer: INSURER }));
			run_to_block(2 + DEADLINE);
			assert!(is_overdue(decided));
			// Overdue claims may still be decided.
			assert_ok!(Payments::deny_claim(origin(ADJUSTER), late, DenialReason::NotCovered));
		});
	}
}

mod settle {
	use super::*;

	#[test]
	fn the_payer_pays_from_escrow_and_the_patient_pays_the_share_then_it_is_settled() {
		ExtBuilder::default().build_and_execute(|| {
			let id = submit_to(Some(INSURER));
			fund(1_000);
			assert_eq!(escrow_hold(TREASURY), 1_000);
			assert_ok!(Payments::approve_claim(origin(ADJUSTER), id, amounts(&[150, 300]), 50));

			let (billing, treasury) = (free(BILLING), free(TREASURY));
			assert_ok!(Payments::settle_claim(origin(OUTSIDER), id));
			assert_eq!(free(BILLING), billing + 400);
			assert_eq!(free(TREASURY), treasury);
			assert_eq!(escrow_hold(TREASURY), 600);
			assert_eq!(
				Escrows::<Test>::get(INSURER),
				Some(Escrow { funder: TREASURY, held: 600, committed: 0 })
			);
			assert_eq!(
				events().last(),
				Some(&Event::PayerPaid { claim: id, payer: INSURER, payee: BILLING, amount: 400 })
			);
			assert!(Payments::open_claims_of_payer(INSURER, None, 10).is_empty());
			assert_eq!(approval(id).1, Unpaid::Patient);

			// Paid by Alice's proxy.
			let proxy = free(PROXY);
			assert_ok!(Payments::pay_patient_share(origin(PROXY), id));
			assert_eq!(free(PROXY), proxy - 50);
			assert_eq!(free(BILLING), billing + 450);
			assert!(is_settled(id));
			let events = events();
			assert_eq!(
				events[events.len() - 2..],
				[
					Event::PatientSharePaid {
						claim: id,
						paid_by: PROXY,
						payee: BILLING,
						amount: 50
					},
					Event::ClaimSettled { claim: id },
				]
			);
			assert!(Payments::open_claims_of_provider(HOSPITAL, None, 10).is_empty());
		});
	}

	#[test]
	fn nothing_is_paid_twice() {
		ExtBuilder::default().build_and_execute(|| {
			let id = submit_to(Some(INSURER));
			fund(1_000);
			assert_ok!(Payments::approve_claim(origin(ADJUSTER), id, amounts(&[200, 300]), 100));
			assert_ok!(Payments::settle_claim(origin(BILLING), id));
			assert_noop!(Payments::settle_claim(origin(BILLING), id), Error::<Test>::AlreadyPaid);
			assert_ok!(Payments::pay_patient_share(origin(ALICE_KEY), id));
			assert_noop!(Payments::settle_claim(origin(BILLING), id), Error::<Test>::AlreadyPaid);
			assert_noop!(
				Payments::pay_patient_share(origin(ALICE_KEY), id),
				Error::<Test>::AlreadyPaid
			);
		});
	}

	#[test]
	fn patient_share_first_then_payer() {
		ExtBuilder::default().build_and_execute(|| {
			let id = submit_to(Some(INSURER));
			fund(400);
			assert_ok!(Payments::approve_claim(origin(ADJUSTER), id, amounts(&[200, 300]), 100));
			assert_ok!(Payments::pay_patient_share(origin(ALICE_KEY), id));
			assert_noop!(
				Payments::pay_patient_share(origin(ALICE_KEY), id),
				Error::<Test>::AlreadyPaid
			);
			assert_ok!(Payments::settle_claim(origin(ADJUSTER), id));
			assert!(is_settled(id));
			// The escrow is empty and gone.
			assert!(Escrows::<Test>::get(INSURER).is_none());
			assert_eq!(escrow_hold(TREASURY), 0);
		});
	}

	#[test]
	fn only_approved_claims_are_paid() {
		ExtBuilder::default().build_and_execute(|| {
			let id = submit_to(Some(INSURER));
			let self_pay = submit_to(None);
			assert_noop!(Payments::settle_claim(origin(BILLING), 9), Error::<Test>::ClaimNotFound);
			assert_noop!(Payments::settle_claim(origin(BILLING), id), Error::<Test>::NotApproved);
			assert_noop!(
				Payments::settle_claim(origin(BILLING), self_pay),
				Error::<Test>::AlreadyPaid
			);
			assert_noop!(
				Payments::pay_patient_share(origin(ALICE_KEY), 9),
				Error::<Test>::ClaimNotFound
			);
			assert_noop!(
				Payments::pay_patient_share(origin(ALICE_KEY), id),
				Error::<Test>::NotApproved
			);
			assert_ok!(Payments::deny_claim(origin(ADJUSTER), id, DenialReason::NotCovered));
			assert_noop!(Payments::settle_claim(origin(BILLING), id), Error::<Test>::NotApproved);
		});
	}

	#[test]
	fn only_the_patient_or_who_may_pay_for_them_pays_the_share() {
		ExtBuilder::default().build_and_execute(|| {
			let id = submit_to(None);
			for who in [KIN, BOB_KEY, BILLING, OUTSIDER] {
				assert_noop!(
					Payments::pay_patient_share(origin(who), id),
					Error::<Test>::NotPatientPayer
				);
			}
		});
	}

	#[test]
	fn a_payee_who_left_the_provider_or_a_suspended_provider_is_not_paid() {
		ExtBuilder::default().build_and_execute(|| {
			let id = submit_to(Some(INSURER));
			fund(1_000);
			assert_ok!(Payments::approve_claim(origin(ADJUSTER), id, amounts(&[150, 300]), 50));
			// The billing account, the payee, moves to the clinic.
			MockWorld::edit(|world| world.add_organization(CLINIC, OrgKind::Provider, &[BILLING]));
			assert_noop!(
				Payments::settle_claim(origin(OUTSIDER), id),
				Error::<Test>::PayeeNotOfProvider
			);
			assert_noop!(
				Payments::pay_patient_share(origin(ALICE_KEY), id),
				Error::<Test>::PayeeNotOfProvider
			);
			// Back at the hospital, but the hospital is suspended.
			MockWorld::edit(|world| {
				world.add_organization(HOSPITAL, OrgKind::Provider, &[BILLING])
			});
			MockWorld::suspend(HOSPITAL);
			assert_noop!(
				Payments::settle_claim(origin(OUTSIDER), id),
				Error::<Test>::PayeeNotOfProvider
			);
			MockWorld::reactivate(HOSPITAL);
			assert_ok!(Payments::settle_claim(origin(OUTSIDER), id));
		});
	}

	/// #17 item 9: a claim kept paying the payee fixed at submission; nobody could point it at
	/// an account that still acts for the provider.
	#[test]
	fn the_providers_admin_changes_the_payee_of_an_open_claim() {
		ExtBuilder::default().build_and_execute(|| {
			let id = submit_to(Some(INSURER));
			fund(1_000);
			assert_ok!(Payments::approve_claim(origin(ADJUSTER), id, amounts(&[150, 300]), 50));
			// The billing account (the hospital's admin here) leaves; the doctor is paid.
			assert_ok!(Payments::set_payee(origin(BILLING), id, DOCTOR));
			assert_eq!(claim(id).payee, DOCTOR);
			assert_eq!(events().last(), Some(&Event::PayeeChanged { claim: id, payee: DOCTOR }));
			let doctor = free(DOCTOR);
			assert_ok!(Payments::settle_claim(origin(OUTSIDER), id));
			assert_eq!(free(DOCTOR), doctor + 400);
		});
	}

	#[test]
	fn only_the_claims_providers_admin_changes_its_payee_to_one_of_its_accounts() {
		ExtBuilder::default().build_and_execute(|| {
			let id = submit_to(Some(INSURER));
			let set = |who, claim, payee| Payments::set_payee(origin(who), claim, payee);
			// A member may not redirect its organization's payments to itself.
			assert_noop!(set(DOCTOR, id, DOCTOR), Error::<Test>::NotProviderAdmin);
			assert_noop!(set(ADJUSTER, id, ADJUSTER), Error::<Test>::NotProviderAdmin);
			assert_noop!(set(OUTSIDER, id, OUTSIDER), Error::<Test>::NotProviderAdmin);
			assert_noop!(set(CLINIC_CLERK, id, CLINIC_CLERK), Error::<Test>::NotClaimProvider);
			assert_noop!(set(BILLING, 9, DOCTOR), Error::<Test>::ClaimNotFound);
			assert_noop!(set(BILLING, id, CLINIC_CLERK), Error::<Test>::PayeeNotOfProvider);
			assert_noop!(set(BILLING, id, OUTSIDER), Error::<Test>::PayeeNotOfProvider);
			assert_ok!(Payments::deny_claim(origin(ADJUSTER), id, DenialReason::NotCovered));
			assert_noop!(set(BILLING, id, DOCTOR), Error::<Test>::ClaimClosed);
			MockWorld::suspend(HOSPITAL);
			assert_noop!(set(BILLING, id, DOCTOR), Error::<Test>::NotProviderAdmin);
		});
	}

	#[test]
	fn a_patient_without_the_funds_pays_nothing() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(Payments::submit_claim(
				origin(BILLING),
				ALICE,
				None,
				BILLING,
				lines(&[(1, ENDOWMENT)]),
				evidence(&[ALICE_LAB]),
			));
			assert_noop!(
				Payments::pay_patient_share(origin(ALICE_KEY), 0),
				sp_runtime::TokenError::NotExpendable
			);
		});
	}
}

mod escrow {
	use super::*;

	#[test]
	fn a_payer_funds_and_releases_its_escrow() {
		ExtBuilder::default().build_and_execute(|| {
			fund(700);
			fund(300);
			assert_eq!(escrow_hold(TREASURY), 1_000);
			assert_eq!(free(TREASURY), ENDOWMENT - 1_000);
			assert_eq!(
				events().last(),
				Some(&Event::EscrowFunded {
					payer: INSURER,
					funder: TREASURY,
					amount: 300,
					held: 1_000
				})
			);
			assert_ok!(Payments::release_escrow(origin(TREASURY), INSURER, 400));
			assert_eq!(escrow_hold(TREASURY), 600);
			assert_eq!(
				events().last(),
				Some(&Event::EscrowReleased {
					payer: INSURER,
					funder: TREASURY,
					amount: 400,
					held: 600
				})
			);
			assert_ok!(Payments::release_escrow(origin(TREASURY), INSURER, 600));
			assert!(Escrows::<Test>::get(INSURER).is_none());
			assert_eq!(free(TREASURY), ENDOWMENT);
			// Empty, it may get a new funder.
			assert_ok!(Payments::fund_escrow(origin(ADJUSTER), 10));
			assert_eq!(Escrows::<Test>::get(INSURER).map(|e| e.funder), Some(ADJUSTER));
		});
	}

	#[test]
	fn committed_funds_stay_until_paid() {
		ExtBuilder::default().build_and_execute(|| {
			let id = submit_to(Some(INSURER));
			fund(600);
			assert_ok!(Payments::approve_claim(origin(ADJUSTER), id, amounts(&[200, 300]), 0));
			assert_noop!(
				Payments::release_escrow(origin(TREASURY), INSURER, 101),
				Error::<Test>::InsufficientEscrow
			);
			assert_ok!(Payments::release_escrow(origin(TREASURY), INSURER, 100));
			assert_ok!(Payments::settle_claim(origin(BILLING), id));
		});
	}

	#[test]
	fn the_funder_releases_even_after_leaving_the_payer() {
		ExtBuilder::default().build_and_execute(|| {
			fund(100);
			MockWorld::suspend(INSURER);
			assert_noop!(Payments::fund_escrow(origin(TREASURY), 1), Error::<Test>::NotPayer);
			assert_ok!(Payments::release_escrow(origin(TREASURY), INSURER, 100));
		});
	}

	#[test]
	fn escrow_errors() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(Payments::fund_escrow(origin(BILLING), 10), Error::<Test>::NotPayer);
			assert_noop!(Payments::fund_escrow(origin(TREASURY), 0), Error::<Test>::ZeroAmount);
			assert_noop!(
				Payments::fund_escrow(origin(TREASURY), ENDOWMENT + 1),
				sp_runtime::TokenError::FundsUnavailable
			);
			assert_noop!(
				Payments::release_escrow(origin(TREASURY), INSURER, 1),
				Error::<Test>::NoEscrow
			);
			fund(100);
			assert_noop!(
				Payments::fund_escrow(origin(ADJUSTER), 10),
				Error::<Test>::NotEscrowFunder
			);
			assert_noop!(
				Payments::release_escrow(origin(ADJUSTER), INSURER, 10),
				Error::<Test>::NotEscrowFunder
			);
			assert_noop!(
				Payments::release_escrow(origin(TREASURY), INSURER, 0),
				Error::<Test>::ZeroAmount
			);
			assert_noop!(
				Payments::release_escrow(origin(TREASURY), INSURER, 101),
				Error::<Test>::InsufficientEscrow
			);
		});
	}
}

mod invariants {
	//! One test per invariant of `do_try_state`: a fresh world that keeps them all, broken in
	//! one place, fails with that invariant's error.
	use super::*;
	use sp_runtime::DispatchError;

	/// The claims of the world `broken_by` builds.
	struct World {
		/// Approved in part (payer 400, patient 50), neither part paid: 400 committed.
		approved: ClaimId,
		/// Submitted to the insurer, undecided, due at block 11.
		undecided: ClaimId,
		/// Billed to Alice alone: approved at once, her share (500) unpaid.
		billed_to_patient: ClaimId,
		/// Approved in full and paid from the escrow: settled.
		settled: ClaimId,
	}

	/// `do_try_state` at block 2 of a fresh world (the claims of [`World`]; the insurer's escrow
	/// held from `TREASURY`, 500 left of 1 000, 400 of it committed) after `corrupt` changed its
	/// storage. The world keeps every invariant until then.
	fn broken_by(corrupt: impl FnOnce(&World)) -> Result<(), DispatchError> {
		ExtBuilder::default().build().execute_with(|| {
			fund(1_000);
			let approved = submit_to(Some(INSURER));
			assert_ok!(Payments::approve_claim(
				origin(ADJUSTER),
				approved,
				amounts(&[150, 300]),
				50
			));
			let undecided = submit_to(Some(INSURER));
			let billed_to_patient = submit_to(None);
			run_to_block(2);
			let settled = submit_to(Some(INSURER));
			assert_ok!(Payments::approve_claim(origin(ADJUSTER), settled, amounts(&[200, 300]), 0));
			assert_ok!(Payments::settle_claim(origin(OUTSIDER), settled));
			assert!(is_settled(settled));
			assert_eq!(
				Escrows::<Test>::get(INSURER),
				Some(Escrow { funder: TREASURY, held: 500, committed: 400 })
			);
			assert_ok!(Payments::do_try_state());
			corrupt(&World { approved, undecided, billed_to_patient, settled });
			Payments::do_try_state()
		})
	}

	/// The invariant `name` does not hold.
	fn violated(name: &'static str) -> Result<(), DispatchError> {
		Err(DispatchError::Other(name))
	}

	/// Change the stored claim `id`.
	fn edit(id: ClaimId, change: impl FnOnce(&mut ClaimOf<Test>)) {
		Claims::<Test>::mutate(id, |stored| change(stored.as_mut().expect("claim stored")));
	}

	/// Change the approval of the approved claim `id`, and what of it is unpaid.
	fn edit_approval(id: ClaimId, change: impl FnOnce(&mut ApprovalOf<Test>, &mut Unpaid)) {
		edit(id, |c| match &mut c.status {
			ClaimStatus::Approved { approval, unpaid } => change(approval, unpaid),
			other => panic!("claim {id} is not approved: {other:?}"),
		});
	}

	/// Undecided, first decided on (not appealed), due at `due_at`.
	fn submitted(due_at: u64, overdue: bool) -> ClaimStatus<Balance, u64, ConstMaxLines> {
		ClaimStatus::Submitted { due_at, overdue, appealed: false }
	}

	/// Change the insurer's stored escrow.
	fn edit_escrow(change: impl FnOnce(&mut EscrowOf<Test>)) {
		Escrows::<Test>::mutate(INSURER, |stored| change(stored.as_mut().expect("escrow stored")));
	}

	#[test]
	fn claim_ids_are_below_next_claim_id() {
		assert_eq!(
			broken_by(|w| NextClaimId::<Test>::put(w.settled)),
			violated("claim id not below NextClaimId")
		);
	}

	#[test]
	fn a_total_is_the_sum_of_its_lines() {
		assert_eq!(
			broken_by(|w| edit(w.undecided, |c| c.total += 1)),
			violated("total is not the sum of the lines")
		);
	}

	#[test]
	fn a_claim_cites_evidence() {
		assert_eq!(
			broken_by(|w| edit(w.undecided, |c| c.evidence = evidence(&[]))),
			violated("claim without evidence")
		);
	}

	#[test]
	fn an_approved_claim_allows_an_amount_per_line() {
		assert_eq!(
			broken_by(|w| edit_approval(w.approved, |a, _| a.allowed = amounts(&[150]))),
			violated("an amount allowed per line")
		);
	}

	#[test]
	fn no_line_is_allowed_more_than_billed() {
		// The first line bills 2 × 100.
		assert_eq!(
			broken_by(|w| edit_approval(w.approved, |a, _| a.allowed = amounts(&[201, 249]))),
			violated("allowed more than billed")
		);
	}

	#[test]
	fn the_allowed_total_is_the_payers_amount_plus_the_patients_share() {
		assert_eq!(
			broken_by(|w| edit_approval(w.approved, |a, _| a.patient_amount = 49)),
			violated("allowed total is not the payer's amount plus the patient's share")
		);
	}

	#[test]
	fn a_settled_claims_approval_is_checked_too() {
		assert_eq!(
			broken_by(|w| edit(w.settled, |c| {
				if let ClaimStatus::Settled { approval, .. } = &mut c.status {
					approval.payer_amount = 499;
				}
			})),
			violated("allowed total is not the payer's amount plus the patient's share")
		);
	}

	#[test]
	fn an_approved_claim_waits_for_exactly_the_parts_owed() {
		// Alice's share is all of it: the payer owes nothing.
		assert_eq!(
			broken_by(|w| edit_approval(w.billed_to_patient, |_, unpaid| *unpaid = Unpaid::Both)),
			violated("unpaid parts are not the parts owed")
		);
		// Nothing owed at all is settled, not approved.
		assert_eq!(
			broken_by(|w| edit_approval(w.approved, |a, _| {
				a.allowed = amounts(&[0, 0]);
				a.payer_amount = 0;
				a.patient_amount = 0;
			})),
			violated("unpaid parts are not the parts owed")
		);
	}

	#[test]
	fn only_a_claim_with_a_payer_has_a_payers_amount() {
		assert_eq!(
			broken_by(|w| edit_approval(w.billed_to_patient, |a, unpaid| {
				a.payer_amount = 100;
				a.patient_amount = 400;
				*unpaid = Unpaid::Both;
			})),
			violated("payer's amount without a payer")
		);
	}

	#[test]
	fn an_undecided_claim_has_a_payer() {
		assert_eq!(
			broken_by(|w| edit(w.undecided, |c| c.payer = None)),
			violated("undecided claim without a payer")
		);
	}

	#[test]
	fn commitments_do_not_overflow() {
		// A second approved claim to the insurer, for the most a balance holds.
		assert_eq!(
			broken_by(|w| edit(w.undecided, |c| {
				c.lines = lines(&[(1, Balance::MAX)]);
				c.total = Balance::MAX;
				c.status = ClaimStatus::Approved {
					approval: Approval {
						decided_at: 1,
						allowed: amounts(&[Balance::MAX]),
						payer_amount: Balance::MAX,
						patient_amount: 0,
					},
					unpaid: Unpaid::Payer,
				};
			})),
			violated("commitment overflow")
		);
	}

	#[test]
	fn the_provider_index_lists_each_open_claim() {
		assert_eq!(
			broken_by(|w| OpenClaimsOfProvider::<Test>::remove(HOSPITAL, w.undecided)),
			violated("provider index out of step")
		);
	}

	#[test]
	fn the_payer_index_lists_each_claim_waiting_for_the_payer() {
		assert_eq!(
			broken_by(|w| OpenClaimsOfPayer::<Test>::remove(INSURER, w.undecided)),
			violated("payer index out of step")
		);
	}

	#[test]
	fn a_claim_is_not_overdue_before_its_deadline() {
		assert_eq!(
			broken_by(|w| edit(w.undecided, |c| c.status = submitted(11, true))),
			violated("flagged overdue before its deadline")
		);
	}

	#[test]
	fn a_deadline_is_queued_until_it_is_flagged() {
		assert_eq!(
			broken_by(|w| edit(w.undecided, |c| c.status = submitted(20, false))),
			violated("deadline not queued")
		);
		assert_eq!(
			broken_by(|_| DueQueue::<Test>::remove(DueQueueBounds::<Test>::get().0)),
			violated("due queue has holes")
		);
	}

	#[test]
	fn the_due_queue_holds_the_positions_between_its_bounds() {
		assert_eq!(
			broken_by(|w| DueQueue::<Test>::insert(99, (11, w.undecided))),
			violated("due queue entry out of bounds")
		);
		assert_eq!(
			broken_by(|_| DueQueueBounds::<Test>::mutate(|(first, next)| *first = *next + 1)),
			violated("due queue bounds crossed")
		);
	}

	#[test]
	fn the_provider_index_lists_no_other_claim() {
		assert_eq!(
			broken_by(|_| OpenClaimsOfProvider::<Test>::insert(HOSPITAL, 99, ())),
			violated("stale provider index")
		);
	}

	#[test]
	fn the_payer_index_lists_no_other_claim() {
		assert_eq!(
			broken_by(|_| OpenClaimsOfPayer::<Test>::insert(INSURER, 99, ())),
			violated("stale payer index")
		);
	}

	#[test]
	fn no_empty_escrow_is_stored() {
		assert_eq!(
			broken_by(|_| Escrows::<Test>::insert(
				OTHER_INSURER,
				Escrow { funder: OTHER_ADJUSTER, held: 0, committed: 0 }
			)),
			violated("empty escrow stored")
		);
	}

	#[test]
	fn an_escrow_commits_at_most_what_it_holds() {
		assert_eq!(
			broken_by(|_| edit_escrow(|e| e.held = 399)),
			violated("escrow committed more than it holds")
		);
	}

	#[test]
	fn an_escrow_commits_the_approved_unpaid_amounts() {
		assert_eq!(
			broken_by(|_| edit_escrow(|e| e.committed = 300)),
			violated("escrow commitments are not the approved unpaid amounts")
		);
	}

	#[test]
	fn escrows_of_one_funder_do_not_overflow() {
		assert_eq!(
			broken_by(|_| Escrows::<Test>::insert(
				OTHER_INSURER,
				Escrow { funder: TREASURY, held: Balance::MAX, committed: 0 }
			)),
			violated("escrow overflow")
		);
	}

	#[test]
	fn approved_unpaid_amounts_have_an_escrow() {
		assert_eq!(
			broken_by(|_| Escrows::<Test>::remove(INSURER)),
			violated("approved unpaid amounts without an escrow")
		);
	}

	#[test]
	fn no_account_holds_an_escrow_the_pallet_does_not_know_of() {
		use frame_support::traits::fungible::MutateHold;
		let leak = |reason: HoldReason, who: AccountId| {
			assert_ok!(<Balances as MutateHold<AccountId>>::hold(&reason.into(), &who, 1));
		};
		// The clinic's clerk funds no escrow.
		assert_eq!(
			broken_by(|_| leak(HoldReason::ClaimEscrow, CLINIC_CLERK)),
			violated("escrow hold is not what the escrows hold")
		);
	}

	#[test]
	fn escrow_holds_are_what_the_escrows_hold() {
		assert_eq!(
			broken_by(|_| edit_escrow(|e| e.held = 600)),
			violated("escrow hold is not what the escrows hold")
		);
	}

	#[test]
	fn pages_follow_on() {
		ExtBuilder::default().build_and_execute(|| {
			let ids: Vec<_> = (0..5)
				.map(|_| {
					let id = submit_to(None);
					run_to_block(System::block_number() + 1);
					id
				})
				.collect();
			let first = Payments::open_claims_of_provider(HOSPITAL, None, 3);
			let rest = Payments::open_claims_of_provider(HOSPITAL, first.last().copied(), 3);
			let mut all = [first.clone(), rest.clone()].concat();
			all.sort();
			assert_eq!((first.len(), rest.len()), (3, 2));
			assert_eq!(all, ids);
		});
	}
}
