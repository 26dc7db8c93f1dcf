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
		HashAlgorithm::HmacSha2_256,
		RecordCategory::LabResult,
		Some(hash(200)),
	));
	id
}

mod anchoring {
	use super::*;

	#[test]
	fn a_provider_anchors_a_record() {
		ExtBuilder::default().build_and_execute(|| {
			let id = anchor(1);
			let info = Records::anchored_by(HOSPITAL, hash(1)).expect("anchored");
			assert_eq!(Records::verify(hash(1)), vec![info.clone()]);
			assert_eq!(
				info,
				RecordInfo {
					id,
					anchor: RecordAnchor {
						patient: ALICE,
						custodian: HOSPITAL,
						author: DOCTOR,
						content_hash: hash(1),
						algorithm: HashAlgorithm::HmacSha2_256,
						category: RecordCategory::LabResult,
						locator: Some(hash(200)),
						anchored_at: 1,
						timestamp: NOW,
						first_version: id,
						version: 1,
						previous: None,
						status: RecordStatus::Active,
					},
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
					algorithm: HashAlgorithm::HmacSha2_256,
					category: RecordCategory::LabResult,
				}]
			);
			assert_eq!(Records::verify(hash(2)), vec![]);
			assert_eq!(Records::anchored_by(CLINIC, hash(1)), None);
		});
	}

	#[test]
	fn only_active_providers_anchor() {
		ExtBuilder::default().build_and_execute(|| {
			for who in [OUTSIDER, INSURER] {
				assert_noop!(
					Records::anchor_record(
						signed(who),
						ALICE,
						hash(1),
						HashAlgorithm::KeyedBlake2_256,
						RecordCategory::Imaging,
						None
					),
					Error::<Test>::NotProvider
				);
			}
			MockWorld::suspend(HOSPITAL);
			assert_noop!(
				Records::anchor_record(
					signed(DOCTOR),
					ALICE,
					hash(1),
					HashAlgorithm::KeyedBlake2_256,
					RecordCategory::Imaging,
					None
				),
				Error::<Test>::NotProvider
			);
		});
	}

	#[test]
	fn anchoring_needs_an_active_consenting_patient() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				Records::anchor_record(
					signed(DOCTOR),
					NOBODY,
					hash(1),
					HashAlgorithm::KeyedBlake2_256,
					RecordCategory::Imaging,
					None
				),
				Error::<Test>::PatientNotActive
			);
			MockWorld::revoke(ALICE, HOSPITAL);
			assert_noop!(
				Records::anchor_record(
					signed(DOCTOR),
					ALICE,
					hash(1),
					HashAlgorithm::KeyedBlake2_256,
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
				HashAlgorithm::KeyedBlake2_256,
				RecordCategory::Imaging,
				None
			));
		});
	}

	#[test]
	fn a_provider_anchors_a_hash_once() {
		ExtBuilder::default().build_and_execute(|| {
			anchor(1);
			assert_noop!(
				Records::anchor_record(
					signed(DOCTOR),
					BOB,
					hash(1),
					HashAlgorithm::KeyedBlake2_256,
					RecordCategory::Imaging,
					None
				),
				Error::<Test>::AlreadyAnchored
			);
		});
	}

	/// #17 item 1: a provider that saw a pending `anchorRecord` in the pool anchored the same
	/// hash first, for a patient of its own: `verify` named it as the custodian, and the victim
	/// got `AlreadyAnchored`.
	#[test]
	fn anchoring_a_hash_first_neither_blocks_nor_impersonates_its_custodian() {
		ExtBuilder::default().build_and_execute(|| {
			// The clinic front-runs the hospital's anchor of the hospital's lab result.
			let squat = NextRecordId::<Test>::get();
			assert_ok!(Records::anchor_record(
				signed(OTHER_DOCTOR),
				BOB,
				hash(1),
				HashAlgorithm::HmacSha2_256,
				RecordCategory::LabResult,
				None
			));
			let id = anchor(1);
			let hospitals = Records::anchored_by(HOSPITAL, hash(1)).expect("the hospital's anchor");
			assert_eq!((hospitals.id, hospitals.anchor.patient), (id, ALICE));
			// `verify` shows both anchors, each with its custodian, first anchored first.
			assert_eq!(
				Records::verify(hash(1))
					.iter()
					.map(|info| (info.id, info.anchor.custodian))
					.collect::<Vec<_>>(),
				vec![(squat, CLINIC), (id, HOSPITAL)]
			);
			// The same for batches.
			assert_ok!(Records::anchor_batch(signed(OTHER_DOCTOR), hash(3), 2));
			assert_ok!(Records::anchor_batch(signed(DOCTOR), hash(3), 2));
			assert_eq!(Batches::<Test>::iter_prefix(hash(3)).count(), 2);
		});
	}
}

