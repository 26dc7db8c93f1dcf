//! # Patients pallet
//!
//! Medchain's identity layer: the consortium's organizations and the patients' pseudonymous
//! identities. Every other medical pallet asks this one, through the traits
//! [`PatientLookup`] and [`OrganizationLookup`] of `medchain-primitives`, who is a patient and
//! who acts for which organization.
//!
//! ## Organizations
//!
//! Providers (hospitals, clinics, labs), payers (insurers) and auditors are admitted, suspended
//! and reactivated by the governance origin. Each has an admin account and a bounded set of
//! member accounts (practitioners, systems) that act for it; the admin manages the members and
//! pays a deposit for each. An account acts for at most one organization.
//!
//! ## Patients
//!
//! A patient is an opaque id ([`PatientId`], derived on chain), who controls it (the patient's
//! own key, or a custodian provider), and a salted commitment to the identity attributes kept
//! off chain. A patient registers themself, or a provider registers them (custodial onboarding)
//! and the patient later takes control with their own key ([`Pallet::offer_control`],
//! [`Pallet::accept_control`]; the same two steps rotate a key). Patients add delegates
//! (guardian, next of kin, proxy) with an optional expiry.
//!
//! ## Sponsorship: patients need no funded account
//!
//! The provider that registers a patient in its custody becomes the patient's sponsor, and
//! stays it after the patient takes control with their own key. The sponsor's admin pays the
//! patient's deposits (the patient record, each delegate, and the consent grants the patient's
//! keys make), and the runtime's payment extension charges it the fees of the calls the
//! patient's key, a delegate or the account offered control make about the patient, each only
//! for the calls it may make ([`Pallet::sponsor_of_call`]), up to `SponsoredCalls` calls per
//! `SponsorPeriod` blocks (delegates and the account offered control: half of them); past the
//! quota, the signer pays. Patients' keys, delegates and the accounts offered control are made
//! to exist without a balance (`frame_system`'s sufficients), so a fresh, never funded key can
//! act, and no transfer links it to a person's account (the sponsor's payments link it to the
//! sponsor, which the patient id already is). An account made to exist this way keeps existing,
//! with its nonce, after its roles end, so that its old transactions can never be replayed. A
//! patient who registers themself pays their own deposits and fees.
//!
//! ## No personal data
//!
//! Nothing stored or emitted here identifies a person: ids are hashes, the commitment is salted,
//! roles and statuses are enums. Erasure (GDPR art. 17): the controller clears the commitment or
//! deactivates the patient; the salt, kept only off chain, is destroyed, after which nothing on
//! chain can be linked to the person, even by someone who knows their attributes.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod features;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use features::sponsorship::{CareCall, Sponsorship};
pub use medchain_primitives::{
	DelegatePurpose, DelegateRole, IdentityCommitment, OrgId, OrgKind, OrganizationAdmins,
	OrganizationLookup, PatientErasure, PatientId, PatientLookup,
};
pub use types::*;
pub use weights::WeightInfo;

use frame_support::traits::fungible;

