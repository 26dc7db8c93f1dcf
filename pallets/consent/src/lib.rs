//! # Consent pallet
//!
//! Patient-controlled access to medical records: who may see what, for what purpose, until when,
//! and proof of every access.
//!
//! - **Grants**: a patient (or a delegate who may manage consent, or the custodian of a custodial
//!   patient) grants an organization, or one member account, access to every record, to records
//!   of some categories, or to some records, for one purpose, from a block and optionally until
//!   a block. Revocation takes effect in the block it is included in. An expired grant stops
//!   applying at its expiry block without any call; anyone may then remove it
//!   ([`Pallet::remove_expired_grant`]), which returns the deposit to whoever paid it.
//! - **Requests**: an organization asks a patient for consent; the patient approves (which
//!   creates the grant) or rejects; the organization may withdraw. An organization has at most
//!   `MaxRequestsPerOrganization` requests waiting for one patient; a request lapses unanswered
//!   after `RequestLifetime` blocks (its deposit goes back, and it makes room), so a patient may
//!   ignore requests for free; a rejected request forfeits its deposit (burnt, not paid to the
//!   patient, so no funds flow to the patient's account), so asking again and again costs.
//! - **Access log**: an account acting for an organization logs "I accessed record R of patient
//!   P for purpose X" ([`Pallet::log_access`]). It succeeds only if a current grant covers it
//!   (or a break-glass window is open); every entry extends the patient's hash chain
//!   ([`AccessTrail`]), so the events can be checked complete and unaltered against one stored
//!   hash.
//! - **Break-glass**: an account acting for an active provider opens emergency access to a
//!   patient for `BreakGlassPeriod` blocks, without consent, for treatment; at most
//!   `MaxBreakGlassPerPeriod` windows per provider and patient within `BreakGlassQuotaPeriod`.
//!   A second person (another member of the provider, or an auditor) may extend an open window
//!   once. It never counts as consent to anchor. Every window is logged in the access trail,
//!   flagged, listed per patient, and waits in an open review list (`BreakGlassReviews`) until
//!   an auditor reviews it.
//!
//! Other pallets ask this one through [`ConsentCheck`] (records: may a provider hold a patient's
//! records; payments: may a payer see the records a claim cites).
//!
//! ## No personal data
//!
//! Grants, requests and log entries hold opaque ids, coded categories and purposes, block
//! numbers and hashes.

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

pub use features::lookup::PatientOfCall;
pub use medchain_primitives::{
	ConsentCheck, DelegatePurpose, OrgId, OrgKind, OrganizationLookup, PatientId, PatientLookup,
	Purpose, RecordCategory, RecordId, RecordLookup, RecordSubject,
};
pub use types::*;
pub use weights::WeightInfo;

use frame_support::traits::fungible;