mod versions {
	use super::*;

	#[test]
	fn amending_links_a_new_version() {
		ExtBuilder::default().build_and_execute(|| {
			let first = anchor(1);
			System::set_block_number(5);
			Timestamp::set_timestamp(NOW + 60_000);
			System::reset_events();
			assert_ok!(Records::amend_record(
				signed(DOCTOR),
				first,
				hash(2),
				HashAlgorithm::KeyedBlake2_256,
				None
			));
			let second = first + 1;
			let info = Records::record(second).expect("amended").anchor;
			assert_eq!((info.version, info.previous, info.first_version), (2, Some(first), first));
			assert_eq!((info.anchored_at, info.timestamp), (5, NOW + 60_000));
			assert_eq!(info.category, RecordCategory::LabResult);
			assert_eq!(
				Records::record(first).map(|i| i.anchor.status),
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
		ExtBuilder::default().build_and_execute(|| {
			let first = anchor(1);
			let amend = |who, record, n| {
				Records::amend_record(
					signed(who),
					record,
					hash(n),
					HashAlgorithm::KeyedBlake2_256,
					None,
				)
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
		ExtBuilder::default().build_and_execute(|| {
			let first = anchor(1);
			let amend = || {
				Records::amend_record(
					signed(DOCTOR),
					first,
					hash(2),
					HashAlgorithm::KeyedBlake2_256,
					None,
				)
			};
			MockWorld::revoke(ALICE, HOSPITAL);
			assert_noop!(amend(), Error::<Test>::NoConsent);
			MockWorld::deactivate(ALICE);
			assert_noop!(amend(), Error::<Test>::PatientNotActive);
		});
	}

	#[test]
	fn retracting_marks_the_latest_version() {
		ExtBuilder::default().build_and_execute(|| {
			let first = anchor(1);
			System::reset_events();
			assert_ok!(Records::retract_record(
				signed(DOCTOR),
				first,
				RetractionReason::WrongPatient
			));
			assert_eq!(
				Records::anchored_by(HOSPITAL, hash(1)).map(|i| i.anchor.status),
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
				Error::<Test>::RecordIsRetracted
			);
			assert_noop!(
				Records::amend_record(
					signed(DOCTOR),
					first,
					hash(2),
					HashAlgorithm::KeyedBlake2_256,
					None
				),
				Error::<Test>::RecordIsRetracted
			);
		});
	}

	#[test]
	fn retract_fails_clearly() {
		ExtBuilder::default().build_and_execute(|| {
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
				HashAlgorithm::KeyedBlake2_256,
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
		ExtBuilder::default().build_and_execute(|| {
			let documents: Vec<H256> = (1..=5).map(hash).collect();
			let root = merkle::root(&documents).expect("a root");
			assert_ok!(Records::anchor_batch(signed(DOCTOR), root, 5));
			assert_eq!(
				events(),
				vec![Event::BatchAnchored { root, custodian: HOSPITAL, leaf_count: 5 }]
			);
			for (i, document) in documents.iter().enumerate() {
				let proof = merkle::proof(&documents, i).expect("in range");
				let [BatchInfo { root: proven, batch }] =
					<[_; 1]>::try_from(Records::verify_in_batch(root, *document, proof))
						.expect("proven once");
				assert_eq!(
					(proven, batch.custodian, batch.author, batch.leaf_count),
					(root, HOSPITAL, DOCTOR, 5)
				);
				assert_eq!((batch.anchored_at, batch.timestamp), (1, NOW));
			}
			let proof = merkle::proof(&documents, 0).expect("in range");
			assert_eq!(Records::verify_in_batch(root, hash(9), proof.clone()), vec![]);
			assert_eq!(Records::verify_in_batch(hash(9), documents[0], proof), vec![]);
		});
	}

	#[test]
	fn an_overlong_proof_proves_nothing() {
		ExtBuilder::default().build_and_execute(|| {
			let document = hash(1);
			// A chain of 33 siblings, anchored: the proof is valid but longer than any real tree.
			let proof = vec![hash(2); merkle::MAX_PROOF_LEN + 1];
			let root = merkle::root_from_proof(&document, &proof);
			assert_ok!(Records::anchor_batch(signed(DOCTOR), root, 2));
			assert_eq!(Records::verify_in_batch(root, document, proof), vec![]);
			let short = vec![hash(2); merkle::MAX_PROOF_LEN];
			let short_root = merkle::root_from_proof(&document, &short);
			assert_ok!(Records::anchor_batch(signed(DOCTOR), short_root, 2));
			assert_eq!(Records::verify_in_batch(short_root, document, short).len(), 1);
		});
	}

	#[test]
	fn an_unanchored_root_proves_nothing() {
		ExtBuilder::default().build_and_execute(|| {
			let documents: Vec<H256> = (1..=2).map(hash).collect();
			let root = merkle::root(&documents).expect("a root");
			let proof = merkle::proof(&documents, 0).expect("in range");
			assert_eq!(Records::verify_in_batch(root, documents[0], proof), vec![]);
		});
	}

	#[test]
	fn anchor_batch_fails_clearly() {
		ExtBuilder::default().build_and_execute(|| {
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
				Records::anchor_batch(signed(DOCTOR), hash(1), 2),
				Error::<Test>::BatchAlreadyAnchored
			);
		});
	}
}

mod lookups {
	use super::*;

	#[test]
	fn listings_page_through_every_record_once() {
		ExtBuilder::default().build_and_execute(|| {
			let ids: Vec<RecordId> = (1..=5).map(anchor).collect();
			assert_ok!(Records::anchor_record(
				signed(OTHER_DOCTOR),
				BOB,
				hash(50),
				HashAlgorithm::KeyedBlake2_256,
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
		ExtBuilder::default().build_and_execute(|| {
			let first = anchor(1);
			assert_ok!(Records::amend_record(
				signed(DOCTOR),
				first,
				hash(2),
				HashAlgorithm::KeyedBlake2_256,
				None
			));
			let subject = RecordSubject {
				patient: ALICE,
				category: RecordCategory::LabResult,
				first_version: first,
				custodian: HOSPITAL,
				retracted: false,
			};
			assert_eq!(<Records as RecordLookup>::subject(first + 1), Some(subject));
			assert_eq!(
				<Records as RecordLookup>::by_hash(HOSPITAL, &hash(1)),
				Some((first, subject))
			);
			assert_eq!(<Records as RecordLookup>::by_hash(CLINIC, &hash(1)), None);
			assert_eq!(<Records as RecordLookup>::subject(99), None);
			assert_eq!(<Records as RecordLookup>::by_hash(HOSPITAL, &hash(9)), None);
		});
	}
}

mod invariants {
	//! One test per invariant of `do_try_state`: a fresh world that keeps them all, broken in
	//! one place, fails with that invariant's error.
	use super::*;
	use sp_runtime::DispatchError;

	/// What the world `broken_by` builds holds.
	struct World {
		/// Alice's lab result, amended by `second`.
		first: RecordId,
		/// Its second and latest version.
		second: RecordId,
		/// Bob's imaging, held by the clinic.
		bobs: RecordId,
		/// A batch of 5 record hashes anchored by the hospital.
		root: H256,
	}

	/// `do_try_state` at block 1 of a fresh world (what [`World`] lists) after `corrupt` changed
	/// its storage. The world keeps every invariant until then.
	fn broken_by(corrupt: impl FnOnce(&World)) -> Result<(), DispatchError> {
		ExtBuilder::default().build().execute_with(|| {
			let first = anchor(1);
			assert_ok!(Records::amend_record(
				signed(DOCTOR),
				first,
				hash(2),
				HashAlgorithm::KeyedBlake2_256,
				None
			));
			let bobs = NextRecordId::<Test>::get();
			assert_ok!(Records::anchor_record(
				signed(OTHER_DOCTOR),
				BOB,
				hash(50),
				HashAlgorithm::KeyedBlake2_256,
				RecordCategory::Imaging,
				None
			));
			let root = hash(100);
			assert_ok!(Records::anchor_batch(signed(DOCTOR), root, 5));
			assert_ok!(Records::do_try_state());
			corrupt(&World { first, second: first + 1, bobs, root });
			Records::do_try_state()
		})
	}

	/// The invariant `name` does not hold.
	fn violated(name: &'static str) -> Result<(), DispatchError> {
		Err(DispatchError::Other(name))
	}

	/// Change the stored version `id`.
	fn edit(id: RecordId, change: impl FnOnce(&mut RecordAnchorOf<Test>)) {
		Anchors::<Test>::mutate(id, |stored| change(stored.as_mut().expect("version stored")));
	}

	/// Change the stored batch of `root`.
	fn edit_batch(root: H256, change: impl FnOnce(&mut BatchAnchorOf<Test>)) {
		Batches::<Test>::mutate(root, HOSPITAL, |stored| {
			change(stored.as_mut().expect("batch stored"))
		});
	}

	#[test]
	fn record_ids_are_below_next_record_id() {
		assert_eq!(
			broken_by(|w| NextRecordId::<Test>::put(w.bobs)),
			violated("record id not below NextRecordId")
		);
	}

	#[test]
	fn no_record_has_more_than_max_versions() {
		assert_eq!(
			broken_by(|w| edit(w.bobs, |a| a.version = MAX_VERSIONS + 1)),
			violated("version above MaxVersions")
		);
	}

	#[test]
	fn every_version_is_in_the_hash_index() {
		assert_eq!(
			broken_by(|_| RecordByHash::<Test>::remove(hash(50), CLINIC)),
			violated("hash index missing")
		);
	}

	#[test]
	fn every_version_is_in_the_patient_index() {
		assert_eq!(
			broken_by(|w| RecordsByPatient::<Test>::remove(BOB, w.bobs)),
			violated("patient index missing")
		);
	}

	#[test]
	fn every_version_is_in_the_custodian_index() {
		assert_eq!(
			broken_by(|w| RecordsByCustodian::<Test>::remove(CLINIC, w.bobs)),
			violated("custodian index missing")
		);
	}

	#[test]
	fn a_first_version_is_number_one() {
		assert_eq!(
			broken_by(|w| edit(w.bobs, |a| a.version = 2)),
			violated("first version malformed")
		);
	}

	#[test]
	fn an_amendment_amends_a_stored_version() {
		assert_eq!(
			broken_by(|w| edit(w.second, |a| a.previous = Some(99))),
			violated("previous version missing")
		);
	}

	#[test]
	fn version_chains_have_no_cycle() {
		// A version that amends itself.
		assert_eq!(
			broken_by(|w| edit(w.second, |a| a.previous = Some(w.second))),
			violated("version chain broken")
		);
	}

	#[test]
	fn the_latest_version_is_the_one_not_amended() {
		assert_eq!(
			broken_by(|w| LatestVersion::<Test>::insert(w.first, w.first)),
			violated("latest version inconsistent")
		);
	}

	#[test]
	fn the_hash_index_points_to_matching_versions() {
		assert_eq!(
			broken_by(|w| RecordByHash::<Test>::insert(hash(77), HOSPITAL, w.first)),
			violated("hash index stale")
		);
		assert_eq!(
			broken_by(|w| RecordByHash::<Test>::insert(hash(1), CLINIC, w.first)),
			violated("hash index stale")
		);
	}

	#[test]
	fn every_batch_is_stored_under_its_custodian() {
		assert_eq!(
			broken_by(|w| {
				let batch = Batches::<Test>::take(w.root, HOSPITAL).expect("batch stored");
				Batches::<Test>::insert(w.root, CLINIC, batch);
			}),
			violated("batch under another custodian")
		);
	}

	#[test]
	fn the_patient_index_points_to_matching_versions() {
		assert_eq!(
			broken_by(|w| RecordsByPatient::<Test>::insert(BOB, w.first, ())),
			violated("patient index stale")
		);
	}

	#[test]
	fn the_custodian_index_points_to_matching_versions() {
		assert_eq!(
			broken_by(|w| RecordsByCustodian::<Test>::insert(CLINIC, w.first, ())),
			violated("custodian index stale")
		);
	}

	#[test]
	fn latest_version_points_to_a_version_of_its_record() {
		assert_eq!(
			broken_by(|w| LatestVersion::<Test>::insert(99, w.first)),
			violated("LatestVersion stale")
		);
	}

	#[test]
	fn a_batch_covers_one_to_max_batch_leaves_hashes() {
		for leaf_count in [0, MAX_BATCH_LEAVES + 1] {
			assert_eq!(
				broken_by(|w| edit_batch(w.root, |b| b.leaf_count = leaf_count)),
				violated("batch leaf count out of range"),
				"{leaf_count} leaves"
			);
		}
	}

	#[test]
	fn a_batch_is_not_anchored_in_a_later_block() {
		assert_eq!(
			broken_by(|w| edit_batch(w.root, |b| b.anchored_at = 2)),
			violated("batch anchored after the current block")
		);
	}
}
