//! Tests of every call's success and error paths, versions, batches and lookups.
#![allow(clippy::arithmetic_side_effects)]

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;

fn hash(n: u8) -> H256 {
	H256::repeat_byte(n)
}

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// Anchors `hash(n)` for Alice as a lab result by `DOCTOR`; returns the id.
fn anchor(n: u8) -> RecordId {
	let id = NextRecordId::<Test>::get();
	assert_ok!(Records::anchor_record(
		signed(DOCTOR),
		ALICE,
		hash(n),
		HashAlgorithm::Sha2_256,
		RecordCategory::LabResult,
		Some(hash(200)),
	));
	id
}

mod anchoring {
	use super::*;

	#[test]
	fn a_provider_anchors_a_record() {
		ExtBuilder.build_and_execute(|| {
			let id = anchor(1);
			let info = Records::verify(hash(1)).expect("anchored");
			assert_eq!(
				info,
				RecordInfo {
					id,
					patient: ALICE,
					custodian: HOSPITAL,
					author: DOCTOR,
					content_hash: hash(1),
					algorithm: HashAlgorithm::Sha2_256,
					category: RecordCategory::LabResult,
					locator: Some(hash(200)),
					anchored_at: 1,
					timestamp: NOW,
					first_version: id,
					version: 1,
					previous: None,
					status: RecordStatus::Active,
				}
			);
			assert_eq!(Records::latest_version(id), Some(id));
			assert_eq!(Records::history(id), vec![id]);
			assert_eq!(Records::records_of_patient(ALICE, None, 10), vec![id]);
			assert_eq!(Records::records_of_custodian(HOSPITAL, None, 10), vec![id]);
			assert_eq!(
				events(),
				vec![Event::RecordAnchored {
					record: id,
					patient: ALICE,
					custodian: HOSPITAL,
					content_hash: hash(1),
					algorithm: HashAlgorithm::Sha2_256,
					category: RecordCategory::LabResult,
				}]
			);
			assert_eq!(Records::verify(hash(2)), None);
		});
	}

	#[test]
	fn only_active_providers_anchor() {
		ExtBuilder.build_and_execute(|| {
			for who in [OUTSIDER, INSURER] {
				assert_noop!(
					Records::anchor_record(
						signed(who),
						ALICE,
						hash(1),
						HashAlgorithm::Blake2_256,
						RecordCategory::Imaging,
						None
					),
					Error::<Test>::NotProvider
				);
			}
			MockIdentity::suspend(HOSPITAL);
			assert_noop!(
				Records::anchor_record(
					signed(DOCTOR),
					ALICE,
					hash(1),
					HashAlgorithm::Blake2_256,
					RecordCategory::Imaging,
					None
				),
				Error::<Test>::NotProvider
			);
		});
	}

	#[test]
	fn anchoring_needs_an_active_consenting_patient() {
		ExtBuilder.build_and_execute(|| {
			assert_noop!(
				Records::anchor_record(
					signed(DOCTOR),
					NOBODY,
					hash(1),
					HashAlgorithm::Blake2_256,
					RecordCategory::Imaging,
					None
				),
				Error::<Test>::PatientNotActive
			);
			MockIdentity::revoke_consent(ALICE, HOSPITAL);
			assert_noop!(
				Records::anchor_record(
					signed(DOCTOR),
					ALICE,
					hash(1),
					HashAlgorithm::Blake2_256,
					RecordCategory::Imaging,
					None
				),
				Error::<Test>::NoConsent
			);
			// Another provider still has consent.
			assert_ok!(Records::anchor_record(
				signed(OTHER_DOCTOR),
				ALICE,
				hash(1),
				HashAlgorithm::Blake2_256,
				RecordCategory::Imaging,
				None
			));
		});
	}

	#[test]
	fn a_hash_is_anchored_once() {
		ExtBuilder.build_and_execute(|| {
			anchor(1);
			assert_noop!(
				Records::anchor_record(
					signed(OTHER_DOCTOR),
					BOB,
					hash(1),
					HashAlgorithm::Blake2_256,
					RecordCategory::Imaging,
					None
				),
				Error::<Test>::AlreadyAnchored
			);
		});
	}
}

mod versions {
	use super::*;

	#[test]
	fn amending_links_a_new_version() {
		ExtBuilder.build_and_execute(|| {
			let first = anchor(1);
			System::set_block_number(5);
			Timestamp::set_timestamp(NOW + 60_000);
			System::reset_events();
			assert_ok!(Records::amend_record(
				signed(DOCTOR),
				first,
				hash(2),
				HashAlgorithm::Blake2_256,
				None
			));
			let second = first + 1;
			let info = Records::record(second).expect("amended");
			assert_eq!((info.version, info.previous, info.first_version), (2, Some(first), first));
			assert_eq!((info.anchored_at, info.timestamp), (5, NOW + 60_000));
			assert_eq!(info.category, RecordCategory::LabResult);
			assert_eq!(
				Records::record(first).map(|i| i.status),
				Some(RecordStatus::Amended { by: second })
			);
			assert_eq!(Records::latest_version(first), Some(second));
			assert_eq!(Records::latest_version(second), Some(second));
			assert_eq!(Records::history(second), vec![first, second]);
			assert_eq!(
				events(),
				vec![Event::RecordAmended {
					record: second,
					previous: first,
					first_version: first,
					version: 2,
					content_hash: hash(2),
				}]
			);
		});
	}