/// The balance type of the currency deposits are held in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::fungible::MutateHold};
	use frame_system::pallet_prelude::*;
	use medchain_primitives::origins::EnsureOriginOr;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The currency deposits are held in.
		type Currency: fungible::Inspect<Self::AccountId>
			+ fungible::Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Admits, suspends and reactivates organizations (sudo, later a consortium council).
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Told when an admin starts or stops speaking for an active organization (the runtime's
		/// council seats the admins of the active organizations).
		type Admins: OrganizationAdmins<Self::AccountId>;

		/// An account acting for an active provider: yields it and the provider
		/// (`origins::EnsureMember` over this pallet).
		type ProviderOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;

		/// The most members an organization may have, besides its admin.
		#[pallet::constant]
		type MaxMembers: Get<u32>;

		/// The most delegates a patient may have.
		#[pallet::constant]
		type MaxDelegates: Get<u32>;

		/// Held for a patient's record, from whoever pays for it (the patient's own key, or the
		/// custodian's admin).
		#[pallet::constant]
		type PatientDeposit: Get<BalanceOf<Self>>;

		/// Held for each delegate, from whoever pays for the patient.
		#[pallet::constant]
		type DelegateDeposit: Get<BalanceOf<Self>>;

		/// Held from an organization's admin for each member.
		#[pallet::constant]
		type MemberDeposit: Get<BalanceOf<Self>>;

		/// How many blocks an offer of control of a patient in custody waits before it may be
		/// accepted, so that the custodian's members and the patient's delegates see it and may
		/// withdraw it.
		#[pallet::constant]
		type ControlTransferDelay: Get<BlockNumberFor<Self>>;

		/// Told when a patient is deactivated, to erase what other pallets keep that ties the
		/// patient to an account (the consent pallet's grants and requests).
		type Erasure: PatientErasure;

		/// How many of a patient's own calls about their care the patient's sponsor pays for in
		/// each period of `SponsorPeriod` blocks (see [`Pallet::sponsor_of_call`]).
		#[pallet::constant]
		type SponsoredCalls: Get<u32>;

		/// The length of a sponsorship period, in blocks.
		#[pallet::constant]
		type SponsorPeriod: Get<BlockNumberFor<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A patient's record and delegates.
		PatientRecord,
		/// An organization's members.
		OrganizationMembers,
	}

	/// The organizations of the consortium, by id.
	#[pallet::storage]
	pub type Organizations<T: Config> = StorageMap<_, Twox64Concat, OrgId, Organization<T>>;

	/// Which organization an account acts for (as admin or member).
	#[pallet::storage]
	pub type OrganizationOf<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, OrgId>;

	/// The id the next admitted organization gets.
	#[pallet::storage]
	pub type NextOrgId<T> = StorageValue<_, OrgId, ValueQuery>;

	/// The patients, by their opaque id.
	#[pallet::storage]
	pub type PatientRecords<T: Config> = StorageMap<_, Blake2_128Concat, PatientId, Patient<T>>;

	/// The active patient whose own key an account is.
	#[pallet::storage]
	pub type PatientOf<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, PatientId>;

	/// Control of a patient offered to an account, waiting for it to accept.
	#[pallet::storage]
	pub type ControlOffers<T: Config> =
		StorageMap<_, Blake2_128Concat, PatientId, ControlOffer<T::AccountId, BlockNumberFor<T>>>;

	/// How many patients have been registered: part of the input of each new patient id.
	#[pallet::storage]
	pub type PatientCount<T> = StorageValue<_, u64, ValueQuery>;

	/// How many of each sponsored patient's calls their sponsor paid for in the current (or
	/// last) period.
	#[pallet::storage]
	pub type SponsoredCallsOf<T: Config> =
		StorageMap<_, Blake2_128Concat, PatientId, SponsoredUse<BlockNumberFor<T>>>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Governance admitted an organization.
		OrganizationAdmitted { org: OrgId, admin: T::AccountId, kind: OrgKind },
		/// Governance suspended an organization: nobody acts for it.
		OrganizationSuspended { org: OrgId },
		/// Governance reactivated a suspended organization.
		OrganizationReactivated { org: OrgId },
		/// An organization's admin added a member.
		MemberAdded { org: OrgId, member: T::AccountId },
		/// A member left, or was removed from, an organization.
		MemberRemoved { org: OrgId, member: T::AccountId },
		/// A patient was registered, by themself or by a custodian provider.
		PatientRegistered { patient: PatientId, control: Control<T::AccountId> },
		/// A patient's identity commitment was set or replaced.
		CommitmentSet { patient: PatientId, commitment: IdentityCommitment },
		/// A patient's identity commitment was cleared (erasure).
		CommitmentCleared { patient: PatientId },
		/// A patient added (or updated) a delegate.
		DelegateAdded {
			patient: PatientId,
			delegate: T::AccountId,
			role: DelegateRole,
			expires_at: Option<BlockNumberFor<T>>,
		},
		/// A patient removed a delegate.
		DelegateRemoved { patient: PatientId, delegate: T::AccountId },
		/// Control of a patient was offered to an account.
		ControlOffered { patient: PatientId, to: T::AccountId, accept_from: BlockNumberFor<T> },
		/// A pending offer of control was withdrawn.
		ControlOfferWithdrawn { patient: PatientId },
		/// An account accepted control of a patient: it is now the patient's own key.
		ControlTransferred { patient: PatientId, from: Control<T::AccountId>, to: T::AccountId },
		/// A patient was deactivated: commitment, control, delegates and deposit are gone.
		PatientDeactivated { patient: PatientId },
		/// The patient's sponsor paid the fee of a call the patient's key, a delegate or the
		/// account offered control made about the patient: the `calls`-th of the period.
		CallSponsored { patient: PatientId, sponsor: OrgId, calls: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No organization has this id.
		OrganizationNotFound,
		/// The account already acts for an organization; an account acts for at most one.
		AlreadyInOrganization,
		/// The organization is suspended.
		OrganizationNotActive,
		/// The organization is already active.
		OrganizationAlreadyActive,
		/// Only the organization's admin may do this.
		NotOrganizationAdmin,
		/// Every council seat is taken: no more organizations may be active at once.
		TooManyActiveOrganizations,
		/// The organization has the most members allowed (`MaxMembers`).
		TooManyMembers,
		/// The account is not a member of the organization.
		NotMember,
		/// The caller does not act for an active provider organization.
		NotProvider,
		/// The account is already the own key of an active patient.
		AlreadyPatient,
		/// No patient has this id.
		PatientNotFound,
		/// The patient is deactivated.
		PatientNotActive,
		/// The caller does not control this patient (their own key, or the custodian provider).
		NotController,
		/// The patient has the most delegates allowed (`MaxDelegates`).
		TooManyDelegates,
		/// The account is not a delegate of this patient.
		DelegateNotFound,
		/// A patient cannot be their own delegate.
		DelegateIsController,
		/// An account acting for an organization is nobody's delegate: a practitioner acts for
		/// a relative with a personal key, so that no record, access or claim names the
		/// delegate's key.
		DelegateActsForOrganization,
		/// The expiry block is not in the future.
		ExpiryInPast,
		/// Control of this patient has not been offered to the caller.
		NoControlOffer,
		/// The offer of control may not be accepted yet (`ControlTransferDelay`).
		ControlOfferNotYetOpen,
		/// For a patient in custody, only the custodian's admin may do this, not a member.
		NotCustodianAdmin,
		/// The payer cannot afford the deposit.
		InsufficientDeposit,
		/// The derived patient id is taken (practically impossible; try again).
		PatientIdTaken,
		/// The organization is the last active one: suspending it would leave the council
		/// without members, and nobody could govern again.
		LastActiveOrganization,
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Organizations admitted at genesis: `(admin, kind, members)`. The admins pay the
		/// members' deposits.
		pub organizations: Vec<(T::AccountId, OrgKind, Vec<T::AccountId>)>,
		/// Patients registered with their own key at genesis: `(account, commitment)`. Each pays
		/// its deposit.
		pub patients: Vec<(T::AccountId, Option<IdentityCommitment>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		// An invalid genesis must stop the chain from being created at all.
		#[allow(clippy::expect_used)]
		fn build(&self) {
			for (admin, kind, members) in &self.organizations {
				Pallet::<T>::do_admit_organization(admin.clone(), *kind)
					.expect("genesis organization admins are distinct and have council seats");
				for member in members {
					Pallet::<T>::do_add_member(admin.clone(), member.clone())
						.expect("genesis members are distinct, within MaxMembers and paid for");
				}
			}
			for (who, commitment) in &self.patients {
				Pallet::<T>::do_register_patient(Control::Own(who.clone()), *commitment)
					.expect("genesis patients are distinct and can pay their deposit");
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Admit an organization to the consortium.
		///
		/// - Origin: the governance origin.
		/// - `admin`: the account that will manage the organization; it must not act for another.
		/// - `kind`: provider, payer or auditor.
		///
		/// The organization gets the next [`OrgId`] and starts active.
		///
		/// The admin takes a seat on the council.
		///
		/// Errors: [`Error::AlreadyInOrganization`], [`Error::TooManyActiveOrganizations`].
		/// Emits [`Event::OrganizationAdmitted`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::admit_organization().saturating_add(T::Admins::max_weight()))]
		pub fn admit_organization(
			origin: OriginFor<T>,
			admin: T::AccountId,
			kind: OrgKind,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_admit_organization(admin, kind)
		}

		/// Suspend an organization: neither its admin nor its members act for it until it is
		/// reactivated, and its admin leaves the council.
		///
		/// - Origin: the governance origin.
		///
		/// Errors: [`Error::OrganizationNotFound`], [`Error::OrganizationNotActive`] (already),
		/// [`Error::LastActiveOrganization`].
		/// Emits [`Event::OrganizationSuspended`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::suspend_organization().saturating_add(T::Admins::max_weight()))]
		pub fn suspend_organization(origin: OriginFor<T>, org: OrgId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_organization_status(org, OrgStatus::Suspended)
		}

		/// Reactivate a suspended organization; its admin takes its council seat again.
		///
		/// - Origin: the governance origin.
		///
		/// Errors: [`Error::OrganizationNotFound`], [`Error::OrganizationAlreadyActive`],
		/// [`Error::TooManyActiveOrganizations`].
		/// Emits [`Event::OrganizationReactivated`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::reactivate_organization().saturating_add(T::Admins::max_weight()))]
		pub fn reactivate_organization(origin: OriginFor<T>, org: OrgId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_organization_status(org, OrgStatus::Active)
		}

		/// Add a member (a practitioner's or a system's account) to the caller's organization.
		///
		/// - Origin: signed by the organization's admin; the organization must be active.
		/// - `member`: must not act for any organization yet.
		///
		/// Holds `MemberDeposit` from the admin.
		///
		/// Errors: [`Error::NotOrganizationAdmin`], [`Error::OrganizationNotActive`],
		/// [`Error::AlreadyInOrganization`], [`Error::TooManyMembers`],
		/// [`Error::InsufficientDeposit`].
		/// Emits [`Event::MemberAdded`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::add_member(T::MaxMembers::get()))]
		pub fn add_member(
			origin: OriginFor<T>,
			member: T::AccountId,
		) -> DispatchResultWithPostInfo {
			let admin = ensure_signed(origin)?;
			let members = Self::do_add_member(admin, member)?;
			Ok(Some(T::WeightInfo::add_member(members)).into())
		}

		/// Remove a member from an organization, releasing its deposit to the admin.
		///
		/// - Origin: signed by the organization's admin, or by the member itself (leaving). Works
		///   for a suspended organization too, so it can wind down.
		///
		/// Errors: [`Error::NotMember`], [`Error::NotOrganizationAdmin`] (the caller is neither the
		/// admin nor the member).
		/// Emits [`Event::MemberRemoved`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::remove_member(T::MaxMembers::get()))]
		pub fn remove_member(
			origin: OriginFor<T>,
			member: T::AccountId,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let members = Self::do_remove_member(who, member)?;
			Ok(Some(T::WeightInfo::remove_member(members)).into())
		}

		/// Register the caller as a patient, controlled by their own key.
		///
		/// - Origin: signed; the account must not be the own key of an active patient.
		/// - `commitment`: salted commitment to the patient's identity attributes (computed off
		///   chain, e.g. `blake2-256(salt ‖ attributes)`), or `None`.
		///
		/// Holds `PatientDeposit` from the caller. The new [`PatientId`] is in the event.
		///
		/// Errors: [`Error::AlreadyPatient`], [`Error::InsufficientDeposit`].
		/// Emits [`Event::PatientRegistered`], and [`Event::CommitmentSet`] with a commitment.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::register_patient())]
		pub fn register_patient(
			origin: OriginFor<T>,
			commitment: Option<IdentityCommitment>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register_patient(Control::Own(who.clone()), commitment).map(|_| ())
		}

		/// Register a patient on their behalf, in the custody of the caller's provider
		/// organization (custodial onboarding). The patient can later take control with their
		/// own key: the provider offers it ([`Pallet::offer_control`]) and the patient accepts.
		///
		/// - Origin: signed by an account acting for an active provider.
		/// - `commitment`: as in [`Pallet::register_patient`].
		///
		/// Holds `PatientDeposit` from the provider's admin. The provider becomes the patient's
		/// sponsor: its admin pays the patient's deposits and the fees of the patient's calls
		/// about their care, up to `SponsoredCalls` per `SponsorPeriod`, for as long as the
		/// patient is active.
		///
		/// Errors: [`Error::NotProvider`], [`Error::InsufficientDeposit`].
		/// Emits [`Event::PatientRegistered`], and [`Event::CommitmentSet`] with a commitment.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::register_patient_for())]
		pub fn register_patient_for(
			origin: OriginFor<T>,
			commitment: Option<IdentityCommitment>,
		) -> DispatchResult {
			let (_, org) = T::ProviderOrigin::ensure_or(origin, Error::<T>::NotProvider)?;
			Self::do_register_patient(Control::Custodial(org), commitment).map(|_| ())
		}

		/// Set, replace or clear (`None`) a patient's identity commitment. Clearing it, and
		/// destroying the salt off chain, erases the link between the patient id and the person.
		///
		/// - Origin: signed by the patient's controller.
		///
		/// Errors: [`Error::PatientNotFound`], [`Error::PatientNotActive`],
		/// [`Error::NotController`].
		/// Emits [`Event::CommitmentSet`] or [`Event::CommitmentCleared`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::set_commitment())]
		pub fn set_commitment(
			origin: OriginFor<T>,
			patient: PatientId,
			commitment: Option<IdentityCommitment>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_commitment(&who, patient, commitment)
		}

		/// Add a delegate to a patient, or update an existing delegate's role and expiry.
		///
		/// - Origin: signed by the patient's own key, or the custodian's admin for a patient in
		///   custody (a member may not make itself a delegate, who keeps acting for the patient
		///   after the member leaves).
		/// - `delegate`: the account to act for the patient; not the patient's own key.
		/// - `role`: guardian (everything), next of kin (view records), proxy (consent and
		///   payments).
		/// - `expires_at`: the first block at which the delegation no longer holds, or `None`.
		///
		/// Holds `DelegateDeposit` for a new delegate from the patient's payer (the sponsor's
		/// admin, or the patient's own key for a patient without a sponsor).
		///
		/// Errors: [`Error::PatientNotFound`], [`Error::PatientNotActive`],
		/// [`Error::NotController`], [`Error::NotCustodianAdmin`], [`Error::DelegateIsController`],
		/// [`Error::ExpiryInPast`],
		/// [`Error::TooManyDelegates`], [`Error::InsufficientDeposit`].
		/// Emits [`Event::DelegateAdded`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::add_delegate(T::MaxDelegates::get()))]
		pub fn add_delegate(
			origin: OriginFor<T>,
			patient: PatientId,
			delegate: T::AccountId,
			role: DelegateRole,
			expires_at: Option<BlockNumberFor<T>>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let delegates = Self::do_add_delegate(&who, patient, delegate, role, expires_at)?;
			Ok(Some(T::WeightInfo::add_delegate(delegates)).into())
		}

		/// Remove a delegate from a patient, releasing its deposit.
		///
		/// - Origin: signed by the patient's own key, the custodian's admin for a patient in
		///   custody (not a member, who could remove a guardian), or the delegate itself
		///   (stepping down).
		///
		/// Errors: [`Error::PatientNotFound`], [`Error::PatientNotActive`],
		/// [`Error::NotController`], [`Error::NotCustodianAdmin`], [`Error::DelegateNotFound`].
		/// Emits [`Event::DelegateRemoved`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::remove_delegate(T::MaxDelegates::get()))]
		pub fn remove_delegate(
			origin: OriginFor<T>,
			patient: PatientId,
			delegate: T::AccountId,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let delegates = Self::do_remove_delegate(&who, patient, delegate)?;
			Ok(Some(T::WeightInfo::remove_delegate(delegates)).into())
		}

		/// Offer control of a patient to an account (`Some`), or withdraw the offer (`None`).
		/// The account takes control by calling [`Pallet::accept_control`]: for a patient in
		/// custody no earlier than `ControlTransferDelay` blocks after the offer, so that the
		/// custodian's members and the patient's delegates can withdraw an offer they did not
		/// expect; for a patient with their own key, at once. This is how a custodially
		/// registered patient takes over with their own key, and how a patient moves to a new
		/// key.
		///
		/// - Origin, to offer: signed by the patient's own key, or the custodian's admin for a
		///   patient in custody (not a member, who could offer the patient to its own key).
		/// - Origin, to withdraw: signed by the patient's controller (any member of the
		///   custodian) or by one of the patient's delegates.
		///
		/// Errors: [`Error::PatientNotFound`], [`Error::PatientNotActive`],
		/// [`Error::NotController`], [`Error::NotCustodianAdmin`], [`Error::NoControlOffer`]
		/// (withdrawing with none pending).
		/// Emits [`Event::ControlOffered`] or [`Event::ControlOfferWithdrawn`].
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::offer_control())]
		pub fn offer_control(
			origin: OriginFor<T>,
			patient: PatientId,
			to: Option<T::AccountId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_offer_control(&who, patient, to)
		}

		/// Accept control of a patient offered to the caller: the caller's key becomes the
		/// patient's own key. A sponsored patient's deposit stays with the sponsor; otherwise it
		/// moves: it is held from the caller and released to the previous key.
		///
		/// - Origin: signed by the account control was offered to; it must not be the own key of
		///   another active patient.
		///
		/// Errors: [`Error::NoControlOffer`], [`Error::ControlOfferNotYetOpen`],
		/// [`Error::PatientNotFound`], [`Error::PatientNotActive`], [`Error::AlreadyPatient`],
		/// [`Error::InsufficientDeposit`].
		/// Emits [`Event::ControlTransferred`], after [`Event::DelegateRemoved`] if the key was
		/// one of the patient's delegates.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::accept_control(T::MaxDelegates::get()))]
		pub fn accept_control(
			origin: OriginFor<T>,
			patient: PatientId,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let delegates = Self::do_accept_control(who, patient)?;
			Ok(Some(T::WeightInfo::accept_control(delegates)).into())
		}

		/// Deactivate a patient and erase what ties them to an account: clear the commitment and
		/// the controlling key or custodian, remove every delegate and pending offer, release the
		/// deposit, and have the other pallets erase theirs (`Erasure`: the patient's consent
		/// grants and pending requests). Afterwards no storage item maps an account to the
		/// patient. The id stays taken and can no longer be used; anchored records, claims and the
		/// access trail keep it, pointing to nobody.
		///
		/// - Origin: signed by the patient's own key, or the custodian's admin for a patient in
		///   custody.
		///
		/// Errors: [`Error::PatientNotFound`], [`Error::PatientNotActive`] (already),
		/// [`Error::NotController`], [`Error::NotCustodianAdmin`].
		/// Emits [`Event::PatientDeactivated`].
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::deactivate_patient(T::MaxDelegates::get()).saturating_add(T::Erasure::max_weight()))]
		pub fn deactivate_patient(
			origin: OriginFor<T>,
			patient: PatientId,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let (delegates, erased) = Self::do_deactivate_patient(&who, patient)?;
			Ok(Some(T::WeightInfo::deactivate_patient(delegates).saturating_add(erased)).into())
		}
	}
}
