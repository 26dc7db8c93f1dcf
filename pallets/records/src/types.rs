//! The pallet's stored types and the views its runtime API returns.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_system::pallet_prelude::BlockNumberFor;
use medchain_primitives::{OrgId, PatientId, RecordCategory, RecordId, RecordSubject};
use scale_info::TypeInfo;
use sp_core::H256;

/// How a record's content hash was computed from the record's bytes. Both are keyed by a fresh
/// 32-byte random salt per record, which travels with the record to whoever may see it and is
/// never on chain: without it, a content hash confirms no guess of a templated record's content
/// (`scripts/record-hash.py`). Unsalted hashes are anchored only in batches, which are for public
/// documents ([`crate::Pallet::anchor_batch`]).
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
	/// blake2b with a 256-bit digest in its keyed mode (RFC 7693), the salt as the key
	/// (`scripts/record-hash.py hash FILE`).
	KeyedBlake2_256,
	/// HMAC-SHA-256 (RFC 2104), the salt as the key, for SHA-256 tooling such as FHIR's
	/// (`--algorithm hmac-sha-256`).
	HmacSha2_256,
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
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct RecordAnchor<AccountId, BlockNumber> {
	/// Whose record it is.
	pub patient: PatientId,
	/// The provider that holds the record.
	pub custodian: OrgId,
	/// The account that anchored this version.
	pub author: AccountId,
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
	pub anchored_at: BlockNumber,
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
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct BatchAnchor<AccountId, BlockNumber> {
	/// The provider that holds the records.
	pub custodian: OrgId,
	/// The account that anchored the batch.
	pub author: AccountId,
	/// How many record hashes the tree covers.
	pub leaf_count: u32,
	/// The block the batch was anchored in.
	pub anchored_at: BlockNumber,
	/// The timestamp of that block (ms since the Unix epoch).
	pub timestamp: u64,
}

/// A version of a record as the pallet stores it.
pub type RecordAnchorOf<T> =
	RecordAnchor<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

/// A batch as the pallet stores it.
pub type BatchAnchorOf<T> = BatchAnchor<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

/// A record version as the runtime API returns it: its id, and what is stored under it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct RecordInfo<AccountId, BlockNumber> {
	/// The version's id.
	pub id: RecordId,
	/// The version.
	pub anchor: RecordAnchor<AccountId, BlockNumber>,
}

/// A batch as the runtime API returns it: its root, and what is stored under it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct BatchInfo<AccountId, BlockNumber> {
	/// The batch's Merkle root.
	pub root: H256,
	/// The batch.
	pub batch: BatchAnchor<AccountId, BlockNumber>,
}

impl<AccountId, BlockNumber> RecordAnchor<AccountId, BlockNumber> {
	/// Whom and what this version concerns, as other pallets see it.
	pub fn subject(&self) -> RecordSubject {
		RecordSubject {
			patient: self.patient,
			category: self.category,
			first_version: self.first_version,
			custodian: self.custodian,
			retracted: matches!(self.status, RecordStatus::Retracted { .. }),
		}
	}
}