	#[test]
	fn amend_fails_clearly() {
		ExtBuilder.build_and_execute(|| {
			let first = anchor(1);
			let amend = |who, record, n| {
				Records::amend_record(signed(who), record, hash(n), HashAlgorithm::Blake2_256, None)
			};
			assert_noop!(amend(DOCTOR, 99, 2), Error::<Test>::RecordNotFound);
			assert_noop!(amend(OUTSIDER, first, 2), Error::<Test>::NotProvider);
			assert_noop!(amend(OTHER_DOCTOR, first, 2), Error::<Test>::NotCustodian);
			assert_noop!(amend(DOCTOR, first, 1), Error::<Test>::AlreadyAnchored);
			assert_ok!(amend(DOCTOR, first, 2));
			assert_noop!(amend(DOCTOR, first, 3), Error::<Test>::NotLatestVersion);
			assert_ok!(amend(DOCTOR, first + 1, 3));
			assert_noop!(amend(DOCTOR, first + 2, 4), Error::<Test>::TooManyVersions);
		});
	}

	#[test]
	fn amending_needs_the_patient_still_active_and_consenting() {
		ExtBuilder.build_and_execute(|| {
			let first = anchor(1);
			let amend = || {
				Records::amend_record(
					signed(DOCTOR),
					first,
					hash(2),
					HashAlgorithm::Blake2_256,
					None,
				)
			};
			MockIdentity::revoke_consent(ALICE, HOSPITAL);
			assert_noop!(amend(), Error::<Test>::NoConsent);
			MockIdentity::deactivate(ALICE);
			assert_noop!(amend(), Error::<Test>::PatientNotActive);
		});
	}

	#[test]
	fn retracting_marks_the_latest_version() {
		ExtBuilder.build_and_execute(|| {
			let first = anchor(1);
			System::reset_events();
			assert_ok!(Records::retract_record(
				signed(DOCTOR),
				first,
				RetractionReason::WrongPatient
			));
			assert_eq!(
				Records::verify(hash(1)).map(|i| i.status),
				Some(RecordStatus::Retracted { reason: RetractionReason::WrongPatient })
			);
			assert_eq!(
				events(),
				vec![Event::RecordRetracted {
					record: first,
					reason: RetractionReason::WrongPatient
				}]
			);
			// A retracted version can be neither retracted again nor amended.
			assert_noop!(
				Records::retract_record(signed(DOCTOR), first, RetractionReason::Duplicate),
				Error::<Test>::RecordRetracted
			);
			assert_noop!(
				Records::amend_record(
					signed(DOCTOR),
					first,
					hash(2),
					HashAlgorithm::Blake2_256,
					None
				),
				Error::<Test>::RecordRetracted
			);
		});
	}

	#[test]
	fn retract_fails_clearly() {
		ExtBuilder.build_and_execute(|| {
			let first = anchor(1);
			let retract = |who, record| {
				Records::retract_record(signed(who), record, RetractionReason::EnteredInError)
			};
			assert_noop!(retract(DOCTOR, 99), Error::<Test>::RecordNotFound);
			assert_noop!(retract(OUTSIDER, first), Error::<Test>::NotProvider);
			assert_noop!(retract(OTHER_DOCTOR, first), Error::<Test>::NotCustodian);
			assert_ok!(Records::amend_record(
				signed(DOCTOR),
				first,
				hash(2),
				HashAlgorithm::Blake2_256,
				None
			));
			assert_noop!(retract(DOCTOR, first), Error::<Test>::NotLatestVersion);
		});
	}
}

mod batches {
	use super::*;

	#[test]
	fn a_batch_is_anchored_and_each_record_proven() {
		ExtBuilder.build_and_execute(|| {
			let documents: Vec<H256> = (1..=5).map(hash).collect();
			let root = merkle::root(&documents).expect("a root");
			assert_ok!(Records::anchor_batch(signed(DOCTOR), root, 5));
			assert_eq!(
				events(),
				vec![Event::BatchAnchored { root, custodian: HOSPITAL, leaf_count: 5 }]
			);
			for (i, document) in documents.iter().enumerate() {
				let proof = merkle::proof(&documents, i).expect("in range");
				let batch = Records::verify_in_batch(root, *document, proof).expect("proven");
				assert_eq!(
					(batch.root, batch.custodian, batch.author, batch.leaf_count),
					(root, HOSPITAL, DOCTOR, 5)
				);
				assert_eq!((batch.anchored_at, batch.timestamp), (1, NOW));
			}
			let proof = merkle::proof(&documents, 0).expect("in range");
			assert_eq!(Records::verify_in_batch(root, hash(9), proof.clone()), None);
			assert_eq!(Records::verify_in_batch(hash(9), documents[0], proof), None);
		});
	}

