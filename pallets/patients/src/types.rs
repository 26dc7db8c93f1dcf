//! The pallet's stored types, their rules, and the views the runtime API returns.

use crate::{BalanceOf, Config};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use frame_support::{
	pallet_prelude::BoundedVec, traits::Get, CloneNoBound, DebugNoBound, EqNoBound,
	PartialEqNoBound,
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

/// An organization of the consortium, as stored ([`Organization`]) and as
/// [`crate::runtime_api::PatientsApi`] returns it.
#[derive(
	CloneNoBound, Encode, Decode, EqNoBound, MaxEncodedLen, PartialEqNoBound, DebugNoBound, TypeInfo,
)]
#[scale_info(skip_type_params(MaxMembers))]
#[codec(mel_bound(AccountId: MaxEncodedLen, Balance: MaxEncodedLen))]
pub struct OrganizationInfo<AccountId, Balance, MaxMembers>
where
	AccountId: Clone + PartialEq + Eq + Debug,
	Balance: Clone + PartialEq + Eq + Debug,
	MaxMembers: Get<u32>,
{
	/// The account that manages the organization and pays its members' deposits.
	pub admin: AccountId,
	/// Provider, payer or auditor.
	pub kind: OrgKind,
	/// Active or suspended.
	pub status: OrgStatus,
	/// The accounts (practitioners, systems) that act for the organization, besides its admin.
	pub members: BoundedVec<AccountId, MaxMembers>,
	/// What is held from the admin for the members' storage.
	pub deposit: Balance,
}

/// An organization as the pallet stores it.
pub type Organization<T> = OrganizationInfo<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	<T as Config>::MaxMembers,
>;

impl<AccountId, Balance, MaxMembers> OrganizationInfo<AccountId, Balance, MaxMembers>
where
	AccountId: Clone + PartialEq + Eq + Debug,
	Balance: Clone + PartialEq + Eq + Debug,
	MaxMembers: Get<u32>,
{
	/// Whether `who` acts for this organization (its admin or a member), whatever its status.
	pub fn includes(&self, who: &AccountId) -> bool {
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
	/// Nobody: the patient was deactivated, and the key or custodian that controlled it is
	/// erased with everything else that tied the patient to an account.
	Erased,
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
		self.is_current(now) && self.role.allows(purpose)
	}

	/// Whether the delegation holds at block `now`, whatever the role.
	pub fn is_current(&self, now: &BlockNumber) -> bool {
		self.expires_at.as_ref().is_none_or(|end| now < end)
	}
}

/// Control of a patient offered to an account: it may accept from block `accept_from`.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct ControlOffer<AccountId, BlockNumber> {
	/// The account offered control.
	pub to: AccountId,
	/// The first block it may accept in.
	pub accept_from: BlockNumber,
}

/// A patient's on-chain identity, as stored ([`Patient`]) and as
/// [`crate::runtime_api::PatientsApi`] returns it. Holds nothing that identifies the person: an
/// opaque id (the storage key), who controls it, and a salted commitment.
#[derive(
	CloneNoBound, Encode, Decode, EqNoBound, MaxEncodedLen, PartialEqNoBound, DebugNoBound, TypeInfo,
)]
#[scale_info(skip_type_params(MaxDelegates))]
#[codec(mel_bound(AccountId: MaxEncodedLen, Balance: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct PatientInfo<AccountId, Balance, BlockNumber, MaxDelegates>
where
	AccountId: Clone + PartialEq + Eq + Debug,
	Balance: Clone + PartialEq + Eq + Debug,
	BlockNumber: Clone + PartialEq + Eq + Debug,
	MaxDelegates: Get<u32>,
{
	/// The patient's own key, or the custodian provider.
	pub control: Control<AccountId>,
	/// Commitment to the off-chain identity attributes; `None` once cleared.
	pub commitment: Option<IdentityCommitment>,
	/// Active or deactivated.
	pub status: PatientStatus,
	/// Who may act for the patient, and for what.
	pub delegates: BoundedVec<Delegate<AccountId, BlockNumber>, MaxDelegates>,
	/// What is held from the payer (the sponsor's admin, or else the patient's own key) for
	/// this record and its delegates.
	pub deposit: Balance,
	/// The provider that onboarded the patient (registered them in its custody): its admin pays
	/// the patient's deposits, and the fees of the patient's own calls about their care up to a
	/// quota, also after the patient takes control with their own key, so that the patient's
	/// keys need no funds. `None` for a patient who registered themself, who pays their own.
	pub sponsor: Option<OrgId>,
	/// The block the patient was registered in.
	pub registered_at: BlockNumber,
}

/// A patient as the pallet stores it.
pub type Patient<T> = PatientInfo<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as Config>::MaxDelegates,
>;

/// How many of a patient's calls their sponsor paid for in a period of `SponsorPeriod` blocks.
#[derive(
	Clone,
	Copy,
	Debug,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct SponsoredUse<BlockNumber> {
	/// The period: the block number divided by `SponsorPeriod`.
	pub period: BlockNumber,
	/// The calls paid for in it.
	pub calls: u32,
}