/// The balance type of the currency deposits are held in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// What the benchmarks need from the runtime: identity and records live in other pallets.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, Signature> {
	/// A funded account that acts for a new active patient (manages their consent, pays for
	/// them), and the patient; the runtime's is the guardian of a patient in custody, the
	/// account whose acts cost the most lookups.
	fn patient(seed: u32) -> (AccountId, PatientId);
	/// A funded account acting for a new active organization of `kind`, and the organization.
	fn organization(kind: OrgKind, seed: u32) -> (AccountId, OrgId);
	/// Anchor a record of `category` of `patient` by `provider`, who already has consent to
	/// hold it; returns its id.
	fn record(provider: &AccountId, patient: PatientId, category: RecordCategory) -> RecordId;
	/// Like [`Self::organization`], but the account's key is one [`Self::sign`] signs with.
	fn signing_organization(kind: OrgKind, seed: u32) -> (AccountId, OrgId);
	/// `payload` signed by the key of `who`, an account of [`Self::signing_organization`].
	fn sign(who: &AccountId, payload: &[u8]) -> Signature;
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_support::traits::EnsureOriginWithArg;
	use frame_support::traits::Time;
	use frame_system::pallet_prelude::*;
	use medchain_primitives::origins::EnsureOriginOr;
	use sp_core::H256;
	use sp_runtime::traits::{IdentifyAccount, Verify, Zero};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Sets up patients, organizations and records for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, Self::Signature>;

		/// The currency deposits are held in.
		type Currency: fungible::Inspect<Self::AccountId>
			+ fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who is a patient and who may act for them (`pallet-patients`).
		type Patients: PatientLookup<Self::AccountId>;

		/// Who acts for which organization (`pallet-patients`).
		type Organizations: OrganizationLookup<Self::AccountId>;

		/// Who may manage a patient's consent (the patient's key, a guardian or proxy, a member
		/// of a custodial patient's custodian): yields the account that signed
		/// (`origins::EnsurePatientAgent` for `ManageConsent`).
		type ConsentManagerOrigin: EnsureOriginWithArg<
			Self::RuntimeOrigin,
			PatientId,
			Success = Self::AccountId,
		>;

		/// An account acting for an active organization: yields it, the organization and its
		/// kind (`origins::EnsureAnyMember`).
		type MemberOrigin: EnsureOrigin<
			Self::RuntimeOrigin,
			Success = (Self::AccountId, OrgId, OrgKind),
		>;

		/// An account acting for an active provider: yields it and the provider
		/// (`origins::EnsureMember`).
		type ProviderOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;

		/// Whom anchored records concern (`pallet-records`).
		type Records: RecordLookup;

		/// A signature by an account's key, as transactions carry them: what an accessor signs
		/// a [`ReleaseRequest`] with.
		type Signature: Parameter + Verify<Signer: IdentifyAccount<AccountId = Self::AccountId>>;

		/// The time of the current block, in ms since the Unix epoch (`pallet-timestamp`).
		type Time: Time<Moment = u64>;

		/// How far, in ms, a [`ReleaseRequest`]'s `issued_at` may be from the time of the block
		/// that logs it, before or after.
		#[pallet::constant]
		type ReleaseWindow: Get<u64>;

		/// The most record categories or records one scope lists.
		#[pallet::constant]
		type MaxScopeItems: Get<u32>;

		/// The most grants a patient may have at once (expired ones count until removed).
		#[pallet::constant]
		type MaxGrantsPerPatient: Get<u32>;

		/// The most grants a patient may have to one grantee at once.
		#[pallet::constant]
		type MaxGrantsPerGrantee: Get<u32>;

		/// The most requests waiting for a patient's answer.
		#[pallet::constant]
		type MaxPendingRequests: Get<u32>;

		/// The most requests one organization may have waiting for one patient's answer.
		#[pallet::constant]
		type MaxRequestsPerOrganization: Get<u32>;

		/// How many blocks a request waits for an answer before it lapses.
		#[pallet::constant]
		type RequestLifetime: Get<BlockNumberFor<Self>>;

		/// How many blocks a break-glass window lasts.
		#[pallet::constant]
		type BreakGlassPeriod: Get<BlockNumberFor<Self>>;

		/// How many of a patient's latest break-glass windows are kept in storage (all of them
		/// stay in the access trail and the events). At least one; more than the providers that
		/// may open a window for one patient within one `BreakGlassPeriod`: a full list drops
		/// its oldest closed window first, and an open window dropped no longer gives access.
		#[pallet::constant]
		type MaxBreakGlassKept: Get<u32>;

		/// The most break-glass windows one provider may open for one patient within
		/// `BreakGlassQuotaPeriod` blocks (counted in `BreakGlassOpenings`, whatever other
		/// providers open).
		#[pallet::constant]
		type MaxBreakGlassPerPeriod: Get<u32>;

		/// The period `MaxBreakGlassPerPeriod` counts over.
		#[pallet::constant]
		type BreakGlassQuotaPeriod: Get<BlockNumberFor<Self>>;

		/// Held from whoever grants, for each grant.
		#[pallet::constant]
		type GrantDeposit: Get<BalanceOf<Self>>;

		/// Held from the requesting account, for each request; returned when the request is
		/// approved, withdrawn or lapses, burnt when the patient rejects it.
		#[pallet::constant]
		type RequestDeposit: Get<BalanceOf<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A consent grant.
		ConsentGrant,
		/// A consent request.
		ConsentRequest,
	}

	/// The grants of each patient to each grantee.
	#[pallet::storage]
	pub type Grants<T: Config> = StorageDoubleMap<
		_,
		Identity,
		PatientId,
		Blake2_128Concat,
		Grantee<T::AccountId>,
		BoundedVec<GrantOf<T>, T::MaxGrantsPerGrantee>,
		ValueQuery,
	>;

	/// Whose grant to whom each grant id is.
	#[pallet::storage]
	pub type GrantKeys<T: Config> =
		StorageMap<_, Twox64Concat, GrantId, (PatientId, Grantee<T::AccountId>)>;

	/// How many grants each patient has.
	#[pallet::storage]
	pub type GrantCount<T> = StorageMap<_, Identity, PatientId, u32, ValueQuery>;

	/// The id the next grant gets.
	#[pallet::storage]
	pub type NextGrantId<T> = StorageValue<_, GrantId, ValueQuery>;

	/// Requests waiting for an answer.
	#[pallet::storage]
	pub type Requests<T: Config> = StorageMap<_, Twox64Concat, RequestId, ConsentRequest<T>>;

	/// The requests waiting for each patient's answer, oldest first.
	#[pallet::storage]
	pub type RequestsOf<T: Config> = StorageMap<
		_,
		Identity,
		PatientId,
		BoundedVec<PendingRequest<BlockNumberFor<T>>, T::MaxPendingRequests>,
		ValueQuery,
	>;

	/// The id the next request gets.
	#[pallet::storage]
	pub type NextRequestId<T> = StorageValue<_, RequestId, ValueQuery>;

	/// Each patient's access log: entry count and hash-chain head.
	#[pallet::storage]
	pub type AccessTrails<T> = StorageMap<_, Identity, PatientId, AccessTrail, ValueQuery>;

	/// Each patient's latest break-glass windows, oldest first.
	#[pallet::storage]
	pub type BreakGlassLog<T: Config> = StorageMap<
		_,
		Identity,
		PatientId,
		BoundedVec<BreakGlass<T::AccountId, BlockNumberFor<T>>, T::MaxBreakGlassKept>,
		ValueQuery,
	>;

	/// By patient and provider, the blocks the provider opened break-glass windows for the
	/// patient in, within the last `BreakGlassQuotaPeriod` as of its latest opening: what the
	/// quota counts. Apart from `BreakGlassLog`, so that other providers' windows cannot push
	/// a provider's out of the count.
	#[pallet::storage]
	pub type BreakGlassOpenings<T: Config> = StorageDoubleMap<
		_,
		Identity,
		PatientId,
		Twox64Concat,
		OrgId,
		BoundedVec<BlockNumberFor<T>, T::MaxBreakGlassPerPeriod>,
		ValueQuery,
	>;

	/// Break-glass windows no auditor has reviewed yet: by patient and the access-trail entry
	/// that opened the window, the provider that opened it and who extended it. An extension
	/// puts a window back on the list, so its second period is reviewed too. Patients and
	/// auditors read it.
	#[pallet::storage]
	pub type BreakGlassReviews<T: Config> = StorageDoubleMap<
		_,
		Identity,
		PatientId,
		Twox64Concat,
		u64,
		PendingReview<T::AccountId>,
		OptionQuery,
	>;

	/// By custodian and accessor, the `issued_at` of the latest release request logged: a
	/// request is logged only if it was issued later, so no signed request is logged twice.
	#[pallet::storage]
	pub type LastRelease<T: Config> =
		StorageDoubleMap<_, Twox64Concat, OrgId, Blake2_128Concat, T::AccountId, u64, OptionQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Consent was granted. `org` is the organization it lets access: the grantee
		/// organization, or the one a member grantee acts for now (the grant stays bound to it).
		ConsentGranted {
			grant: GrantId,
			patient: PatientId,
			grantee: Grantee<T::AccountId>,
			org: OrgId,
			scope: ConsentScope<T::MaxScopeItems>,
			purpose: Purpose,
			starts_at: BlockNumberFor<T>,
			expires_at: Option<BlockNumberFor<T>>,
			granted_by: T::AccountId,
		},
		/// Consent was revoked; it no longer applies.
		ConsentRevoked { grant: GrantId, patient: PatientId, revoked_by: T::AccountId },
		/// An expired grant was removed and its deposit returned.
		ExpiredGrantRemoved { grant: GrantId, patient: PatientId },
		/// A deactivated patient's consent was erased: `grants` grants and `requests` pending
		/// requests were removed and their deposits returned.
		PatientConsentErased { patient: PatientId, grants: u32, requests: u32 },
		/// An organization asked a patient for consent.
		ConsentRequested {
			request: RequestId,
			patient: PatientId,
			org: OrgId,
			scope: ConsentScope<T::MaxScopeItems>,
			purpose: Purpose,
			expires_at: Option<BlockNumberFor<T>>,
			lapses_at: BlockNumberFor<T>,
		},
		/// The patient approved a request; `grant` is the new grant.
		RequestApproved { request: RequestId, grant: GrantId },
		/// The patient rejected a request; its deposit, `forfeited`, was burnt (zero if the
		/// custodian of a patient in custody rejected it: the deposit went back).
		RequestRejected { request: RequestId, forfeited: BalanceOf<T> },
		/// A request lapsed unanswered and was closed; its deposit went back.
		RequestLapsed { request: RequestId },
		/// The organization withdrew its request.
		RequestWithdrawn { request: RequestId },
		/// A record was accessed: entry `index` of the patient's access log, `head` the hash
		/// chain after it.
		AccessLogged {
			patient: PatientId,
			record: RecordId,
			accessor: T::AccountId,
			org: OrgId,
			purpose: Purpose,
			basis: AccessBasis,
			index: u64,
			head: H256,
		},
		/// The custodian's gateway released a record to `accessor`, acting for `org`, on the
		/// signed request whose [`ReleaseRequest::evidence`] is `evidence`: entry `index` of
		/// the patient's access log, `head` the hash chain after it.
		ReleaseLogged {
			patient: PatientId,
			record: RecordId,
			accessor: T::AccountId,
			org: OrgId,
			custodian: OrgId,
			purpose: Purpose,
			basis: AccessBasis,
			evidence: H256,
			index: u64,
			head: H256,
		},
		/// A provider opened break-glass access to a patient (flagged for audit): entry `index`
		/// of the patient's access log.
		BreakGlassOpened {
			patient: PatientId,
			org: OrgId,
			opened_by: T::AccountId,
			reason: EmergencyReason,
			closes_at: BlockNumberFor<T>,
			index: u64,
			head: H256,
		},
		/// A second person extended a provider's open break-glass window: entry `index` of the
		/// patient's access log.
		BreakGlassExtended {
			patient: PatientId,
			org: OrgId,
			extended_by: T::AccountId,
			closes_at: BlockNumberFor<T>,
			index: u64,
			head: H256,
		},
		/// An auditor reviewed the break-glass window opened at entry `opened` of the patient's
		/// access log: entry `index` of it.
		BreakGlassReviewed {
			patient: PatientId,
			opened: u64,
			auditor: T::AccountId,
			/// The auditor organization `auditor` acted for.
			org: OrgId,
			finding: ReviewFinding,
			index: u64,
			head: H256,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The caller may not manage this patient's consent (not their key, a delegate allowed
		/// to, or their custodian).
		NotAuthorized,
		/// The patient does not exist or is deactivated.
		PatientNotActive,
		/// The grantee organization is not active, or the grantee account acts for no active
		/// organization.
		GranteeNotActive,
		/// The scope lists no category or record.
		EmptyScope,
		/// The expiry is not after both the start and the current block.
		InvalidPeriod,
		/// The patient has the most grants allowed (`MaxGrantsPerPatient`).
		TooManyGrants,
		/// The patient has the most grants allowed to this grantee (`MaxGrantsPerGrantee`).
		TooManyGrantsForGrantee,
		/// No grant has this id.
		GrantNotFound,
		/// The grant has not expired yet.
		GrantNotExpired,
		/// The caller does not act for an active organization.
		NotOrganization,
		/// The patient has the most requests waiting allowed (`MaxPendingRequests`).
		TooManyRequests,
		/// The caller's organization has the most requests waiting for this patient allowed
		/// (`MaxRequestsPerOrganization`).
		TooManyRequestsFromOrganization,
		/// The request lapsed unanswered; it may no longer be approved.
		RequestLapsed,
		/// No request waits with this id.
		RequestNotFound,
		/// The caller does not act for the organization that made the request.
		NotRequester,
		/// No record version has this id.
		RecordNotFound,
		/// The record is not this patient's.
		WrongPatient,
		/// No current grant lets the caller access this record for this purpose, and no
		/// break-glass window covers it.
		NoConsent,
		/// Break-glass access is for accounts acting for an active provider.
		NotProvider,
		/// The caller's provider already has an open break-glass window for this patient.
		BreakGlassActive,
		/// For a patient in custody, only the custodian's admin may grant research use, not a
		/// member.
		NotCustodianAdmin,
		/// The provider opened the most break-glass windows for this patient allowed within
		/// `BreakGlassQuotaPeriod`; a second person may extend the open one.
		BreakGlassQuotaReached,
		/// The provider has no open break-glass window for this patient.
		NoOpenBreakGlass,
		/// The window is extended by a second person: not the one who opened it.
		SamePersonExtends,
		/// The window was already extended once.
		AlreadyExtended,
		/// Only a member of the provider or an auditor extends a break-glass window.
		NotProviderOrAuditor,
		/// Only an account acting for an active auditor reviews break-glass access.
		NotAuditor,
		/// No break-glass window waits for review at this entry of the patient's trail.
		ReviewNotFound,
		/// This account, or the auditor it acts for, extended this break-glass window: another
		/// auditor reviews it.
		ReviewerExtended,
		/// The release request is for another chain.
		WrongChain,
		/// The caller does not act for the provider the release request asks, or that provider
		/// does not hold the record.
		NotCustodian,
		/// The release request's signature is not the accessor's.
		BadSignature,
		/// The release request was issued more than `ReleaseWindow` from now.
		StaleRequest,
		/// A release request of this accessor to this custodian issued as late or later was
		/// logged already.
		ReplayedRequest,
		/// The accessor of the release request does not act for an active organization.
		AccessorNotMember,
		/// The record was retracted by its custodian: nothing may rely on it.
		RecordRetracted,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			// An open break-glass window is found in the kept list.
			assert!(T::MaxBreakGlassKept::get() >= 1, "MaxBreakGlassKept must be at least 1");
			assert!(
				T::BreakGlassPeriod::get() > Zero::zero(),
				"BreakGlassPeriod must be at least one block"
			);
			// A zero period would count no opening, a zero quota would allow none.
			assert!(
				T::BreakGlassQuotaPeriod::get() > Zero::zero(),
				"BreakGlassQuotaPeriod must be at least one block"
			);
			assert!(
				T::MaxBreakGlassPerPeriod::get() >= 1,
				"MaxBreakGlassPerPeriod must be at least 1"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Grant consent.
		///
		/// - Origin: signed by the patient's key, a delegate allowed to manage consent
		///   (guardian, proxy), or a member of a custodial patient's custodian. `GrantDeposit`
		///   is held, returned on revocation or removal: from the patient's sponsor (the provider
		///   that onboarded them) when the patient's key or a delegate grants, or else from the
		///   caller.
		/// - `grantee`: an active organization, or an account acting for one.
		/// - `scope`: every record, some categories, or some records (1 to `MaxScopeItems`).
		/// - `purpose`: treatment, payment, research or operations.
		/// - `starts_at`: the first block it applies in (`None` or a past block: now).
		/// - `expires_at`: the first block it no longer applies in (`None`: until revoked).
		///
		/// A member of the custodian of a patient in custody may not grant `Research`: only the
		/// custodian's admin may.
		///
		/// Errors: [`Error::PatientNotActive`], [`Error::NotAuthorized`],
		/// [`Error::GranteeNotActive`], [`Error::NotCustodianAdmin`], [`Error::EmptyScope`],
		/// [`Error::InvalidPeriod`],
		/// [`Error::TooManyGrants`], [`Error::TooManyGrantsForGrantee`], and the currency's error
		/// if the deposit cannot be held.
		/// Emits [`Event::ConsentGranted`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::grant_consent())]
		pub fn grant_consent(
			origin: OriginFor<T>,
			patient: PatientId,
			grantee: Grantee<T::AccountId>,
			scope: ConsentScope<T::MaxScopeItems>,
			purpose: Purpose,
			starts_at: Option<BlockNumberFor<T>>,
			expires_at: Option<BlockNumberFor<T>>,
		) -> DispatchResult {
			let who = Self::ensure_manages(origin, &patient)?;
			Self::do_grant(who, patient, grantee, scope, purpose, starts_at, expires_at).map(|_| ())
		}

		/// Revoke a grant. It stops applying in this block; the deposit goes back to whoever
		/// paid it.
		///
		/// - Origin: signed by anyone who may manage the patient's consent (as for
		///   [`Pallet::grant_consent`]).
		///
		/// Errors: [`Error::GrantNotFound`], [`Error::NotAuthorized`].
		/// Emits [`Event::ConsentRevoked`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::revoke_consent())]
		pub fn revoke_consent(origin: OriginFor<T>, grant: GrantId) -> DispatchResult {
			Self::do_revoke(origin, grant)
		}

		/// Remove a grant past its expiry and return its deposit to whoever paid it.
		///
		/// - Origin: signed by anyone.
		///
		/// Errors: [`Error::GrantNotFound`], [`Error::GrantNotExpired`].
		/// Emits [`Event::ExpiredGrantRemoved`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::remove_expired_grant())]
		pub fn remove_expired_grant(origin: OriginFor<T>, grant: GrantId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_remove_expired(grant)
		}

		/// Ask a patient for consent, for the caller's organization.
		///
		/// - Origin: signed by an account acting for an active organization. It pays
		///   `RequestDeposit`: returned when the request is approved, withdrawn or lapses, burnt
		///   if the patient rejects it.
		/// - `scope`, `purpose`, `expires_at`: of the grant asked for (it would start when
		///   approved).
		///
		/// The request lapses `RequestLifetime` blocks from now. The patient's lapsed requests
		/// are closed first (their deposits go back), which makes room.
		///
		/// Errors: [`Error::NotOrganization`], [`Error::PatientNotActive`], [`Error::EmptyScope`],
		/// [`Error::InvalidPeriod`], [`Error::TooManyRequestsFromOrganization`],
		/// [`Error::TooManyRequests`], and the currency's error if the deposit cannot be held.
		/// Emits [`Event::ConsentRequested`] (and [`Event::RequestLapsed`] for each lapsed
		/// request closed).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::request_consent())]
		pub fn request_consent(
			origin: OriginFor<T>,
			patient: PatientId,
			scope: ConsentScope<T::MaxScopeItems>,
			purpose: Purpose,
			expires_at: Option<BlockNumberFor<T>>,
		) -> DispatchResult {
			let (who, org, _) = T::MemberOrigin::ensure_or(origin, Error::<T>::NotOrganization)?;
			Self::do_request(who, org, patient, scope, purpose, expires_at)
		}

		/// Approve a request: grant what it asks, starting now. The requester's deposit is
		/// returned; the grant's is held as for [`Pallet::grant_consent`].
		///
		/// - Origin: signed by anyone who may manage the patient's consent.
		///
		/// Errors: [`Error::RequestNotFound`], [`Error::NotAuthorized`], [`Error::RequestLapsed`],
		/// and those of [`Pallet::grant_consent`].
		/// Emits [`Event::RequestApproved`] and [`Event::ConsentGranted`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::approve_request())]
		pub fn approve_request(origin: OriginFor<T>, request: RequestId) -> DispatchResult {
			Self::do_approve(origin, request)
		}

		/// Reject a request; the requester's deposit is burnt, unless the custodian of a
		/// patient in custody rejects it (then it goes back). A lapsed request is closed
		/// instead, its deposit returned.
		///
		/// - Origin: signed by anyone who may manage the patient's consent.
		///
		/// Errors: [`Error::RequestNotFound`], [`Error::NotAuthorized`].
		/// Emits [`Event::RequestRejected`] (or [`Event::RequestLapsed`]).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::reject_request())]
		pub fn reject_request(origin: OriginFor<T>, request: RequestId) -> DispatchResult {
			Self::do_reject(origin, request)
		}

		/// Withdraw a request of the caller's organization; the deposit goes back to whoever
		/// paid it.
		///
		/// - Origin: signed by an account acting for the requesting organization.
		///
		/// Errors: [`Error::RequestNotFound`], [`Error::NotRequester`].
		/// Emits [`Event::RequestWithdrawn`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::withdraw_request())]
		pub fn withdraw_request(origin: OriginFor<T>, request: RequestId) -> DispatchResult {
			let (_, org, _) = T::MemberOrigin::ensure_or(origin, Error::<T>::NotRequester)?;
			Self::do_withdraw(org, request)
		}

		/// Log an access to a record, in the patient's access trail. Allowed only if a current
		/// grant to the caller or its organization covers the record and the purpose, or (for
		/// treatment) the caller's provider has an open break-glass window.
		///
		/// - Origin: signed by an account acting for an active organization.
		///
		/// Errors: [`Error::NotOrganization`], [`Error::PatientNotActive`],
		/// [`Error::RecordNotFound`], [`Error::WrongPatient`], [`Error::NoConsent`].
		/// Emits [`Event::AccessLogged`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::log_access())]
		pub fn log_access(
			origin: OriginFor<T>,
			patient: PatientId,
			record: RecordId,
			purpose: Purpose,
		) -> DispatchResult {
			let (who, org, _) = T::MemberOrigin::ensure_or(origin, Error::<T>::NotOrganization)?;
			Self::do_log_access(who, org, patient, record, purpose)
		}

		/// Log that the custodian's gateway releases a record to an account acting for an
		/// organization, on that account's signed request, in the patient's access trail. The
		/// gateway calls it before it releases anything; allowed only if the accessor could
		/// log the access itself ([`Pallet::log_access`]).
		///
		/// - Origin: signed by an account acting for the active provider that holds the record.
		/// - `request`: the accessor's request; `signature`: by the accessor's key, of
		///   [`ReleaseRequest::signing_payload`].
		///
		/// Errors: [`Error::NotOrganization`], [`Error::WrongChain`], [`Error::NotCustodian`],
		/// [`Error::BadSignature`], [`Error::StaleRequest`], [`Error::ReplayedRequest`],
		/// [`Error::AccessorNotMember`], [`Error::RecordNotFound`], [`Error::RecordRetracted`],
		/// [`Error::PatientNotActive`], [`Error::NoConsent`].
		/// Emits [`Event::ReleaseLogged`].
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::log_release())]
		pub fn log_release(
			origin: OriginFor<T>,
			request: ReleaseRequest<T::AccountId>,
			signature: T::Signature,
		) -> DispatchResult {
			let (_, org, _) = T::MemberOrigin::ensure_or(origin, Error::<T>::NotOrganization)?;
			Self::do_log_release(org, request, signature)
		}

		/// Open break-glass access: the caller's provider may access the patient's records for
		/// treatment for `BreakGlassPeriod` blocks, without consent. Always logged and flagged.
		///
		/// - Origin: signed by an account acting for an active provider.
		///
		/// Errors: [`Error::NotProvider`], [`Error::PatientNotActive`],
		/// [`Error::BreakGlassActive`], [`Error::BreakGlassQuotaReached`].
		/// Emits [`Event::BreakGlassOpened`]; the window waits in `BreakGlassReviews`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::break_glass())]
		pub fn break_glass(
			origin: OriginFor<T>,
			patient: PatientId,
			reason: EmergencyReason,
		) -> DispatchResult {
			let (who, org) = T::ProviderOrigin::ensure_or(origin, Error::<T>::NotProvider)?;
			Self::do_break_glass(who, org, patient, reason)
		}

		/// Extend `org`'s open break-glass window for the patient by another `BreakGlassPeriod`,
		/// once: the second person an emergency longer than one window needs.
		///
		/// - Origin: signed by an account acting for `org` other than the one that opened the
		///   window, or by an account acting for an active auditor.
		///
		/// Errors: [`Error::NotProviderOrAuditor`], [`Error::PatientNotActive`],
		/// [`Error::NoOpenBreakGlass`], [`Error::SamePersonExtends`],
		/// [`Error::AlreadyExtended`].
		/// Emits [`Event::BreakGlassExtended`]; the window waits in `BreakGlassReviews` again.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::extend_break_glass())]
		pub fn extend_break_glass(
			origin: OriginFor<T>,
			patient: PatientId,
			org: OrgId,
		) -> DispatchResult {
			let (who, of, kind) =
				T::MemberOrigin::ensure_or(origin, Error::<T>::NotProviderOrAuditor)?;
			ensure!(of == org || kind == OrgKind::Auditor, Error::<T>::NotProviderOrAuditor);
			Self::do_extend_break_glass(who, of, org, patient)
		}

		/// Review a break-glass window: take it off the open review list with a finding, in the
		/// patient's access trail.
		///
		/// - Origin: signed by an account acting for an active auditor.
		/// - `opened`: the access-trail entry that opened the window.
		///
		/// Errors: [`Error::NotAuditor`], [`Error::ReviewNotFound`], [`Error::ReviewerExtended`].
		/// Emits [`Event::BreakGlassReviewed`].
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::review_break_glass())]
		pub fn review_break_glass(
			origin: OriginFor<T>,
			patient: PatientId,
			opened: u64,
			finding: ReviewFinding,
		) -> DispatchResult {
			let (who, org, kind) = T::MemberOrigin::ensure_or(origin, Error::<T>::NotAuditor)?;
			ensure!(kind == OrgKind::Auditor, Error::<T>::NotAuditor);
			Self::do_review_break_glass(who, org, patient, opened, finding)
		}
	}
}