	#[test]
	fn an_overlong_proof_proves_nothing() {
		ExtBuilder.build_and_execute(|| {
			let document = hash(1);
			// A chain of 33 siblings, anchored: the proof is valid but longer than any real tree.
			let proof = vec![hash(2); merkle::MAX_PROOF_LEN + 1];
			let root = merkle::root_from_proof(&document, &proof);
			assert_ok!(Records::anchor_batch(signed(DOCTOR), root, 2));
			assert_eq!(Records::verify_in_batch(root, document, proof), None);
			let short = vec![hash(2); merkle::MAX_PROOF_LEN];
			let short_root = merkle::root_from_proof(&document, &short);
			assert_ok!(Records::anchor_batch(signed(DOCTOR), short_root, 2));
			assert!(Records::verify_in_batch(short_root, document, short).is_some());
		});
	}

	#[test]
	fn an_unanchored_root_proves_nothing() {
		ExtBuilder.build_and_execute(|| {
			let documents: Vec<H256> = (1..=2).map(hash).collect();
			let root = merkle::root(&documents).expect("a root");
			let proof = merkle::proof(&documents, 0).expect("in range");
			assert_eq!(Records::verify_in_batch(root, documents[0], proof), None);
		});
	}

	#[test]
	fn anchor_batch_fails_clearly() {
		ExtBuilder.build_and_execute(|| {
			assert_noop!(
				Records::anchor_batch(signed(INSURER), hash(1), 3),
				Error::<Test>::NotProvider
			);
			assert_noop!(
				Records::anchor_batch(signed(DOCTOR), hash(1), 0),
				Error::<Test>::InvalidLeafCount
			);
			assert_noop!(
				Records::anchor_batch(signed(DOCTOR), hash(1), MAX_BATCH_LEAVES + 1),
				Error::<Test>::InvalidLeafCount
			);
			assert_ok!(Records::anchor_batch(signed(DOCTOR), hash(1), MAX_BATCH_LEAVES));
			assert_noop!(
				Records::anchor_batch(signed(OTHER_DOCTOR), hash(1), 2),
				Error::<Test>::BatchAlreadyAnchored
			);
		});
	}
}

mod lookups_and_invariants {
	use super::*;

	#[test]
	fn listings_page_through_every_record_once() {
		ExtBuilder.build_and_execute(|| {
			let ids: Vec<RecordId> = (1..=5).map(anchor).collect();
			assert_ok!(Records::anchor_record(
				signed(OTHER_DOCTOR),
				BOB,
				hash(50),
				HashAlgorithm::Blake2_256,
				RecordCategory::Imaging,
				None
			));
			let mut seen = Vec::new();
			let mut cursor = None;
			loop {
				let page = Records::records_of_patient(ALICE, cursor, 2);
				assert!(page.len() <= 2);
				let Some(last) = page.last().copied() else { break };
				seen.extend(page);
				cursor = Some(last);
			}
			seen.sort();
			assert_eq!(seen, ids);
			assert_eq!(Records::records_of_custodian(CLINIC, None, 10), vec![5]);
			assert_eq!(Records::records_of_custodian(HOSPITAL, None, 0), Vec::<RecordId>::new());
			assert_eq!(Records::history(99), Vec::<RecordId>::new());
		});
	}

	#[test]
	fn other_pallets_look_records_up_by_id_and_hash() {
		ExtBuilder.build_and_execute(|| {
			let first = anchor(1);
			assert_ok!(Records::amend_record(
				signed(DOCTOR),
				first,
				hash(2),
				HashAlgorithm::Blake2_256,
				None
			));
			let subject = RecordSubject {
				patient: ALICE,
				category: RecordCategory::LabResult,
				first_version: first,
				custodian: HOSPITAL,
			};
			assert_eq!(<Records as RecordLookup>::subject(first + 1), Some(subject));
			assert_eq!(<Records as RecordLookup>::by_hash(&hash(1)), Some((first, subject)));
			assert_eq!(<Records as RecordLookup>::subject(99), None);
			assert_eq!(<Records as RecordLookup>::by_hash(&hash(9)), None);
		});
	}

	#[test]
	fn try_state_detects_broken_indexes_and_chains() {
		ExtBuilder.build().execute_with(|| {
			let first = anchor(1);
			assert_ok!(Records::amend_record(
				signed(DOCTOR),
				first,
				hash(2),
				HashAlgorithm::Blake2_256,
				None
			));
			assert_ok!(Records::do_try_state());
			RecordByHash::<Test>::remove(hash(1));
			assert!(Records::do_try_state().is_err());
			RecordByHash::<Test>::insert(hash(1), first);
			Anchors::<Test>::mutate(first + 1, |a| {
				if let Some(a) = a {
					a.previous = Some(first + 1);
				}
			});
			assert!(Records::do_try_state().is_err(), "a version pointing to itself is a cycle");
		});
	}
}
