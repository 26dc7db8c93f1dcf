//! The traits through which the pallets use each other: who patients are, which organization an
//! account acts for, whether consent covers an access, what an anchored record concerns, and who
//! speaks for an organization on the council, and what is erased with a patient. Each has a `()`
//! implementation for tests of pallets that do not care.

use crate::{
	DelegatePurpose, Hash, OrgId, OrgKind, PatientId, Purpose, RecordCategory, RecordId,
	RecordSubject,
};

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
	/// The provider that holds the active `patient` in custody, if the patient is custodial.
	fn custodian_of(patient: &PatientId) -> Option<OrgId>;
	/// Who pays the deposit for what `who` does for `patient`: the admin of the patient's
	/// sponsor (the provider that onboarded them) when `who` is the patient's own key or one of
	/// their delegates, so that a patient's keys need no funds; `who` itself otherwise.
	fn deposit_payer(patient: &PatientId, who: &AccountId) -> AccountId;
}

/// No patients: nobody is one, nobody acts for one.
impl<AccountId: Clone> PatientLookup<AccountId> for () {
	fn patient_of(_: &AccountId) -> Option<PatientId> {
		None
	}
	fn is_active_patient(_: &PatientId) -> bool {
		false
	}
	fn can_act_for(_: &PatientId, _: &AccountId, _: DelegatePurpose) -> bool {
		false
	}
	fn custodian_of(_: &PatientId) -> Option<OrgId> {
		None
	}
	fn deposit_payer(_: &PatientId, who: &AccountId) -> AccountId {
		who.clone()
	}
}

/// Which organizations accounts act for, as the other pallets see it (implemented by
/// `pallet-patients`). An account acts for at most one organization.
pub trait OrganizationLookup<AccountId> {
	/// The active organization that `who` acts for (as its admin or a member), and its kind.
	fn organization_of(who: &AccountId) -> Option<(OrgId, OrgKind)>;
	/// The kind of `org`, if it exists and is active.
	fn active_kind(org: OrgId) -> Option<OrgKind>;
	/// Whether `who` is the admin of `org` (active or not): the one account that speaks for the
	/// organization, as opposed to its members.
	fn is_admin(who: &AccountId, org: OrgId) -> bool;
	/// The active organization of `kind` that `who` acts for, if any.
	fn acting_for(who: &AccountId, kind: OrgKind) -> Option<OrgId> {
		Self::organization_of(who).and_then(|(org, of)| (of == kind).then_some(org))
	}
	/// Whether `org` exists, is active and is of `kind`.
	fn is_active(org: OrgId, kind: OrgKind) -> bool {
		Self::active_kind(org) == Some(kind)
	}
	/// Whether `org` exists and is active, whatever its kind.
	fn is_admitted(org: OrgId) -> bool {
		Self::active_kind(org).is_some()
	}
}

/// No organizations: nobody acts for one.
impl<AccountId> OrganizationLookup<AccountId> for () {
	fn organization_of(_: &AccountId) -> Option<(OrgId, OrgKind)> {
		None
	}
	fn active_kind(_: OrgId) -> Option<OrgKind> {
		None
	}
	fn is_admin(_: &AccountId, _: OrgId) -> bool {
		false
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

/// What other pallets erase when a patient is deactivated (implemented by `pallet-consent`):
/// whatever ties the patient to an account, so that afterwards no storage item maps any account
/// to the patient.
pub trait PatientErasure {
	/// Remove what is kept about `patient` that names an account (grants paid by the patient's
	/// keys and delegates, requests waiting for the patient's answer), returning their deposits.
	/// Bounded by the implementer's own per-patient limits. Returns the weight it used, at most
	/// [`Self::max_weight`].
	fn erase(patient: &PatientId) -> Result<sp_runtime::Weight, sp_runtime::DispatchError>;

	/// The weight of [`Self::erase`] at its worst case.
	fn max_weight() -> sp_runtime::Weight;
}

impl PatientErasure for () {
	fn erase(_: &PatientId) -> Result<sp_runtime::Weight, sp_runtime::DispatchError> {
		Ok(sp_runtime::Weight::zero())
	}
	fn max_weight() -> sp_runtime::Weight {
		sp_runtime::Weight::zero()
	}
}

/// Whether an organization may hold or see a patient's records (implemented by
/// `pallet-consent`; `()` allows everything, for tests of pallets that do not care).
pub trait ConsentCheck {
	/// Whether organization `org` may, for `purpose`, hold records of `category` of `patient`
	/// now (anchor them): a current grant to the organization covers every record or that
	/// category. A break-glass window is no such grant: it lets a provider see records in an
	/// emergency, not file new ones without consent.
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

/// Anchored records, as the other pallets see them (implemented by `pallet-records`).
pub trait RecordLookup {
	/// The record version `record`, if it is anchored.
	fn subject(record: RecordId) -> Option<RecordSubject>;
	/// The record version `custodian` anchored with this content hash, if any.
	fn by_hash(custodian: OrgId, content_hash: &Hash) -> Option<(RecordId, RecordSubject)>;
}

/// No records are anchored.
impl RecordLookup for () {
	fn subject(_: RecordId) -> Option<RecordSubject> {
		None
	}
	fn by_hash(_: OrgId, _: &Hash) -> Option<(RecordId, RecordSubject)> {
		None
	}
}
