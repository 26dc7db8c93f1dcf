//! # Records pallet
//!
//! Anchors of medical records. The records stay off chain with their custodian; the chain holds
//! what proves them:
//!
//! - **existence and integrity**: the content hash, keyed by a random salt per record that
//!   stays off chain with the record ([`HashAlgorithm`]), so that a hash confirms no guess of a
//!   templated record's content;
//! - **order**: the block and timestamp of anchoring;
//! - **custody**: the provider organization that holds the record and the account that anchored it;
//! - **history**: versions, each amendment linked to the version it replaces, and retractions
//!   with a coded reason.
//!
//! Anyone holding a document and its salt can ask whether it was anchored, when and by whom
//! ([`runtime_api::RecordsApi::verify`]). Providers anchor many documents that are not patients'
//! records at once as the root of a Merkle tree ([`Pallet::anchor_batch`], tree in [`merkle`]);
//! a proof shows one document is in an anchored batch
//! ([`runtime_api::RecordsApi::verify_in_batch`]). A batch is an existence proof only: it names
//! no patient or category, so consent, the access trail and claims never rest on it.
//!
//! Only accounts acting for an active provider anchor, amend and retract, and only for an active
//! patient who consents (through [`ConsentCheck`]). Identity and consent come through the
//! traits of `medchain-primitives`.
//!
//! ## No personal data
//!
//! An anchor holds hashes, opaque ids, a coded category and block numbers. The optional locator
//! is a hash, not a URL or a name.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod features;
pub mod merkle;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use medchain_primitives::{
	ConsentCheck, OrgId, OrgKind, OrganizationLookup, PatientId, PatientLookup, Purpose,
	RecordCategory, RecordId, RecordLookup, RecordSubject,
};
pub use types::*;
pub use weights::WeightInfo;

