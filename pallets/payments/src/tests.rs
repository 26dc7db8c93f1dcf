//! Every call's success and every error path, with the escrow balances checked after each test
//! (`ExtBuilder::build_and_execute` runs `do_try_state`).
#![allow(clippy::arithmetic_side_effects)]

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold, BoundedVec};
use sp_core::H256;

fn origin(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn code(text: &[u8]) -> ServiceCode {
	let mut code = [0; 8];
	code.iter_mut().zip(text).for_each(|(slot, byte)| *slot = *byte);
	ServiceCode { system: CodeSystem::Cpt, code }
}

/// Claim lines of (quantity, unit amount), each for an office visit.
fn lines(items: &[(u32, Balance)]) -> BoundedVec<ClaimLine<Balance>, ConstMaxLines> {
	let lines: Vec<_> = items
		.iter()
		.map(|(quantity, unit_amount)| ClaimLine {
			code: code(b"99213"),
			quantity: *quantity,
			unit_amount: *unit_amount,
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
			assert_eq!(stored.status, ClaimStatus::Submitted);
			assert_eq!(stored.total, 500);
			assert_eq!(stored.due_at, Some(1 + DEADLINE));
			assert_eq!(stored.payee, BILLING);
			assert_eq!(DueClaims::<Test>::get(1 + DEADLINE).into_inner(), vec![id]);
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
			let stored = claim(0);
			assert_eq!(stored.status, ClaimStatus::Approved);
			assert_eq!((stored.payer_amount, stored.patient_amount), (0, 80));
			assert!(stored.payer_paid && !stored.patient_paid);
			assert_eq!(stored.allowed.into_inner(), vec![80]);
			assert_eq!(stored.due_at, None);
			assert!(DueClaims::<Test>::iter().next().is_none());
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
					evidence(&[]),
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
					evidence(&[]),
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
	fn lines_must_be_coded_counted_and_priced() {
		ExtBuilder::default().build_and_execute(|| {
			let submit = |lines| {
				Payments::submit_claim(
					origin(BILLING),
					ALICE,
					Some(INSURER),
					BILLING,
					lines,
					evidence(&[]),
				)
			};
			assert_noop!(submit(lines(&[])), Error::<Test>::NoLines);
			assert_noop!(submit(lines(&[(0, 10)])), Error::<Test>::ZeroQuantity);
			assert_noop!(submit(lines(&[(3, 0)])), Error::<Test>::NothingClaimed);
			assert_noop!(submit(lines(&[(2, Balance::MAX)])), Error::<Test>::AmountOverflow);
			assert_noop!(
				submit(lines(&[(1, Balance::MAX), (1, 1)])),
				Error::<Test>::AmountOverflow
			);
			let mut text = lines(&[(1, 10)]);
			text[0].code = code(b"flu");
			assert_noop!(submit(text), Error::<Test>::InvalidServiceCode);
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

	#[test]
	fn at_most_max_due_per_block_claims_fall_due_in_one_block() {
		ExtBuilder::default().build_and_execute(|| {
			for _ in 0..MAX_DUE_PER_BLOCK {
				submit_to(Some(INSURER));
			}
			assert_noop!(
				Payments::submit_claim(
					origin(BILLING),
					ALICE,
					Some(INSURER),
					BILLING,
					lines(&[(1, 10)]),
					evidence(&[]),
				),
				Error::<Test>::TooManyClaimsDue
			);
			// The next block has room; claims to the patient alone never fall due.
			submit_to(None);
			run_to_block(2);
			submit_to(Some(INSURER));
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
			assert_eq!(claim(id).status, ClaimStatus::Withdrawn);
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
			assert!(!claim(id).overdue);
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
			let stored = claim(id);
			assert_eq!(stored.status, ClaimStatus::Approved);
			assert_eq!((stored.payer_amount, stored.patient_amount), (400, 50));
			assert_eq!(stored.allowed.into_inner(), vec![150, 300]);
			assert_eq!(stored.decided_at, Some(1));
			assert_eq!(stored.due_at, None);
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
			assert_eq!(claim(id).status, ClaimStatus::Settled);
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
			let stored = claim(id);
			assert_eq!(stored.status, ClaimStatus::Submitted);
			assert!(stored.appealed);
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

	#[test]
	fn an_appeal_needs_room_in_its_due_block() {
		ExtBuilder::default().build_and_execute(|| {
			let id = submit_to(Some(INSURER));
			assert_ok!(Payments::deny_claim(origin(ADJUSTER), id, DenialReason::CodingError));
			run_to_block(2);
			for _ in 0..MAX_DUE_PER_BLOCK {
				submit_to(Some(INSURER));
			}
			assert_noop!(
				Payments::appeal_denial(origin(BILLING), id),
				Error::<Test>::TooManyClaimsDue
			);
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
			assert!(!claim(late).overdue);
			run_to_block(1 + DEADLINE);
			assert!(claim(late).overdue);
			assert!(!claim(decided).overdue);
			assert_eq!(events().last(), Some(&Event::ClaimOverdue { claim: late, payer: INSURER }));
			run_to_block(2 + DEADLINE);
			assert!(claim(decided).overdue);
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
			assert_eq!(claim(id).status, ClaimStatus::Approved);

			// Paid by Alice's proxy.
			let proxy = free(PROXY);
			assert_ok!(Payments::pay_patient_share(origin(PROXY), id));
			assert_eq!(free(PROXY), proxy - 50);
			assert_eq!(free(BILLING), billing + 450);
			assert_eq!(claim(id).status, ClaimStatus::Settled);
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
			assert_eq!(claim(id).status, ClaimStatus::Settled);
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

	#[test]
	fn a_patient_without_the_funds_pays_nothing() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(Payments::submit_claim(
				origin(BILLING),
				ALICE,
				None,
				BILLING,
				lines(&[(1, ENDOWMENT)]),
				evidence(&[]),
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
			// At most `MAX_DUE_PER_BLOCK` (2) claims fall due in one block.
			run_to_block(2);
			let settled = submit_to(Some(INSURER));
			assert_ok!(Payments::approve_claim(origin(ADJUSTER), settled, amounts(&[200, 300]), 0));
			assert_ok!(Payments::settle_claim(origin(OUTSIDER), settled));
			assert_eq!(claim(settled).status, ClaimStatus::Settled);
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
	fn an_approved_claim_allows_an_amount_per_line() {
		assert_eq!(
			broken_by(|w| edit(w.approved, |c| c.allowed = amounts(&[150]))),
			violated("an amount allowed per line")
		);
	}

	#[test]
	fn no_line_is_allowed_more_than_billed() {
		// The first line bills 2 × 100.
		assert_eq!(
			broken_by(|w| edit(w.approved, |c| c.allowed = amounts(&[201, 249]))),
			violated("allowed more than billed")
		);
	}

	#[test]
	fn the_allowed_total_is_the_payers_amount_plus_the_patients_share() {
		assert_eq!(
			broken_by(|w| edit(w.approved, |c| c.patient_amount = 49)),
			violated("allowed total is not the payer's amount plus the patient's share")
		);
	}

	#[test]
	fn a_settled_claim_is_paid_in_full() {
		assert_eq!(
			broken_by(|w| edit(w.settled, |c| c.payer_paid = false)),
			violated("settled but not paid")
		);
	}

	#[test]
	fn a_claim_paid_in_full_is_settled() {
		// Alice's share marked paid, the claim left approved.
		assert_eq!(
			broken_by(|w| edit(w.billed_to_patient, |c| c.patient_paid = true)),
			violated("paid but not settled")
		);
	}

	#[test]
	fn only_a_claim_with_a_payer_waits_for_the_payers_amount() {
		assert_eq!(
			broken_by(|w| edit(w.billed_to_patient, |c| c.payer_paid = false)),
			violated("payer's amount without a payer")
		);
	}

	#[test]
	fn commitments_do_not_overflow() {
		// A second approved claim to the insurer, for the most a balance holds.
		assert_eq!(
			broken_by(|w| edit(w.undecided, |c| {
				c.lines = lines(&[(1, Balance::MAX)]);
				c.total = Balance::MAX;
				c.status = ClaimStatus::Approved;
				c.due_at = None;
				c.allowed = amounts(&[Balance::MAX]);
				c.payer_amount = Balance::MAX;
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
	fn an_undecided_claim_has_a_deadline() {
		assert_eq!(
			broken_by(|w| edit(w.undecided, |c| c.due_at = None)),
			violated("undecided claim without a deadline")
		);
	}

	#[test]
	fn a_claim_is_not_overdue_before_its_deadline() {
		assert_eq!(
			broken_by(|w| edit(w.undecided, |c| c.overdue = true)),
			violated("flagged overdue before its deadline")
		);
	}

	#[test]
	fn a_claim_past_its_deadline_is_flagged_overdue() {
		// The world is at block 2.
		assert_eq!(
			broken_by(|w| edit(w.undecided, |c| c.due_at = Some(2))),
			violated("deadline passed without the hook")
		);
	}

	#[test]
	fn a_deadline_is_scheduled() {
		assert_eq!(
			broken_by(|w| edit(w.undecided, |c| c.due_at = Some(20))),
			violated("deadline not scheduled")
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
	fn no_due_list_is_left_behind() {
		assert_eq!(
			broken_by(|w| DueClaims::<Test>::insert(
				1,
				BoundedVec::truncate_from(vec![w.approved])
			)),
			violated("due list left behind")
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
