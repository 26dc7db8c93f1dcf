//! # Consortium pallet
//!
//! Who takes part in Medchain's consensus: the block authors (Proof-of-Work miners) admitted for
//! the consortium's organizations, and the GRANDPA finality voters of those organizations. Both
//! sets change only through the governance origin.
//!
//! ## Miners
//!
//! A miner is a mining key ([`MiningKey`]: sr25519, key type `mine`, kept in the node's keystore)
//! that governance binds to an organization, with the account that receives the fees of its
//! blocks ([`MinerInfo::payout`]). A key may author only while its organization is admitted
//! ([`Pallet::can_author`]): suspending the organization (in `pallet-patients`) stops its miners
//! at once, without a call to this pallet.
//!
//! ## Finality voters
//!
//! [`Voters`] is the ordered set of GRANDPA keys governance decided, each for an organization,
//! each of weight 1. Every change is scheduled through [`FinalityVoterSet`] (`pallet-grandpa` in
//! the runtime) as a standard GRANDPA change: it takes effect once the block that schedules it
//! plus `VoterChangeDelay` blocks is finalized by the current set. One change is pending at a
//! time, and the set never becomes empty.
//!
//! ## Trust model
//!
//! - Nodes accept a block only from an admitted miner: at import the node checks the seal's
//!   signature by the mining key named in the block's digest, and
//!   [`runtime_api::ConsortiumApi::can_author`] for that key at the parent block.
//! - Proof of Work orders the admitted miners' blocks; it admits nobody.
//! - Finality comes from the member organizations' voters (more than two thirds of them).
//! - Voters change only by governance, and only after a delay that the current set finalizes.
//! - Governance (the consortium's council, by two thirds of its members; sudo on the development
//!   chain only) is the one root of trust of both sets.
//!
//! ## Runtime upgrades
//!
//! Governance authorizes a runtime upgrade by the hash of its code
//! ([`Pallet::authorize_upgrade`]), so a motion stays small; anyone then supplies the code with
//! `system.applyAuthorizedUpgrade`, free of charge once it matches.
//!
//! ## No personal data
//!
//! Only public keys, organization ids and accounts are stored or emitted here; nothing describes
//! a person.

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

pub use medchain_primitives::{MiningKey, OrgId, OrganizationLookup};
pub use types::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use frame_support::dispatch::DispatchResult;
use sp_consensus_grandpa::AuthorityId;

/// The GRANDPA finality voter set, as this pallet changes it (implemented by the runtime over
/// `pallet-grandpa`; a mock in the tests).
pub trait FinalityVoterSet<BlockNumber> {
	/// The voters in force now (weight 1 each).
	fn current() -> Vec<AuthorityId>;
	/// Schedules `next` to take over after `delay` blocks (a standard GRANDPA change, enacted
	/// once the block that schedules it + delay is finalized). Fails if a change is already
	/// pending.
	fn schedule(next: Vec<AuthorityId>, delay: BlockNumber) -> DispatchResult;
	/// Forces `next` to take over after `delay` blocks whether or not the current set finalizes
	/// anything (a forced GRANDPA change: nodes enact it once the block that schedules it +
	/// delay is in their best chain, taking `best_finalized` as the last block the current set
	/// finalized). Fails if a change is already pending, or too soon after the last forced one.
	fn force(
		next: Vec<AuthorityId>,
		delay: BlockNumber,
		best_finalized: BlockNumber,
	) -> DispatchResult;
	/// Whether a change is scheduled and not yet enacted by the runtime (a standard change may
	/// still wait for finality on the nodes after that).
	fn change_pending() -> bool;
	/// Called at the end of every block, before the voter set's own end-of-block hook (this
	/// pallet comes first in the runtime), e.g. to count the set that a change enacts in this
	/// block. What it may read and write is in [`Self::ON_FINALIZE_READS_WRITES`].
	fn on_finalize(_now: BlockNumber) {}
	/// The storage reads and writes of [`Self::on_finalize`] at most.
	const ON_FINALIZE_READS_WRITES: (u64, u64) = (0, 0);
}

