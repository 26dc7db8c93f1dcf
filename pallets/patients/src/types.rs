//! The pallet's stored types, their rules, and the views the runtime API returns.

use crate::{BalanceOf, Config};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	pallet_prelude::BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use frame_system::pallet_prelude::BlockNumberFor;
use medchain_primitives::{DelegatePurpose, DelegateRole, IdentityCommitment, OrgId, OrgKind};
use scale_info::TypeInfo;

/// Whether an organization may act.
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
pub enum OrgStatus {
	/// Admitted and in good standing: its admin and members act for it.
	Active,
	/// Suspended by governance: nobody acts for it until it is reactivated.
	Suspended,
}

/// An organization of the consortium.
#[derive(
	CloneNoBound, Encode, Decode, EqNoBound, MaxEncodedLen, PartialEqNoBound, DebugNoBound, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Organization<T: Config> {
	/// The account that manages the organization and pays its members' deposits.
	pub admin: T::AccountId,
	/// Provider, payer or auditor.
	pub kind: OrgKind,
	/// Active or suspended.
	pub status: OrgStatus,
	/// The accounts (practitioners, systems) that act for the organization, besides its admin.
	pub members: BoundedVec<T::AccountId, T::MaxMembers>,
	/// What is held from the admin for the members' storage.
	pub deposit: BalanceOf<T>,
}

impl<T: Config> Organization<T> {
	/// Whether `who` acts for this organization (its admin or a member), whatever its status.
	pub fn includes(&self, who: &T::AccountId) -> bool {
		&self.admin == who || self.members.contains(who)
	}
}

/// Who controls a patient's identity.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum Control<AccountId> {
	/// The patient's own key.
	Own(AccountId),
	/// A provider organization, until the patient takes control with their own key (custodial
	/// onboarding).
	Custodial(OrgId),
}

/// Whether a patient's identity is in use.
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
pub enum PatientStatus {
	/// In use.
	Active,
	/// Deactivated by its controller: no commitment, no delegates, no deposit, and nobody can
	/// act for it. The id stays taken, so that anchored records keep pointing to nobody else.
	Deactivated,
}

/// Someone a patient lets act for them.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Delegate<AccountId, BlockNumber> {
	/// The delegate's account.
	pub who: AccountId,
	/// Guardian, next of kin or proxy: what they may do.
	pub role: DelegateRole,
	/// The first block at which the delegation no longer holds; `None` for no expiry.
	pub expires_at: Option<BlockNumber>,
}

impl<AccountId, BlockNumber: PartialOrd> Delegate<AccountId, BlockNumber> {
	/// Whether the delegation holds at block `now` for `purpose`.
	pub fn allows_at(&self, now: &BlockNumber, purpose: DelegatePurpose) -> bool {
		self.expires_at.as_ref().is_none_or(|end| now < end) && self.role.allows(purpose)
	}
}

/// A patient's on-chain identity. Holds nothing that identifies the person: an opaque id (the
/// storage key), who controls it, and a salted commitment.
#[derive(
	CloneNoBound, Encode, Decode, EqNoBound, MaxEncodedLen, PartialEqNoBound, DebugNoBound, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Patient<T: Config> {
	/// The patient's own key, or the custodian provider.
	pub control: Control<T::AccountId>,
	/// Commitment to the off-chain identity attributes; `None` once cleared.
	pub commitment: Option<IdentityCommitment>,
	/// Active or deactivated.
	pub status: PatientStatus,
	/// Who may act for the patient, and for what.
	pub delegates: BoundedVec<Delegate<T::AccountId, BlockNumberFor<T>>, T::MaxDelegates>,
	/// What is held from the payer (see [`Patient::payer`]) for this record and its delegates.
	pub deposit: BalanceOf<T>,
	/// The block the patient was registered in.
	pub registered_at: BlockNumberFor<T>,
}

/// What [`crate::runtime_api::PatientsApi`] returns for an organization.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct OrganizationInfo<AccountId, Balance> {
	pub admin: AccountId,
	pub kind: OrgKind,
	pub status: OrgStatus,
	pub members: Vec<AccountId>,
	pub deposit: Balance,
}

/// What [`crate::runtime_api::PatientsApi`] returns for a patient.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct PatientInfo<AccountId, Balance, BlockNumber> {
	pub control: Control<AccountId>,
	pub commitment: Option<IdentityCommitment>,
	pub status: PatientStatus,
	pub delegates: Vec<Delegate<AccountId, BlockNumber>>,
	pub deposit: Balance,
	pub registered_at: BlockNumber,
}

impl<T: Config> From<Organization<T>> for OrganizationInfo<T::AccountId, BalanceOf<T>> {
	fn from(org: Organization<T>) -> Self {
		Self {
			admin: org.admin,
			kind: org.kind,
			status: org.status,
			members: org.members.into_inner(),
			deposit: org.deposit,
		}
	}
}

impl<T: Config> From<Patient<T>> for PatientInfo<T::AccountId, BalanceOf<T>, BlockNumberFor<T>> {
	fn from(patient: Patient<T>) -> Self {
		Self {
			control: patient.control,
			commitment: patient.commitment,
			status: patient.status,
			delegates: patient.delegates.into_inner(),
			deposit: patient.deposit,
			registered_at: patient.registered_at,
		}
	}
}
