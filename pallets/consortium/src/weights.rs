// This file is part of Medchain. Licensed under the Apache License, Version 2.0.

//! Weights for `pallet_consortium`, generated from its benchmarks by `scripts/benchmark-weights.sh`.
//!
//! Benchmark CLI version 64.0.0, 2026-12-06; steps `50`, repeat `20`.
//! Machine: `vm`, CPU `Intel(R) Xeon(R) Processor`; wasm execution `Compiled`.
//!
//! Command:
//! /root/.cache/medchain/target/release/medchain-node
//! benchmark
//! pallet
//! --chain
//! dev
//! --wasm-execution
//! compiled
//! --steps
//! 50
//! --repeat
//! 20
//! --extrinsic
//! *
//! --header
//! scripts/weight-header.txt
//! --pallet
//! pallet_consortium
//! --template
//! scripts/pallet-weight-template.hbs
//! --output
//! pallets/consortium/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]
#![allow(clippy::arithmetic_side_effects)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// The weight of each call of `pallet_consortium`.
pub trait WeightInfo {
	fn add_miner() -> Weight;
	fn remove_miner() -> Weight;
	fn set_miner_payout() -> Weight;
	fn add_voter() -> Weight;
	fn force_voter_set(v: u32, ) -> Weight;
	fn remove_voter() -> Weight;
	fn authorize_upgrade() -> Weight;
}

/// Weights measured on the benchmark machine, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Consortium::Miners` (r:1 w:1)
	/// Proof: `Consortium::Miners` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `Consortium::CounterForMiners` (r:1 w:1)
	/// Proof: `Consortium::CounterForMiners` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Consortium::MinersOf` (r:1 w:1)
	/// Proof: `Consortium::MinersOf` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	fn add_miner() -> Weight {
		// Proof size: measured `789`, estimated `5577`.
		// Minimum execution time: 37_246_000 picoseconds.
		Weight::from_parts(41_190_000, 5577)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Consortium::Miners` (r:1 w:1)
	/// Proof: `Consortium::Miners` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `Consortium::MinersOf` (r:1 w:1)
	/// Proof: `Consortium::MinersOf` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Consortium::CounterForMiners` (r:1 w:1)
	/// Proof: `Consortium::CounterForMiners` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn remove_miner() -> Weight {
		// Proof size: measured `588`, estimated `3606`.
		// Minimum execution time: 30_795_000 picoseconds.
		Weight::from_parts(33_938_000, 3606)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Consortium::Miners` (r:1 w:1)
	/// Proof: `Consortium::Miners` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	fn set_miner_payout() -> Weight {
		// Proof size: measured `282`, estimated `3549`.
		// Minimum execution time: 21_083_000 picoseconds.
		Weight::from_parts(23_570_000, 3549)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Consortium::Voters` (r:1 w:1)
	/// Proof: `Consortium::Voters` (`max_values`: Some(1), `max_size`: Some(1153), added: 1648, mode: `MaxEncodedLen`)
	/// Storage: `Grandpa::PendingChange` (r:1 w:1)
	/// Proof: `Grandpa::PendingChange` (`max_values`: Some(1), `max_size`: Some(1294), added: 1789, mode: `MaxEncodedLen`)
	fn add_voter() -> Weight {
		// Proof size: measured `1687`, estimated `5577`.
		// Minimum execution time: 33_748_000 picoseconds.
		Weight::from_parts(36_863_000, 5577)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Patients::Organizations` (r:32 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Grandpa::PendingChange` (r:1 w:1)
	/// Proof: `Grandpa::PendingChange` (`max_values`: Some(1), `max_size`: Some(1294), added: 1789, mode: `MaxEncodedLen`)
	/// Storage: `Grandpa::NextForced` (r:1 w:1)
	/// Proof: `Grandpa::NextForced` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Consortium::Voters` (r:0 w:1)
	/// Proof: `Consortium::Voters` (`max_values`: Some(1), `max_size`: Some(1153), added: 1648, mode: `MaxEncodedLen`)
	/// The range of component `v` is `[1, 32]`.
	fn force_voter_set(v: u32, ) -> Weight {
		// Proof size: measured `408 + v * (70 ±0)`, estimated `2779 + v * (4587 ±0)`.
		// Minimum execution time: 26_343_000 picoseconds.
		Weight::from_parts(24_210_350, 2779)
			.saturating_add(Weight::from_parts(4_305_430, 0).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(v.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(Weight::from_parts(0, 4587).saturating_mul(v.into()))
	}
	/// Storage: `Consortium::Voters` (r:1 w:1)
	/// Proof: `Consortium::Voters` (`max_values`: Some(1), `max_size`: Some(1153), added: 1648, mode: `MaxEncodedLen`)
	/// Storage: `Grandpa::PendingChange` (r:1 w:1)
	/// Proof: `Grandpa::PendingChange` (`max_values`: Some(1), `max_size`: Some(1294), added: 1789, mode: `MaxEncodedLen`)
	fn remove_voter() -> Weight {
		// Proof size: measured `1451`, estimated `2779`.
		// Minimum execution time: 25_401_000 picoseconds.
		Weight::from_parts(28_417_000, 2779)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `System::AuthorizedUpgrade` (r:0 w:1)
	/// Proof: `System::AuthorizedUpgrade` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	fn authorize_upgrade() -> Weight {
		// Proof size: measured `0`, estimated `0`.
		// Minimum execution time: 7_574_000 picoseconds.
		Weight::from_parts(8_704_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

/// The same weights with RocksDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn add_miner() -> Weight {
		Weight::from_parts(41_190_000, 5577)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn remove_miner() -> Weight {
		Weight::from_parts(33_938_000, 3606)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn set_miner_payout() -> Weight {
		Weight::from_parts(23_570_000, 3549)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn add_voter() -> Weight {
		Weight::from_parts(36_863_000, 5577)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn force_voter_set(v: u32, ) -> Weight {
		Weight::from_parts(24_210_350, 2779)
			.saturating_add(Weight::from_parts(4_305_430, 0).saturating_mul(v.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(v.into())))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
			.saturating_add(Weight::from_parts(0, 4587).saturating_mul(v.into()))
	}
	fn remove_voter() -> Weight {
		Weight::from_parts(28_417_000, 2779)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn authorize_upgrade() -> Weight {
		Weight::from_parts(8_704_000, 0)
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
}
