//! Reading records back: what the runtime API serves.

use crate::*;
use alloc::vec::Vec;
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_core::H256;

use medchain_primitives::paging::{page, MAX_PAGE};

impl<T: Config> Pallet<T> {
	/// Every version anchored with this content hash, one per provider that anchored it,
	/// first anchored first (at most [`MAX_PAGE`](medchain_primitives::paging::MAX_PAGE)).
	/// More than one means several providers anchored the same content: check the custodian
	/// you expect, or ask [`Self::anchored_by`].
	pub fn verify(content_hash: H256) -> Vec<RecordInfo<T::AccountId, BlockNumberFor<T>>> {
		let mut ids: Vec<RecordId> =
			RecordByHash::<T>::iter_prefix_values(content_hash).take(MAX_PAGE as usize).collect();
		ids.sort_unstable();
		ids.into_iter().filter_map(Self::record).collect()
	}

	/// The version `custodian` anchored with this content hash.
	pub fn anchored_by(
		custodian: OrgId,
		content_hash: H256,
	) -> Option<RecordInfo<T::AccountId, BlockNumberFor<T>>> {
		Self::record(RecordByHash::<T>::get(content_hash, custodian)?)
	}

	/// The version with this id.
	pub fn record(id: RecordId) -> Option<RecordInfo<T::AccountId, BlockNumberFor<T>>> {
		Anchors::<T>::get(id).map(|anchor| RecordInfo { id, anchor })
	}

	/// The latest version of the record that `id` is a version of.
	pub fn latest_version(id: RecordId) -> Option<RecordId> {
		LatestVersion::<T>::get(Anchors::<T>::get(id)?.first_version)
	}

	/// Every version of the record that `id` is a version of, oldest first.
	pub fn history(id: RecordId) -> Vec<RecordId> {
		let mut versions = Vec::new();
		let mut next = Self::latest_version(id);
		// Bounded: a record has at most `MaxVersions` versions.
		while let Some(current) = next {
			if versions.len() >= T::MaxVersions::get() as usize {
				break;
			}
			versions.push(current);
			next = Anchors::<T>::get(current).and_then(|anchor| anchor.previous);
		}
		versions.reverse();
		versions
	}

	/// Up to `limit` (at most [`MAX_PAGE`](medchain_primitives::paging::MAX_PAGE)) record versions of `patient`, after the id
	/// `start_after` (in the index's order, not numeric order); pass the last id of a page to get
	/// the next one.
	pub fn records_of_patient(
		patient: PatientId,
		start_after: Option<RecordId>,
		limit: u32,
	) -> Vec<RecordId> {
		page::<RecordsByPatient<T>, _, _>(patient, start_after, limit)
	}

	/// Up to `limit` (at most [`MAX_PAGE`](medchain_primitives::paging::MAX_PAGE)) record versions held by `custodian`, after
	/// `start_after`, paged as [`Self::records_of_patient`].
	pub fn records_of_custodian(
		custodian: OrgId,
		start_after: Option<RecordId>,
		limit: u32,
	) -> Vec<RecordId> {
		page::<RecordsByCustodian<T>, _, _>(custodian, start_after, limit)
	}

	/// Every anchor of the batch `root` (one per provider that anchored it, first anchored
	/// first, at most [`MAX_PAGE`](medchain_primitives::paging::MAX_PAGE)), if `proof` (at most
	/// [`merkle::MAX_PROOF_LEN`] hashes) leads to it from `content_hash`; none otherwise.
	pub fn verify_in_batch(
		root: H256,
		content_hash: H256,
		proof: Vec<H256>,
	) -> Vec<BatchInfo<T::AccountId, BlockNumberFor<T>>> {
		if proof.len() > merkle::MAX_PROOF_LEN
			|| merkle::root_from_proof(&content_hash, &proof) != root
		{
			return Vec::new();
		}
		let mut batches: Vec<_> = Batches::<T>::iter_prefix_values(root)
			.take(MAX_PAGE as usize)
			.map(|batch| BatchInfo { root, batch })
			.collect();
		batches.sort_by_key(|info| (info.batch.anchored_at, info.batch.custodian));
		batches
	}
}

impl<T: Config> RecordLookup for Pallet<T> {
	fn subject(record: RecordId) -> Option<RecordSubject> {
		Anchors::<T>::get(record).map(|anchor| anchor.subject())
	}

	fn by_hash(custodian: OrgId, content_hash: &H256) -> Option<(RecordId, RecordSubject)> {
		let id = RecordByHash::<T>::get(content_hash, custodian)?;
		Some((id, Self::subject(id)?))
	}
}
