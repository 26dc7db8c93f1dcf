//! # Payments pallet
//!
//! Medical claims, from the provider's bill to the payment, on chain.
//!
//! - **Claims**: an account acting for a provider submits a claim for services to a patient:
//!   line items (each a salted commitment to its coded service, quantity and unit price, which
//!   stay in the claim document off chain, and its amount: see [`commitment`]), the content hashes of the provider's own anchored
//!   records of the patient that support it (at least one: the treatment the claim bills for,
//!   anchored under the patient's consent), the payer billed (an insurer), or none when the
//!   patient alone pays. A provider may withdraw a claim before it is decided; the provider's
//!   admin may change the account a claim pays while it is open.
//! - **Adjudication**: an account acting for the payer approves a claim, with the amount allowed
//!   on each line and the patient's share of it, or denies it with a coded reason. The provider
//!   may appeal a denial once, within `AppealWindow` blocks; the payer then decides again.
//!   Claims undecided `AdjudicationDeadline` blocks after submission (or appeal) are flagged
//!   overdue by the pallet's `on_initialize`, which takes them from a queue in order of deadline,
//!   at most `MaxDuePerBlock` a block (the rest the next block): a deadline always has a place,
//!   so no number of claims submitted in one block stops another provider's claim.
//! - **Escrow and settlement**: a payer funds its escrow, held in the native currency from one
//!   account of the payer (`fungible` holds). Approving a claim commits escrowed funds to it;
//!   settling pays them to the provider; each is paid once. The patient (or a delegate allowed
//!   to pay) pays the patient's share. A claim paid in full is settled.
//!
//! A payer sees the records a claim cites only with the patient's consent for payment: the
//! pallet asks [`ConsentCheck`] when the claim is submitted. A retracted record, or a record
//! another provider holds, is no evidence.
//!
//! ## No personal data
//!
//! Claims hold opaque ids, salted line commitments, amounts, block numbers and content hashes;
//! no service code, no diagnosis and no free text.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod commitment;
mod features;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use medchain_primitives::{
	ConsentCheck, DelegatePurpose, OrgId, OrgKind, OrganizationLookup, PatientId, PatientLookup,
	Purpose, RecordCategory, RecordLookup,
};
pub use types::*;
pub use weights::WeightInfo;

use frame_support::traits::fungible;
use frame_system::pallet_prelude::BlockNumberFor;

/// The balance type of the currency claims are paid in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// A claim as this runtime stores it.
pub type ClaimOf<T> = Claim<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as Config>::MaxLines,
	<T as Config>::MaxEvidence,
>;

/// A claim's approval as this runtime stores it.
pub type ApprovalOf<T> = Approval<BalanceOf<T>, BlockNumberFor<T>, <T as Config>::MaxLines>;

/// A payer's escrow as this runtime stores it.
pub type EscrowOf<T> = Escrow<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