/// What the benchmarks need from the runtime: organizations live in another pallet.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// A new admitted (active) organization: an account of it (used as the payout account) and
	/// its id. `seed` tells organizations of one benchmark apart.
	fn organization(seed: u32) -> (AccountId, OrgId);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Admits and removes miners and finality voters (sudo, later a consortium council).
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Which organizations are admitted (`pallet-patients`).
		type Organizations: OrganizationLookup<Self::AccountId>;

		/// The finality voter set in force, and how a change is scheduled (`pallet-grandpa`).
		type FinalityVoters: FinalityVoterSet<BlockNumberFor<Self>>;

		/// The most miners the consortium may have.
		#[pallet::constant]
		type MaxMiners: Get<u32>;

		/// The most miners one organization may have.
		#[pallet::constant]
		type MaxMinersPerOrganization: Get<u32>;

		/// The most finality voters the consortium may have (at most `pallet-grandpa`'s
		/// `MaxAuthorities`).
		#[pallet::constant]
		type MaxVoters: Get<u32>;

		/// How many blocks after the block that schedules it a voter set change takes effect
		/// (once that block is finalized by the current set).
		#[pallet::constant]
		type VoterChangeDelay: Get<BlockNumberFor<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets up admitted organizations for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The admitted miners, by mining key: the organization each mines for and the account its
	/// blocks' fees go to.
	// Blake2_128Concat: mining keys are submitted by callers, so they are hashed to keep the trie
	// balanced; the concatenated key lets `miners()` list them.
	#[pallet::storage]
	pub type Miners<T: Config> =
		CountedStorageMap<_, Blake2_128Concat, MiningKey, MinerInfo<T::AccountId>>;

	/// The mining keys of each organization, in order of admission (an index of [`Miners`]; no
	/// entry for an organization without miners).
	// Twox64Concat: organization ids are assigned in sequence by `pallet-patients`, not chosen by
	// callers.
	#[pallet::storage]
	pub type MinersOf<T: Config> = StorageMap<
		_,
		Twox64Concat,
		OrgId,
		BoundedVec<MiningKey, T::MaxMinersPerOrganization>,
		ValueQuery,
	>;

	/// The finality voters governance decided, in order, each with its organization: the set
	/// last scheduled through [`Config::FinalityVoters`] (or given at genesis).
	#[pallet::storage]
	pub type Voters<T: Config> =
		StorageValue<_, BoundedVec<(AuthorityId, OrgId), T::MaxVoters>, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Governance admitted a miner.
		MinerAdded {
			/// The miner's mining key.
			key: MiningKey,
			/// The organization it mines for.
			org: OrgId,
			/// The account that receives the fees of its blocks.
			payout: T::AccountId,
		},
		/// Governance removed a miner: nodes refuse its blocks on top of this one.
		MinerRemoved {
			/// The miner's mining key.
			key: MiningKey,
			/// The organization it mined for.
			org: OrgId,
		},
		/// Governance changed the account that receives the fees of a miner's blocks.
		MinerPayoutChanged {
			/// The miner's mining key.
			key: MiningKey,
			/// The new payout account.
			payout: T::AccountId,
		},
		/// Governance added a finality voter; it votes once the scheduled change is enacted.
		VoterAdded {
			/// The voter's GRANDPA key.
			key: AuthorityId,
			/// The organization it votes for.
			org: OrgId,
		},
		/// Governance removed a finality voter; it stops voting once the scheduled change is
		/// enacted.
		VoterRemoved {
			/// The voter's GRANDPA key.
			key: AuthorityId,
			/// The organization it voted for.
			org: OrgId,
		},
		/// Governance forced a new finality voter set (finality had stalled): nodes switch to it
		/// once this block plus the delay is in their best chain.
		VoterSetForced {
			/// How many voters the new set has.
			voters: u32,
			/// The delay in blocks.
			enacted_after: BlockNumberFor<T>,
			/// The last block the stalled set finalized, as governance stated it.
			best_finalized: BlockNumberFor<T>,
		},
		/// A change of the finality voter set was scheduled with GRANDPA.
		VoterSetChangeScheduled {
			/// How many voters the next set has.
			voters: u32,
			/// The delay in blocks: the change is enacted once this block plus the delay is
			/// finalized.
			enacted_after: BlockNumberFor<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The organization is not admitted (unknown or suspended); admit or reactivate it first.
		OrganizationNotAdmitted,
		/// The key is already a miner; remove it first to bind it to another organization.
		MinerExists,
		/// The consortium has the most miners allowed (`MaxMiners`).
		TooManyMiners,
		/// The organization has the most miners allowed (`MaxMinersPerOrganization`).
		TooManyMinersForOrganization,
		/// The key is not a miner.
		MinerNotFound,
		/// The key is already a finality voter.
		VoterExists,
		/// The voter set has the most voters allowed (`MaxVoters`).
		TooManyVoters,
		/// The key is not a finality voter.
		VoterNotFound,
		/// The voter set may never become empty: add the next voter before removing the last.
		LastVoter,
		/// A voter set change is scheduled and not yet enacted; wait until the block that
		/// scheduled it plus `VoterChangeDelay`.
		VoterChangePending,
		/// A voter set may not be empty.
		NoVoters,
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Miners admitted at genesis: `(key, org, payout)`. Whether the organizations are
		/// admitted is not checked: `pallet-patients` builds them later in genesis.
		pub miners: Vec<(MiningKey, OrgId, T::AccountId)>,
		/// The finality voters at genesis, in order: `(key, org)`. No change is scheduled: the
		/// runtime's presets give `pallet-grandpa` the same keys as its genesis authorities.
		pub voters: Vec<(AuthorityId, OrgId)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		// An invalid genesis must stop the chain from being created at all.
		#[allow(clippy::expect_used)]
		fn build(&self) {
			for (key, org, payout) in &self.miners {
				Pallet::<T>::insert_miner(key.clone(), *org, payout.clone()).expect(
					"genesis miners are distinct, within MaxMiners and MaxMinersPerOrganization",
				);
			}
			let voters = Pallet::<T>::voter_set(self.voters.clone())
				.expect("genesis voters are distinct and within MaxVoters");
			Voters::<T>::put(voters);
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Accounts for what the runtime reads of this pallet every block: the block author's
		/// payout account (`payout_of`: the miner, and its organization's status, asked once a
		/// block through pallet-authorship's `FindAuthor`) and the voter set's `on_finalize`.
		fn on_initialize(_n: BlockNumberFor<T>) -> Weight {
			let (reads, writes) = T::FinalityVoters::ON_FINALIZE_READS_WRITES;
			T::DbWeight::get().reads_writes(reads.saturating_add(2), writes)
		}

		fn on_finalize(n: BlockNumberFor<T>) {
			T::FinalityVoters::on_finalize(n);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Admit a miner: bind a mining key to an organization and choose where the fees of its
		/// blocks go.
		///
		/// - Origin: the governance origin.
		/// - `key`: the miner's mining key (sr25519, key type `mine`), not a miner yet.
		/// - `org`: an admitted organization, with fewer than `MaxMinersPerOrganization` miners.
		/// - `payout`: the organization's account that receives the fees of the miner's blocks.
		///
		/// Nodes accept the key's blocks on top of the block this call is in.
		///
		/// Errors: [`Error::OrganizationNotAdmitted`], [`Error::MinerExists`],
		/// [`Error::TooManyMiners`], [`Error::TooManyMinersForOrganization`].
		/// Emits [`Event::MinerAdded`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_miner())]
		pub fn add_miner(
			origin: OriginFor<T>,
			key: MiningKey,
			org: OrgId,
			payout: T::AccountId,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_add_miner(key, org, payout)
		}

		/// Remove a miner: nodes refuse its blocks on top of the block this call is in.
		///
		/// - Origin: the governance origin.
		/// - `key`: a miner's mining key.
		///
		/// Errors: [`Error::MinerNotFound`].
		/// Emits [`Event::MinerRemoved`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_miner())]
		pub fn remove_miner(origin: OriginFor<T>, key: MiningKey) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_remove_miner(key)
		}

		/// Change the account that receives the fees of a miner's blocks.
		///
		/// - Origin: the governance origin.
		/// - `key`: a miner's mining key.
		/// - `payout`: the new payout account.
		///
		/// Errors: [`Error::MinerNotFound`].
		/// Emits [`Event::MinerPayoutChanged`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_miner_payout())]
		pub fn set_miner_payout(
			origin: OriginFor<T>,
			key: MiningKey,
			payout: T::AccountId,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_miner_payout(key, payout)
		}

		/// Add a finality voter at the end of the voter set, and schedule the new set with
		/// GRANDPA: it takes effect once this block plus `VoterChangeDelay` is finalized.
		///
		/// - Origin: the governance origin.
		/// - `key`: the voter's GRANDPA key (ed25519), not a voter yet.
		/// - `org`: the admitted organization it votes for.
		///
		/// Errors: [`Error::OrganizationNotAdmitted`], [`Error::VoterExists`],
		/// [`Error::TooManyVoters`], [`Error::VoterChangePending`], and any error of
		/// [`FinalityVoterSet::schedule`].
		/// Emits [`Event::VoterAdded`], then [`Event::VoterSetChangeScheduled`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::add_voter())]
		pub fn add_voter(origin: OriginFor<T>, key: AuthorityId, org: OrgId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_add_voter(key, org)
		}

		/// Remove a finality voter, and schedule the new set with GRANDPA: it takes effect once
		/// this block plus `VoterChangeDelay` is finalized. The others keep their order.
		///
		/// - Origin: the governance origin.
		/// - `key`: a voter's GRANDPA key; not the last voter.
		///
		/// Errors: [`Error::VoterNotFound`], [`Error::LastVoter`], [`Error::VoterChangePending`],
		/// and any error of [`FinalityVoterSet::schedule`].
		/// Emits [`Event::VoterRemoved`], then [`Event::VoterSetChangeScheduled`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::remove_voter())]
		pub fn remove_voter(origin: OriginFor<T>, key: AuthorityId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_remove_voter(key)
		}

		/// Replace the whole finality voter set, for when finality has stalled: a change by
		/// [`Self::add_voter`] or [`Self::remove_voter`] needs the current set to finalize it,
		/// which a set with more than a third of its voters down or dishonest cannot do. Nodes
		/// switch to the new set once this block plus `VoterChangeDelay` is in their best
		/// chain, without waiting for finality; pallet-grandpa allows the next forced change
		/// only after twice the delay.
		///
		/// - Origin: the governance origin.
		/// - `voters`: the new set, in order: distinct GRANDPA keys of admitted organizations.
		/// - `best_finalized`: the last block the stalled set finalized (every node's
		///   `chain_getFinalizedHead`); the new set finalizes from there.
		///
		/// Errors: [`Error::NoVoters`], [`Error::VoterExists`] (a key twice),
		/// [`Error::OrganizationNotAdmitted`], [`Error::VoterChangePending`], and any error of
		/// [`FinalityVoterSet::force`].
		/// Emits [`Event::VoterSetForced`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::force_voter_set(voters.len() as u32))]
		pub fn force_voter_set(
			origin: OriginFor<T>,
			voters: BoundedVec<(AuthorityId, OrgId), T::MaxVoters>,
			best_finalized: BlockNumberFor<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_force_voter_set(voters, best_finalized)
		}

		/// Authorize a runtime upgrade: the code whose hash is `code_hash` may then replace the
		/// runtime, supplied by anyone with `system.applyAuthorizedUpgrade`. A later
		/// authorization replaces an earlier one.
		///
		/// - Origin: the governance origin.
		/// - `check_version`: require the new code to keep the `spec_name` and raise the
		///   `spec_version` (leave on, except to re-apply the same version after an incident).
		///
		/// Emits `system.UpgradeAuthorized`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::authorize_upgrade())]
		pub fn authorize_upgrade(
			origin: OriginFor<T>,
			code_hash: T::Hash,
			check_version: bool,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			frame_system::Pallet::<T>::do_authorize_upgrade(code_hash, check_version);
			Ok(())
		}
	}
}
