//! # Medchain primitives
//!
//! The types every Medchain crate agrees on: the chain's basic types (accounts, balances, block
//! numbers), the MED token's parameters, and (as the medical pallets arrive) the opaque ids,
//! roles and the traits through which those pallets use each other.
//!
//! Nothing here may describe a person: ids are opaque, and what identifies a patient or their
//! health stays off chain.

#![cfg_attr(not(feature = "std"), no_std)]

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_runtime::{
	traits::{IdentifyAccount, Verify},
	MultiSignature,
};

/// The key a consortium miner signs its blocks' seals with (sr25519, key type `mine`).
///
/// Operators keep it in the node's keystore (`medchain-node key insert --key-type mine --scheme
/// sr25519`); governance binds its public half to an admitted organization.
pub mod mining {
	use sp_application_crypto::{app_crypto, sr25519, KeyTypeId};
	/// The keystore's key type of mining keys.
	pub const KEY_TYPE: KeyTypeId = KeyTypeId(*b"mine");
	app_crypto!(sr25519, KEY_TYPE);
}

/// A miner's public key, as the runtime stores it.
pub type MiningKey = mining::Public;

/// An index to a block.
pub type BlockNumber = u32;

/// Alias to 512-bit hash when used in the context of a transaction signature on the chain.
pub type Signature = MultiSignature;

/// An account on the chain: the public key of its signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// A balance of MED in its smallest unit (10^-12 MED).
pub type Balance = u128;

/// The number of transactions an account has signed.
pub type Nonce = u32;

/// A hash of some data used by the chain.
pub type Hash = sp_core::H256;

/// A timestamp: milliseconds since the Unix epoch.
pub type Moment = u64;

/// The MED token.
pub mod token {
	use super::Balance;

	/// The token's symbol, as wallets and polkadot.js apps show it.
	pub const SYMBOL: &str = "MED";
	/// Decimal places: 1 MED = 10^12 units.
	pub const DECIMALS: u8 = 12;
	/// One MED in units.
	pub const MED: Balance = 1_000_000_000_000;
	/// One thousandth of a MED.
	pub const MILLI_MED: Balance = MED / 1_000;
	/// One millionth of a MED.
	pub const MICRO_MED: Balance = MED / 1_000_000;
	/// The address format of Medchain accounts (SS58 prefix).
	pub const SS58_PREFIX: u16 = 4747;
}

/// A patient's on-chain identity: an opaque 256-bit id derived on chain. Never a medical record
/// number, a name or a birth date.
pub type PatientId = sp_core::H256;

/// An organization of the consortium (provider, payer or auditor), numbered in order of
/// admission.
pub type OrgId = u32;

/// A salted commitment to a patient's off-chain identity attributes, e.g.
/// `blake2-256(salt ‖ canonical attributes)`. Whoever holds the attributes and the salt can prove
/// the link; without the salt it reveals nothing.
pub type IdentityCommitment = sp_core::H256;

/// What an organization is in the consortium.
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
	Serialize,
	Deserialize,
)]
pub enum OrgKind {
	/// A hospital, clinic, practice or laboratory: anchors records, treats patients.
	Provider,
	/// An insurer: adjudicates and pays claims.
	Payer,
	/// An auditor: reads access logs and break-glass events.
	Auditor,
}

/// The relation of a delegate to a patient.
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
pub enum DelegateRole {
	/// A legal guardian (of a minor or of an adult under guardianship): may do everything the
	/// patient may.
	Guardian,
	/// Next of kin: may see what the patient may see, but not manage consent or pay.
	NextOfKin,
	/// A proxy chosen by the patient: may manage consent and pay, not see records.
	Proxy,
}

/// What a delegate does for a patient.
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
pub enum DelegatePurpose {
	/// Grant, revoke and answer requests for consent.
	ManageConsent,
	/// Read the patient's records and access history.
	ViewRecords,
	/// Pay the patient's share of claims.
	Pay,
}

