//! The runtime API to verify and look up records (`RecordsApi` in the metadata).

use crate::{BatchInfo, RecordInfo};
use alloc::vec::Vec;
use codec::Codec;
use medchain_primitives::{OrgId, PatientId, RecordId};
use sp_core::H256;

sp_api::decl_runtime_apis! {
	/// Verify records against their anchors and list them.
	pub trait RecordsApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// Was a document with this content hash anchored? When, by which providers, for which
		/// records? One entry per provider that anchored it, first anchored first.
		fn verify(content_hash: H256) -> Vec<RecordInfo<AccountId, BlockNumber>>;
		/// The record `custodian` anchored with this content hash, if it did.
		fn anchored_by(custodian: OrgId, content_hash: H256) -> Option<RecordInfo<AccountId, BlockNumber>>;
		/// Is the document with this content hash in the anchored batch `root`? `proof` is its
		/// Merkle proof (sibling hashes, leaf to root; see `pallet_records::merkle`). One entry
		/// per provider that anchored the root, first anchored first; none if the proof fails.
		fn verify_in_batch(root: H256, content_hash: H256, proof: Vec<H256>) -> Vec<BatchInfo<AccountId, BlockNumber>>;
		/// The record version with this id.
		fn record(id: RecordId) -> Option<RecordInfo<AccountId, BlockNumber>>;
		/// The latest version of the record that `id` is a version of.
		fn latest_version(id: RecordId) -> Option<RecordId>;
		/// All versions of the record that `id` is a version of, oldest first.
		fn history(id: RecordId) -> Vec<RecordId>;
		/// A page (at most 100) of a patient's record versions after `start_after`.
		fn records_of_patient(patient: PatientId, start_after: Option<RecordId>, limit: u32) -> Vec<RecordId>;
		/// A page (at most 100) of the record versions a provider holds after `start_after`.
		fn records_of_custodian(custodian: OrgId, start_after: Option<RecordId>, limit: u32) -> Vec<RecordId>;
	}
}