/// What the benchmarks need from the runtime: identity lives in another pallet.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// An account acting for an active provider, and an active patient who consents to that
	/// provider holding their records: in the consent check's worst case, where the runtime
	/// has one (the grant that allows it is the last of the most the provider may hold).
	fn provider_and_patient() -> (AccountId, PatientId);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, traits::Time};
	use frame_system::pallet_prelude::*;
	use medchain_primitives::origins::EnsureOriginOr;
	use sp_core::H256;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Sets up a provider and a consenting patient for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;

		/// Who is a patient (`pallet-patients`).
		type Patients: PatientLookup<Self::AccountId>;

		/// Who may anchor, amend and retract: an account acting for an active provider, yielding
		/// the account and the provider (`origins::EnsureMember` over `pallet-patients`).
		type ProviderOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;

		/// Whether a provider may hold a patient's records (the consent pallet; `()` allows all).
		type Consent: ConsentCheck;

		/// The time of the current block, in ms since the Unix epoch (`pallet-timestamp`).
		type Time: Time<Moment = u64>;

		/// The most versions a record may have.
		#[pallet::constant]
		type MaxVersions: Get<u32>;

		/// The most record hashes one anchored batch may cover.
		#[pallet::constant]
		type MaxBatchLeaves: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Every anchored record version, by id.
	#[pallet::storage]
	pub type Anchors<T: Config> = StorageMap<_, Twox64Concat, RecordId, RecordAnchorOf<T>>;

	/// The id the next anchored version gets.
	#[pallet::storage]
	pub type NextRecordId<T> = StorageValue<_, RecordId, ValueQuery>;

	/// Which version each provider anchored a content hash as: by hash, then custodian. Keyed
	/// by custodian too, so that a provider who sees a pending anchor in the pool cannot take
	/// the hash first (it only adds its own anchor beside the other's); hashed with
	/// `Blake2_128Concat`, as the caller chooses the hash and must not choose where it lies in
	/// the trie.
	#[pallet::storage]
	pub type RecordByHash<T> =
		StorageDoubleMap<_, Blake2_128Concat, H256, Twox64Concat, OrgId, RecordId, OptionQuery>;

	/// The latest version of each record, by its first version.
	#[pallet::storage]
	pub type LatestVersion<T> = StorageMap<_, Twox64Concat, RecordId, RecordId>;

	/// The record versions of each patient.
	#[pallet::storage]
	pub type RecordsByPatient<T> =
		StorageDoubleMap<_, Identity, PatientId, Twox64Concat, RecordId, (), OptionQuery>;

	/// The record versions each provider holds.
	#[pallet::storage]
	pub type RecordsByCustodian<T> =
		StorageDoubleMap<_, Twox64Concat, OrgId, Twox64Concat, RecordId, (), OptionQuery>;

	/// Anchored batches, by Merkle root, then custodian (keyed and hashed as `RecordByHash`).
	#[pallet::storage]
	pub type Batches<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		H256,
		Twox64Concat,
		OrgId,
		BatchAnchorOf<T>,
		OptionQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A provider anchored a new record.
		RecordAnchored {
			record: RecordId,
			patient: PatientId,
			custodian: OrgId,
			content_hash: H256,
			algorithm: HashAlgorithm,
			category: RecordCategory,
		},
		/// A provider anchored a new version of a record.
		RecordAmended {
			record: RecordId,
			previous: RecordId,
			first_version: RecordId,
			version: u32,
			content_hash: H256,
		},
		/// A provider retracted a record version.
		RecordRetracted { record: RecordId, reason: RetractionReason },
		/// A provider anchored a batch of record hashes as one Merkle root.
		BatchAnchored { root: H256, custodian: OrgId, leaf_count: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The caller does not act for an active provider organization.
		NotProvider,
		/// The patient does not exist or is deactivated.
		PatientNotActive,
		/// The patient has not consented to this provider holding records of this category.
		NoConsent,
		/// This provider already anchored this content hash (see `RecordByHash`).
		AlreadyAnchored,
		/// No record version has this id.
		RecordNotFound,
		/// The caller does not act for the record's custodian.
		NotCustodian,
		/// The version was amended; amend or retract its latest version instead.
		NotLatestVersion,
		/// The version is retracted.
		RecordIsRetracted,
		/// The record has the most versions allowed (`MaxVersions`).
		TooManyVersions,
		/// This provider already anchored this Merkle root.
		BatchAlreadyAnchored,
		/// A batch covers at least one and at most `MaxBatchLeaves` record hashes.
		InvalidLeafCount,
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
		/// Anchor a record: prove that a document with this hash existed now, held by the
		/// caller's provider, for this patient.
		///
		/// - Origin: signed by an account acting for an active provider.
		/// - `patient`: an active patient who consents to the provider holding records of
		///   `category` for treatment.
		/// - `content_hash`: the hash of the record's bytes (`scripts/record-hash.py hash FILE`).
		/// - `algorithm`: how the hash was computed.
		/// - `category`: the coded category.
		/// - `locator`: an optional opaque hash locating the encrypted record at the custodian.
		///
		/// Errors: [`Error::NotProvider`], [`Error::PatientNotActive`], [`Error::NoConsent`],
		/// [`Error::AlreadyAnchored`].
		/// Emits [`Event::RecordAnchored`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::anchor_record())]
		pub fn anchor_record(
			origin: OriginFor<T>,
			patient: PatientId,
			content_hash: H256,
			algorithm: HashAlgorithm,
			category: RecordCategory,
			locator: Option<H256>,
		) -> DispatchResult {
			let (who, provider) = T::ProviderOrigin::ensure_or(origin, Error::<T>::NotProvider)?;
			Self::do_anchor_record(
				who,
				provider,
				patient,
				content_hash,
				algorithm,
				category,
				locator,
			)
		}

		/// Amend a record: anchor a new version that replaces the latest one.
		///
		/// - Origin: signed by an account acting for the record's custodian (an active provider).
		/// - `record`: the latest version of the record.
		/// - `content_hash`, `algorithm`, `locator`: of the new version.
		///
		/// The patient must still be active and consent. The old version becomes `Amended`, the
		/// new one is `Active` with the next version number.
		///
		/// Errors: [`Error::RecordNotFound`], [`Error::NotCustodian`],
		/// [`Error::NotLatestVersion`], [`Error::RecordIsRetracted`], [`Error::TooManyVersions`],
		/// [`Error::PatientNotActive`], [`Error::NoConsent`], [`Error::AlreadyAnchored`].
		/// Emits [`Event::RecordAmended`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::amend_record())]
		pub fn amend_record(
			origin: OriginFor<T>,
			record: RecordId,
			content_hash: H256,
			algorithm: HashAlgorithm,
			locator: Option<H256>,
		) -> DispatchResult {
			let (who, provider) = T::ProviderOrigin::ensure_or(origin, Error::<T>::NotProvider)?;
			Self::do_amend_record(who, provider, record, content_hash, algorithm, locator)
		}

		/// Retract a record's latest version, with a coded reason. It stays provable, marked
		/// as not to be relied on.
		///
		/// - Origin: signed by an account acting for the record's custodian (an active provider).
		///
		/// Errors: [`Error::RecordNotFound`], [`Error::NotCustodian`],
		/// [`Error::NotLatestVersion`], [`Error::RecordIsRetracted`].
		/// Emits [`Event::RecordRetracted`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::retract_record())]
		pub fn retract_record(
			origin: OriginFor<T>,
			record: RecordId,
			reason: RetractionReason,
		) -> DispatchResult {
			let (_, provider) = T::ProviderOrigin::ensure_or(origin, Error::<T>::NotProvider)?;
			Self::do_retract_record(provider, record, reason)
		}

		/// Anchor many document hashes at once, as the root of a Merkle tree built as
		/// [`merkle`] describes (`scripts/record-hash.py batch FILE...`): an existence proof of
		/// documents that are not a patient's records (no patient, category or consent is
		/// involved; `leaf_count` is declared, not checked).
		///
		/// - Origin: signed by an account acting for an active provider.
		/// - `root`: the tree's root.
		/// - `leaf_count`: how many record hashes it covers, from 1 to `MaxBatchLeaves`.
		///
		/// Errors: [`Error::NotProvider`], [`Error::InvalidLeafCount`],
		/// [`Error::BatchAlreadyAnchored`].
		/// Emits [`Event::BatchAnchored`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::anchor_batch())]
		pub fn anchor_batch(origin: OriginFor<T>, root: H256, leaf_count: u32) -> DispatchResult {
			let (who, provider) = T::ProviderOrigin::ensure_or(origin, Error::<T>::NotProvider)?;
			Self::do_anchor_batch(who, provider, root, leaf_count)
		}
	}
}