impl DelegateRole {
	/// Whether a delegate in this role may act for `purpose`.
	pub fn allows(self, purpose: DelegatePurpose) -> bool {
		match self {
			DelegateRole::Guardian => true,
			DelegateRole::NextOfKin => purpose == DelegatePurpose::ViewRecords,
			DelegateRole::Proxy => {
				matches!(purpose, DelegatePurpose::ManageConsent | DelegatePurpose::Pay)
			}
		}
	}
}

/// Who patients are, as the other pallets see it (implemented by `pallet-patients`).
pub trait PatientLookup<AccountId> {
	/// The active patient whose own key is `who`, if any.
	fn patient_of(who: &AccountId) -> Option<PatientId>;
	/// Whether `patient` exists and is active.
	fn is_active_patient(patient: &PatientId) -> bool;
	/// Whether `who` may act for the active `patient` for `purpose`: the patient's own key, a
	/// member of the custodian organization of a custodial patient, or an unexpired delegate
	/// whose role allows the purpose.
	fn can_act_for(patient: &PatientId, who: &AccountId, purpose: DelegatePurpose) -> bool;
}

/// Which organizations accounts act for, as the other pallets see it (implemented by
/// `pallet-patients`).
pub trait OrganizationLookup<AccountId> {
	/// The active organization of `kind` that `who` acts for (as its admin or a member), if any.
	fn acting_for(who: &AccountId, kind: OrgKind) -> Option<OrgId>;
	/// Whether `org` exists, is active and is of `kind`.
	fn is_active(org: OrgId, kind: OrgKind) -> bool;
	/// Whether `org` exists and is active, whatever its kind.
	fn is_admitted(org: OrgId) -> bool {
		[OrgKind::Provider, OrgKind::Payer, OrgKind::Auditor]
			.into_iter()
			.any(|kind| Self::is_active(org, kind))
	}
}

/// Told when an account starts or stops speaking for an active organization as its admin: the
/// runtime keeps the consortium's council equal to the admins of the active organizations, so
/// admitting an organization seats its admin and suspending it unseats it.
pub trait OrganizationAdmins<AccountId> {
	/// `admin` now speaks for an active organization (admitted or reactivated). An error refuses
	/// the admission or reactivation: no seat is left.
	fn joined(admin: &AccountId) -> Result<(), NoSeatLeft>;
	/// `admin` no longer speaks for an active organization (suspended). An error refuses the
	/// suspension: the council would have no member left, and nobody could ever govern again.
	fn left(admin: &AccountId) -> Result<(), LastSeat>;
	/// The most weight `joined` or `left` may take.
	fn max_weight() -> sp_runtime::Weight;
}

/// Every seat is taken: no more organizations may be active at once.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct NoSeatLeft;

/// The seat is the council's last: no organization would be left to govern.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct LastSeat;

/// No council follows the organizations.
impl<AccountId> OrganizationAdmins<AccountId> for () {
	fn joined(_: &AccountId) -> Result<(), NoSeatLeft> {
		Ok(())
	}
	fn left(_: &AccountId) -> Result<(), LastSeat> {
		Ok(())
	}
	fn max_weight() -> sp_runtime::Weight {
		sp_runtime::Weight::zero()
	}
}

/// An anchored medical record version, numbered in order of anchoring.
pub type RecordId = u64;

/// The coded category of a record (after HL7 FHIR resource types). Never free text.
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
pub enum RecordCategory {
	/// An encounter or visit (FHIR `Encounter`).
	Encounter,
	/// A laboratory result (FHIR `Observation` / `DiagnosticReport`, laboratory).
	LabResult,
	/// Imaging and its report (FHIR `ImagingStudy`).
	Imaging,
	/// A prescription (FHIR `MedicationRequest`).
	Prescription,
	/// A discharge summary (FHIR `Composition`, discharge).
	DischargeSummary,
	/// A procedure (FHIR `Procedure`).
	Procedure,
	/// An immunization (FHIR `Immunization`).
	Immunization,
	/// A document supporting a claim (FHIR `Claim.supportingInfo`).
	ClaimAttachment,
	/// Any other clinical document (FHIR `DocumentReference`).
	Document,
}

