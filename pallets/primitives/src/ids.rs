//! The opaque ids and coded values the medical pallets share: patients, organizations and their
//! kinds, records and their categories, delegates' roles, and the purposes of use. None of them
//! describes a person.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

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
	PartialOrd,
	Ord,
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
	/// Whether its custodian retracted it (it stays provable, but nothing may rely on it).
	pub retracted: bool,
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
