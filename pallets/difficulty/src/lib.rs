//! # Difficulty pallet
//!
//! Keeps Medchain's Proof-of-Work difficulty and retargets it every block toward a target block
//! time.
//!
//! ## Overview
//!
//! Each block's timestamp (set by `pallet-timestamp`, which calls this pallet through
//! [`OnTimestampSet`]) is recorded with the difficulty the block was mined at, in a bounded window
//! of recent blocks. From that window the next difficulty is computed by [`RetargetRule`]: a
//! moving average, dampened and clamped, in checked arithmetic. The node reads the result through
//! the runtime API `sp_consensus_pow::DifficultyApi` (see [`Pallet::difficulty`]) both to mine and
//! to verify seals.
//!
//! The pallet has no dispatchable calls: difficulty follows from block times alone.

#![cfg_attr(not(feature = "std"), no_std)]

pub use pallet::*;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;

pub use types::{BlockSample, Difficulty, RetargetRule};

use frame_support::traits::{Get, OnTimestampSet};
use sp_runtime::traits::UniqueSaturatedInto;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::BlockNumberFor;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The block time to aim for, in milliseconds.
		#[pallet::constant]
		type TargetBlockTime: Get<u64>;

		/// How many recent blocks the moving average looks at.
		#[pallet::constant]
		type WindowSize: Get<u32>;

		/// How much of the observed deviation is applied per block: `1` all of it, `n` one n-th.
		#[pallet::constant]
		type DampingFactor: Get<u32>;

		/// The largest factor by which a window's observed time is believed to differ from the
		/// expected time.
		#[pallet::constant]
		type ClampFactor: Get<u32>;

		/// The lowest difficulty allowed (at least 1).
		#[pallet::constant]
		type MinDifficulty: Get<Difficulty>;

		/// The highest difficulty allowed.
		#[pallet::constant]
		type MaxDifficulty: Get<Difficulty>;
	}

	/// The difficulty the next block must be mined at.
	#[pallet::storage]
	pub type CurrentDifficulty<T> = StorageValue<_, Difficulty, ValueQuery>;

	/// The most recent blocks, oldest first: their timestamps and the difficulty each was mined at.
	#[pallet::storage]
	pub type RecentBlocks<T: Config> =
		StorageValue<_, BoundedVec<BlockSample, T::WindowSize>, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The difficulty of the first block after genesis (kept within the configured bounds).
		pub initial_difficulty: Difficulty,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			CurrentDifficulty::<T>::put(Pallet::<T>::rule().bound(self.initial_difficulty));
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The difficulty for the next block was retargeted.
		DifficultyAdjusted {
			/// The difficulty the current block was mined at.
			previous: Difficulty,
			/// The difficulty the next block must be mined at.
			next: Difficulty,
		},
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::TargetBlockTime::get() > 0, "TargetBlockTime must be positive");
			assert!(T::WindowSize::get() >= 2, "WindowSize must hold at least two blocks");
			assert!(T::DampingFactor::get() >= 1, "DampingFactor must be at least 1");
			assert!(T::ClampFactor::get() >= 1, "ClampFactor must be at least 1");
			assert!(!T::MinDifficulty::get().is_zero(), "MinDifficulty must be at least 1");
			assert!(
				T::MinDifficulty::get() <= T::MaxDifficulty::get(),
				"MinDifficulty must not exceed MaxDifficulty"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	impl<T: Config> Pallet<T> {
		/// The difficulty the next block must be mined at (what `DifficultyApi` returns).
		pub fn difficulty() -> Difficulty {
			CurrentDifficulty::<T>::get()
		}

		/// The retarget rule with this runtime's constants.
		pub fn rule() -> RetargetRule {
			RetargetRule {
				target_block_time: T::TargetBlockTime::get(),
				damping_factor: T::DampingFactor::get(),
				clamp_factor: T::ClampFactor::get(),
				min_difficulty: T::MinDifficulty::get(),
				max_difficulty: T::MaxDifficulty::get(),
			}
		}

		/// Record the block made at `timestamp` (ms) and retarget the difficulty for the next one.
		pub(crate) fn do_record_block(timestamp: u64) {
			let previous = CurrentDifficulty::<T>::get();
			let next = RecentBlocks::<T>::mutate(|window| {
				let sample = BlockSample { timestamp, difficulty: previous };
				// Appends; on a full window the oldest block makes room. It can only fail for a
				// window bound of zero, which `integrity_test` rules out.
				let _ = window.force_insert_keep_right(window.len(), sample);
				Self::rule().next_difficulty(previous, window)
			});
			CurrentDifficulty::<T>::put(next);
			Self::deposit_event(Event::DifficultyAdjusted { previous, next });
		}

		/// Invariants: the difficulty is within the configured bounds, and the window's
		/// timestamps never go backwards (`pallet-timestamp` only moves forward).
		#[cfg(any(test, feature = "try-runtime"))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let difficulty = CurrentDifficulty::<T>::get();
			ensure!(
				difficulty >= T::MinDifficulty::get() && difficulty <= T::MaxDifficulty::get(),
				"difficulty out of bounds"
			);
			let window = RecentBlocks::<T>::get();
			ensure!(
				window.windows(2).all(|pair| match pair {
					[older, newer] => older.timestamp <= newer.timestamp,
					_ => true,
				}),
				"block timestamps in the window go backwards"
			);
			Ok(())
		}
	}
}

impl<T: Config, Moment: UniqueSaturatedInto<u64>> OnTimestampSet<Moment> for Pallet<T> {
	fn on_timestamp_set(moment: Moment) {
		Self::do_record_block(moment.unique_saturated_into());
	}
}