/// Why someone may see or use a patient's data (after HL7 FHIR `Consent.provision.purpose`).
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
pub enum Purpose {
	/// Treatment of the patient.
	Treatment,
	/// Payment for the patient's care.
	Payment,
	/// Research.
	Research,
	/// The provider's healthcare operations.
	Operations,
}

/// Whether an organization may hold or see a patient's records (implemented by
/// `pallet-consent`; `()` allows everything, for tests of pallets that do not care).
pub trait ConsentCheck {
	/// Whether organization `org` may, for `purpose`, hold or see records of `category` of
	/// `patient` now: a current grant to the organization covers every record or that category
	/// (or the organization is in a break-glass window and the purpose is treatment).
	fn has_access(
		patient: &PatientId,
		org: OrgId,
		category: RecordCategory,
		purpose: Purpose,
	) -> bool;

	/// Whether organization `org` may, for `purpose`, see the anchored record `record` of
	/// `patient` now: the record is the patient's and a current grant to the organization covers
	/// it (every record, its category, or the record itself), or a break-glass window is open
	/// and the purpose is treatment.
	fn has_record_access(
		patient: &PatientId,
		org: OrgId,
		record: RecordId,
		purpose: Purpose,
	) -> bool;
}

impl ConsentCheck for () {
	fn has_access(_: &PatientId, _: OrgId, _: RecordCategory, _: Purpose) -> bool {
		true
	}
	fn has_record_access(_: &PatientId, _: OrgId, _: RecordId, _: Purpose) -> bool {
		true
	}
}

/// What the chain knows about whom an anchored record concerns.
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
pub struct RecordSubject {
	/// Whose record it is.
	pub patient: PatientId,
	/// The record's coded category.
	pub category: RecordCategory,
	/// The first version of the record (its stable id across amendments).
	pub first_version: RecordId,
	/// The provider that holds it.
	pub custodian: OrgId,
}

/// Anchored records, as the other pallets see them (implemented by `pallet-records`).
pub trait RecordLookup {
	/// The record version `record`, if it is anchored.
	fn subject(record: RecordId) -> Option<RecordSubject>;
	/// The record version anchored with this content hash, if any.
	fn by_hash(content_hash: &Hash) -> Option<(RecordId, RecordSubject)>;
}

/// Paged listings of the ids a pallet indexes under a key, as the runtime APIs serve them.
pub mod paging {
	extern crate alloc;
	use alloc::vec::Vec;
	use codec::FullCodec;
	use frame_support::storage::IterableStorageDoubleMap;

	/// The most ids one page of a listing returns.
	pub const MAX_PAGE: u32 = 100;

	/// Up to `limit` (at most [`MAX_PAGE`]) of the ids that the index `M` holds under `key`,
	/// after `start_after` in the index's order; pass the last id of a page to get the next.
	pub fn page<M, K, Id>(key: K, start_after: Option<Id>, limit: u32) -> Vec<Id>
	where
		M: IterableStorageDoubleMap<K, Id, ()>,
		K: FullCodec + Copy,
		Id: FullCodec,
	{
		let ids = match start_after {
			Some(after) => M::iter_key_prefix_from(key, M::hashed_key_for(key, after)),
			None => M::iter_key_prefix(key),
		};
		ids.take(limit.min(MAX_PAGE) as usize).collect()
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn delegate_roles_allow_their_purposes_only() {
		use DelegatePurpose::*;
		for purpose in [ManageConsent, ViewRecords, Pay] {
			assert!(DelegateRole::Guardian.allows(purpose));
		}
		assert!(DelegateRole::NextOfKin.allows(ViewRecords));
		assert!(!DelegateRole::NextOfKin.allows(ManageConsent));
		assert!(!DelegateRole::NextOfKin.allows(Pay));
		assert!(DelegateRole::Proxy.allows(ManageConsent));
		assert!(DelegateRole::Proxy.allows(Pay));
		assert!(!DelegateRole::Proxy.allows(ViewRecords));
	}
}