/// What the benchmarks need from the runtime: identity, records and consent live in other
/// pallets.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// A funded account that acts for a new active patient (pays for them), and the patient.
	fn patient(seed: u32) -> (AccountId, PatientId);
	/// A funded account acting for a new active organization of `kind`, and the organization.
	fn organization(kind: OrgKind, seed: u32) -> (AccountId, OrgId);
	/// Anchor `count` records of `patient` (acted for by `patient_key`) by `provider`, and let
	/// `payer` see them for payment; returns their content hashes.
	fn evidence(
		provider: &AccountId,
		patient_key: &AccountId,
		patient: PatientId,
		payer: OrgId,
		count: u32,
	) -> alloc::vec::Vec<sp_core::H256>;
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_support::traits::EnsureOriginWithArg;
	use frame_system::pallet_prelude::*;
	use medchain_primitives::origins::EnsureOriginOr;
	use sp_core::H256;
	use sp_runtime::traits::Zero;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Sets up patients, organizations and evidence for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;

		/// The currency claims are paid in, and escrow is held in.
		type Currency: fungible::Inspect<Self::AccountId>
			+ fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who is a patient and who may pay for them (`pallet-patients`).
		type Patients: PatientLookup<Self::AccountId>;

		/// Who acts for which organization (`pallet-patients`).
		type Organizations: OrganizationLookup<Self::AccountId>;

		/// An account acting for an active provider: yields it and the provider
		/// (`origins::EnsureMember`).
		type ProviderOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;

		/// The admin of an active provider: yields it and the provider (`origins::EnsureAdmin`).
		type ProviderAdminOrigin: EnsureOrigin<
			Self::RuntimeOrigin,
			Success = (Self::AccountId, OrgId),
		>;

		/// An account acting for an active payer: yields it and the payer
		/// (`origins::EnsureMember`).
		type PayerOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;

		/// An account that may pay the patient's share of a claim (the patient's key, a guardian
		/// or proxy, a member of a custodial patient's custodian): yields it
		/// (`origins::EnsurePatientAgent` for `Pay`).
		type PatientPayerOrigin: EnsureOriginWithArg<
			Self::RuntimeOrigin,
			PatientId,
			Success = Self::AccountId,
		>;

		/// Anchored records, to check a claim's evidence (`pallet-records`).
		type Records: RecordLookup;

		/// Whether a payer may see the records a claim cites (`pallet-consent`).
		type Consent: ConsentCheck;

		/// The most lines one claim has.
		#[pallet::constant]
		type MaxLines: Get<u32>;

		/// The most record hashes one claim cites.
		#[pallet::constant]
		type MaxEvidence: Get<u32>;

		/// How many blocks a payer has to decide a claim before it is flagged overdue.
		#[pallet::constant]
		type AdjudicationDeadline: Get<BlockNumberFor<Self>>;

		/// How many blocks after a denial the provider may appeal it.
		#[pallet::constant]
		type AppealWindow: Get<BlockNumberFor<Self>>;

		/// The most due claims `on_initialize` takes from the queue in one block (bounds its
		/// work; the rest wait for the next block).
		#[pallet::constant]
		type MaxDuePerBlock: Get<u32>;

		/// Weights of this pallet's calls and hook.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A payer's escrow for claims.
		ClaimEscrow,
	}

	/// Every claim, by id.
	#[pallet::storage]
	pub type Claims<T: Config> = StorageMap<_, Twox64Concat, ClaimId, ClaimOf<T>>;

	/// The id the next claim gets.
	#[pallet::storage]
	pub type NextClaimId<T> = StorageValue<_, ClaimId, ValueQuery>;

	/// Each provider's open claims: undecided, or approved and not paid in full.
	#[pallet::storage]
	pub type OpenClaimsOfProvider<T> =
		StorageDoubleMap<_, Twox64Concat, OrgId, Twox64Concat, ClaimId, (), OptionQuery>;

	/// Each payer's claims waiting for it: to decide, or to pay.
	#[pallet::storage]
	pub type OpenClaimsOfPayer<T> =
		StorageDoubleMap<_, Twox64Concat, OrgId, Twox64Concat, ClaimId, (), OptionQuery>;

	/// Each payer's escrow.
	#[pallet::storage]
	pub type Escrows<T: Config> = StorageMap<_, Twox64Concat, OrgId, EscrowOf<T>>;

	/// Deadlines of undecided claims, in the order they were set, by position in the queue: as
	/// every deadline is `AdjudicationDeadline` after the block that sets it, also in order of
	/// deadline. A claim decided before its deadline stays queued until then, and is skipped.
	#[pallet::storage]
	pub type DueQueue<T: Config> =
		StorageMap<_, Twox64Concat, u64, (BlockNumberFor<T>, ClaimId), OptionQuery>;

	/// The positions of the queue's first entry and of the next one to be added: the queue is
	/// every position from the first up to the next one.
	#[pallet::storage]
	pub type DueQueueBounds<T> = StorageValue<_, (u64, u64), ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A provider submitted a claim.
		ClaimSubmitted {
			claim: ClaimId,
			provider: OrgId,
			payer: Option<OrgId>,
			patient: PatientId,
			total: BalanceOf<T>,
			due_at: Option<BlockNumberFor<T>>,
		},
		/// The provider withdrew a claim.
		ClaimWithdrawn { claim: ClaimId },
		/// The provider's admin changed the account a claim pays.
		PayeeChanged { claim: ClaimId, payee: T::AccountId },
		/// A claim was approved: `allowed` of its total, of which the payer pays `payer_amount`
		/// and the patient `patient_amount`.
		ClaimApproved {
			claim: ClaimId,
			allowed: BalanceOf<T>,
			payer_amount: BalanceOf<T>,
			patient_amount: BalanceOf<T>,
		},
		/// A payer denied a claim.
		ClaimDenied {
			claim: ClaimId,
			reason: DenialReason,
			appeal_closes_at: Option<BlockNumberFor<T>>,
		},
		/// The provider appealed a denial; the payer decides again.
		ClaimAppealed { claim: ClaimId, due_at: BlockNumberFor<T> },
		/// A claim was not decided in time.
		ClaimOverdue { claim: ClaimId, payer: OrgId },
		/// The payer's amount of a claim was paid to the provider from the payer's escrow.
		PayerPaid { claim: ClaimId, payer: OrgId, payee: T::AccountId, amount: BalanceOf<T> },
		/// The patient's share of a claim was paid to the provider.
		PatientSharePaid {
			claim: ClaimId,
			paid_by: T::AccountId,
			payee: T::AccountId,
			amount: BalanceOf<T>,
		},
		/// A claim was paid in full and is closed.
		ClaimSettled { claim: ClaimId },
		/// A payer added funds to its escrow.
		EscrowFunded {
			payer: OrgId,
			funder: T::AccountId,
			amount: BalanceOf<T>,
			held: BalanceOf<T>,
		},
		/// A payer took uncommitted funds back from its escrow.
		EscrowReleased {
			payer: OrgId,
			funder: T::AccountId,
			amount: BalanceOf<T>,
			held: BalanceOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The caller does not act for an active provider.
		NotProvider,
		/// The caller does not act for an active payer.
		NotPayer,
		/// The payee does not act for the claiming provider (or no longer does, or the provider
		/// is suspended).
		PayeeNotOfProvider,
		/// A member bills to the provider's admin: only the admin names another payee (else a
		/// member could have the provider's claims paid to itself).
		PayeeNotAdmin,
		/// The patient does not exist or is deactivated.
		PatientNotActive,
		/// The payer is not an active payer organization.
		PayerNotActive,
		/// A claim needs at least one line.
		NoLines,
		/// A line bills nothing.
		ZeroLineAmount,
		/// Two lines have the same commitment: each line has its own fresh salt.
		DuplicateLine,
		/// An amount does not fit the balance type.
		AmountOverflow,
		/// A claim must cite at least one anchored record of the treatment it bills for.
		NoEvidence,
		/// A cited content hash is not a record the provider anchored: a provider bills for
		/// its own care, so another provider's records are no evidence.
		UnknownEvidence,
		/// A cited record is of another patient.
		EvidenceOfOtherPatient,
		/// A cited record was retracted by its custodian.
		EvidenceRetracted,
		/// A record is cited twice.
		DuplicateEvidence,
		/// The patient has not consented to the payer seeing a cited record for payment.
		NoPayerConsent,
		/// No claim has this id.
		ClaimNotFound,
		/// The caller does not act for the claim's provider.
		NotClaimProvider,
		/// The caller is not the admin of an active provider.
		NotProviderAdmin,
		/// The caller does not act for the claim's payer (or the claim has none).
		WrongPayer,
		/// The claim is not waiting for a decision.
		NotSubmitted,
		/// The claim may no longer be withdrawn: it is decided, or paid in part.
		CannotWithdraw,
		/// The claim is closed (denied, withdrawn or settled): its payee no longer matters.
		ClaimClosed,
		/// The number of allowed amounts is not the number of lines.
		LineCountMismatch,
		/// An allowed amount exceeds its line's amount.
		OverApproval,
		/// The patient's share exceeds the allowed total.
		PatientShareTooHigh,
		/// The payer's escrow holds too little uncommitted funds for this.
		InsufficientEscrow,
		/// The claim is not denied.
		NotDenied,
		/// The denial was already appealed; it is final.
		AlreadyAppealed,
		/// The appeal window of the denial has closed.
		AppealWindowClosed,
		/// The claim is not approved.
		NotApproved,
		/// That part of the claim is already paid.
		AlreadyPaid,
		/// The caller may not pay for the claim's patient.
		NotPatientPayer,
		/// The amount is zero.
		ZeroAmount,
		/// The payer's escrow is held from another account; only that account funds or
		/// releases it until it is empty.
		NotEscrowFunder,
		/// The payer has no escrow.
		NoEscrow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::flag_overdue(now)
		}

		fn integrity_test() {
			assert!(T::MaxLines::get() >= 1, "MaxLines must be at least 1");
			assert!(T::MaxDuePerBlock::get() >= 1, "MaxDuePerBlock must be at least 1");
			assert!(
				T::AdjudicationDeadline::get() > Zero::zero(),
				"AdjudicationDeadline must be at least one block"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Submit a claim.
		///
		/// - Origin: signed by an account acting for an active provider.
		/// - `patient`: the active patient served.
		/// - `payer`: the active payer billed, or `None` to bill the patient alone (the claim is
		///   then approved at once, in full, as the patient's share).
		/// - `payee`: an account acting for the same provider, paid when the claim is: the
		///   provider's admin, unless the admin submits (only the admin chooses where the
		///   provider's money goes; see also [`Pallet::set_payee`]).
		/// - `lines`: 1 to `MaxLines` lines, each the commitment to a line of the claim document
		///   (coded service, quantity, unit price, salt: [`commitment`]) and its amount.
		/// - `evidence`: 1 to `MaxEvidence` content hashes of the provider's own anchored records
		///   of the patient, none retracted; with a payer, the patient must have let the payer see
		///   each for payment.
		///
		/// Errors: [`Error::NotProvider`], [`Error::PayeeNotOfProvider`],
		/// [`Error::PayeeNotAdmin`], [`Error::PatientNotActive`], [`Error::PayerNotActive`], [`Error::NoLines`],
		/// [`Error::ZeroLineAmount`], [`Error::DuplicateLine`],
		/// [`Error::AmountOverflow`], [`Error::NoEvidence`], [`Error::UnknownEvidence`],
		/// [`Error::EvidenceOfOtherPatient`],
		/// [`Error::EvidenceRetracted`], [`Error::DuplicateEvidence`],
		/// [`Error::NoPayerConsent`].
		/// Emits [`Event::ClaimSubmitted`] (and [`Event::ClaimApproved`] without a payer).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::submit_claim(lines.len() as u32, evidence.len() as u32))]
		pub fn submit_claim(
			origin: OriginFor<T>,
			patient: PatientId,
			payer: Option<OrgId>,
			payee: T::AccountId,
			lines: BoundedVec<ClaimLine<BalanceOf<T>>, T::MaxLines>,
			evidence: BoundedVec<H256, T::MaxEvidence>,
		) -> DispatchResult {
			let (who, provider) = T::ProviderOrigin::ensure_or(origin, Error::<T>::NotProvider)?;
			ensure!(
				T::Organizations::is_admin(&payee, provider)
					|| T::Organizations::is_admin(&who, provider),
				Error::<T>::PayeeNotAdmin
			);
			Self::do_submit(provider, patient, payer, payee, lines, evidence)
		}

		/// Withdraw a claim that is not decided yet (or, billed to the patient alone, not paid).
		///
		/// - Origin: signed by an account acting for the claim's provider.
		///
		/// Errors: [`Error::ClaimNotFound`], [`Error::NotClaimProvider`],
		/// [`Error::CannotWithdraw`].
		/// Emits [`Event::ClaimWithdrawn`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::withdraw_claim())]
		pub fn withdraw_claim(origin: OriginFor<T>, claim: ClaimId) -> DispatchResult {
			let (_, provider) = T::ProviderOrigin::ensure_or(origin, Error::<T>::NotClaimProvider)?;
			Self::do_withdraw(provider, claim)
		}

		/// Approve a claim, in full or in part.
		///
		/// - Origin: signed by an account acting for the claim's payer.
		/// - `allowed`: the amount allowed on each line, in line order, each at most the line's
		///   amount (the rest is written off).
		/// - `patient_share`: the part of the allowed total the patient pays (co-pay,
		///   co-insurance, deductible); the payer pays the rest, from its escrow, which must hold
		///   enough uncommitted funds.
		///
		/// Errors: [`Error::ClaimNotFound`], [`Error::NotPayer`], [`Error::WrongPayer`],
		/// [`Error::NotSubmitted`], [`Error::LineCountMismatch`], [`Error::OverApproval`],
		/// [`Error::PatientShareTooHigh`], [`Error::InsufficientEscrow`].
		/// Emits [`Event::ClaimApproved`] (and [`Event::ClaimSettled`] when nothing is left to
		/// pay).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::approve_claim(allowed.len() as u32))]
		pub fn approve_claim(
			origin: OriginFor<T>,
			claim: ClaimId,
			allowed: BoundedVec<BalanceOf<T>, T::MaxLines>,
			patient_share: BalanceOf<T>,
		) -> DispatchResult {
			let (_, payer) = T::PayerOrigin::ensure_or(origin, Error::<T>::NotPayer)?;
			Self::do_approve(payer, claim, allowed, patient_share)
		}

		/// Deny a claim, with a coded reason. A first denial may be appealed within
		/// `AppealWindow` blocks; a denial after an appeal is final.
		///
		/// - Origin: signed by an account acting for the claim's payer.
		///
		/// Errors: [`Error::ClaimNotFound`], [`Error::NotPayer`], [`Error::WrongPayer`],
		/// [`Error::NotSubmitted`].
		/// Emits [`Event::ClaimDenied`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::deny_claim())]
		pub fn deny_claim(
			origin: OriginFor<T>,
			claim: ClaimId,
			reason: DenialReason,
		) -> DispatchResult {
			let (_, payer) = T::PayerOrigin::ensure_or(origin, Error::<T>::NotPayer)?;
			Self::do_deny(payer, claim, reason)
		}

		/// Appeal a denial: the claim waits for the payer's decision again, with a new deadline.
		///
		/// - Origin: signed by an account acting for the claim's provider.
		///
		/// Errors: [`Error::ClaimNotFound`], [`Error::NotClaimProvider`], [`Error::NotDenied`],
		/// [`Error::AlreadyAppealed`], [`Error::AppealWindowClosed`].
		/// Emits [`Event::ClaimAppealed`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::appeal_denial())]
		pub fn appeal_denial(origin: OriginFor<T>, claim: ClaimId) -> DispatchResult {
			let (_, provider) = T::ProviderOrigin::ensure_or(origin, Error::<T>::NotClaimProvider)?;
			Self::do_appeal(provider, claim)
		}

		/// Pay the payer's amount of an approved claim to the provider's payee, from the funds
		/// the approval committed in the payer's escrow. Paid once.
		///
		/// - Origin: signed by anyone (the funds are already committed).
		///
		/// Errors: [`Error::ClaimNotFound`], [`Error::NotApproved`], [`Error::AlreadyPaid`],
		/// and the currency's error if the payee cannot receive the amount.
		/// Emits [`Event::PayerPaid`] (and [`Event::ClaimSettled`] when the patient's share is
		/// paid too).
		#[pallet::call_index(5)]
		// The benchmarked weight, and the payee's check (its organization and the provider's
		// status) until the benchmarks are run again.
		#[pallet::weight(T::WeightInfo::settle_claim().saturating_add(T::DbWeight::get().reads(2)))]
		pub fn settle_claim(origin: OriginFor<T>, claim: ClaimId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_settle(claim)
		}

		/// Pay the patient's share of an approved claim to the provider's payee. Paid once.
		///
		/// - Origin: signed by the patient's key, a delegate allowed to pay, or the custodian of
		///   a custodial patient; it pays.
		///
		/// Errors: [`Error::ClaimNotFound`], [`Error::NotPatientPayer`], [`Error::NotApproved`],
		/// [`Error::AlreadyPaid`], and the currency's error if the caller cannot pay.
		/// Emits [`Event::PatientSharePaid`] (and [`Event::ClaimSettled`] when the payer's
		/// amount is paid too).
		#[pallet::call_index(6)]
		#[pallet::weight(
			T::WeightInfo::pay_patient_share().saturating_add(T::DbWeight::get().reads(2))
		)]
		pub fn pay_patient_share(origin: OriginFor<T>, claim: ClaimId) -> DispatchResult {
			Self::do_pay_patient_share(origin, claim)
		}

		/// Add funds to the caller's payer's escrow, held from the caller. The first account to
		/// fund an empty escrow is its funder until it is empty again.
		///
		/// - Origin: signed by an account acting for an active payer.
		///
		/// Errors: [`Error::NotPayer`], [`Error::ZeroAmount`], [`Error::NotEscrowFunder`], and
		/// the currency's error if the amount cannot be held.
		/// Emits [`Event::EscrowFunded`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::fund_escrow())]
		pub fn fund_escrow(origin: OriginFor<T>, amount: BalanceOf<T>) -> DispatchResult {
			let (who, payer) = T::PayerOrigin::ensure_or(origin, Error::<T>::NotPayer)?;
			Self::do_fund_escrow(who, payer, amount)
		}

		/// Take uncommitted funds back from a payer's escrow. Works even if the funder no
		/// longer acts for the payer.
		///
		/// - Origin: signed by the escrow's funder.
		///
		/// Errors: [`Error::NoEscrow`], [`Error::NotEscrowFunder`], [`Error::ZeroAmount`],
		/// [`Error::InsufficientEscrow`].
		/// Emits [`Event::EscrowReleased`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::release_escrow())]
		pub fn release_escrow(
			origin: OriginFor<T>,
			payer: OrgId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_release_escrow(who, payer, amount)
		}

		/// Change the account an open claim pays (undecided, or approved and not paid in full):
		/// when the payee leaves the provider, or the provider moves its accounts.
		///
		/// - Origin: signed by the admin of the claim's provider; a member may not redirect its
		///   organization's payments.
		/// - `payee`: an account acting for the same provider.
		///
		/// Errors: [`Error::NotProviderAdmin`], [`Error::ClaimNotFound`],
		/// [`Error::NotClaimProvider`], [`Error::ClaimClosed`], [`Error::PayeeNotOfProvider`].
		/// Emits [`Event::PayeeChanged`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::set_payee())]
		pub fn set_payee(
			origin: OriginFor<T>,
			claim: ClaimId,
			payee: T::AccountId,
		) -> DispatchResult {
			let (_, provider) =
				T::ProviderAdminOrigin::ensure_or(origin, Error::<T>::NotProviderAdmin)?;
			Self::do_set_payee(provider, claim, payee)
		}
	}
}
