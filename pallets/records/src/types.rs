//! The pallet's stored types and the views its runtime API returns.

use crate::Config;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use frame_system::pallet_prelude::BlockNumberFor;
use medchain_primitives::{OrgId, PatientId, RecordCategory, RecordId, RecordSubject};
use scale_info::TypeInfo;
use sp_core::H256;

/// How a record's content hash was computed from the record's bytes.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum HashAlgorithm {
	/// blake2b with a 256-bit digest (`scripts/record-hash.py --algorithm blake2-256`).
	Blake2_256,
	/// SHA-256, as FHIR tooling uses (`--algorithm sha-256`).
	Sha2_256,
}

/// Why a record version was retracted.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum RetractionReason {
	/// Entered in error (FHIR `entered-in-error`).
	EnteredInError,
	/// Filed under the wrong patient.
	WrongPatient,
	/// A duplicate of another record.
	Duplicate,
	/// Withdrawn by its custodian.
	Withdrawn,
}

/// Where a record version stands.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum RecordStatus {
	/// The current version.
	Active,
	/// Superseded by a later version.
	Amended {
		/// The version that replaced this one.
		by: RecordId,
	},
	/// Retracted by its custodian; still provable, no longer to be relied on.
	Retracted {
		/// Why.
		reason: RetractionReason,
	},
}

/// What the chain holds of one version of a record: proof of its existence (the hash), order
/// (block and time), custody (the organization and the author) and history (versions).
#[derive(
	CloneNoBound, Encode, Decode, EqNoBound, MaxEncodedLen, PartialEqNoBound, DebugNoBound, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct RecordAnchor<T: Config> {
	/// Whose record it is.
	pub patient: PatientId,
	/// The provider that holds the record.
	pub custodian: OrgId,
	/// The account that anchored this version.
	pub author: T::AccountId,
	/// The hash of the record's bytes.
	pub content_hash: H256,
	/// How `content_hash` was computed.
	pub algorithm: HashAlgorithm,
	/// The coded category.
	pub category: RecordCategory,
	/// An opaque locator of the encrypted record at its custodian: a hash (e.g. of the encrypted
	/// blob, or of its storage key). Never a name, a URL with personal data, or free text.
	pub locator: Option<H256>,
	/// The block this version was anchored in.
	pub anchored_at: BlockNumberFor<T>,
	/// The timestamp of that block (ms since the Unix epoch).
	pub timestamp: u64,
	/// The first version of this record: the record's stable id.
	pub first_version: RecordId,
	/// The version number, from 1.
	pub version: u32,
	/// The version this one amends.
	pub previous: Option<RecordId>,
	/// Active, amended or retracted.
	pub status: RecordStatus,
}

/// A batch of record hashes anchored as one Merkle root (see [`crate::merkle`]).
#[derive(
	CloneNoBound, Encode, Decode, EqNoBound, MaxEncodedLen, PartialEqNoBound, DebugNoBound, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct BatchAnchor<T: Config> {
	/// The provider that holds the records.
	pub custodian: OrgId,
	/// The account that anchored the batch.
	pub author: T::AccountId,
	/// How many record hashes the tree covers.
	pub leaf_count: u32,
	/// The block the batch was anchored in.
	pub anchored_at: BlockNumberFor<T>,
	/// The timestamp of that block (ms since the Unix epoch).
	pub timestamp: u64,
}

/// A record version as the runtime API returns it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct RecordInfo<AccountId, BlockNumber> {
	pub id: RecordId,
	pub patient: PatientId,
	pub custodian: OrgId,
	pub author: AccountId,
	pub content_hash: H256,
	pub algorithm: HashAlgorithm,
	pub category: RecordCategory,
	pub locator: Option<H256>,
	pub anchored_at: BlockNumber,
	pub timestamp: u64,
	pub first_version: RecordId,
	pub version: u32,
	pub previous: Option<RecordId>,
	pub status: RecordStatus,
}

/// A batch as the runtime API returns it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct BatchInfo<AccountId, BlockNumber> {
	pub root: H256,
	pub custodian: OrgId,
	pub author: AccountId,
	pub leaf_count: u32,
	pub anchored_at: BlockNumber,
	pub timestamp: u64,
}

impl<T: Config> RecordAnchor<T> {
	/// Whom and what this version concerns, as other pallets see it.
	pub fn subject(&self) -> RecordSubject {
		RecordSubject {
			patient: self.patient,
			category: self.category,
			first_version: self.first_version,
			custodian: self.custodian,
		}
	}

	/// The runtime API's view of this version, stored under `id`.
	pub fn info(self, id: RecordId) -> RecordInfo<T::AccountId, BlockNumberFor<T>> {
		RecordInfo {
			id,
			patient: self.patient,
			custodian: self.custodian,
			author: self.author,
			content_hash: self.content_hash,
			algorithm: self.algorithm,
			category: self.category,
			locator: self.locator,
			anchored_at: self.anchored_at,
			timestamp: self.timestamp,
			first_version: self.first_version,
			version: self.version,
			previous: self.previous,
			status: self.status,
		}
	}
}

impl<T: Config> BatchAnchor<T> {
	/// The runtime API's view of this batch, anchored under `root`.
	pub fn info(self, root: H256) -> BatchInfo<T::AccountId, BlockNumberFor<T>> {
		BatchInfo {
			root,
			custodian: self.custodian,
			author: self.author,
			leaf_count: self.leaf_count,
			anchored_at: self.anchored_at,
			timestamp: self.timestamp,
		}
	}
}
