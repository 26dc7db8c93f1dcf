// This file is part of Medchain. Licensed under the Apache License, Version 2.0.

//! Weights for `pallet_records`, generated from its benchmarks by `scripts/benchmark-weights.sh`.
//!
//! Benchmark CLI version 64.0.0, 2026-12-07; steps `50`, repeat `20`.
//! Machine: `vm`, CPU `AMD EPYC`; wasm execution `Compiled`.
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
//! pallet_records
//! --template
//! scripts/pallet-weight-template.hbs
//! --output
//! pallets/records/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]
#![allow(clippy::arithmetic_side_effects)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// The weight of each call of `pallet_records`.
pub trait WeightInfo {
	fn anchor_record() -> Weight;
	fn amend_record() -> Weight;
	fn retract_record() -> Weight;
	fn anchor_batch() -> Weight;
}

/// Weights measured on the benchmark machine, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientRecords` (r:1 w:0)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(445), added: 2920, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Grants` (r:1 w:0)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(1682), added: 4157, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Records::RecordByHash` (r:1 w:1)
	/// Proof: `Records::RecordByHash` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Records::NextRecordId` (r:1 w:1)
	/// Proof: `Records::NextRecordId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Records::RecordsByCustodian` (r:0 w:1)
	/// Proof: `Records::RecordsByCustodian` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Records::Anchors` (r:0 w:1)
	/// Proof: `Records::Anchors` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Records::LatestVersion` (r:0 w:1)
	/// Proof: `Records::LatestVersion` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Records::RecordsByPatient` (r:0 w:1)
	/// Proof: `Records::RecordsByPatient` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	fn anchor_record() -> Weight {
		// Proof size: measured `2256`, estimated `5577`.
		// Minimum execution time: 59_488_000 picoseconds.
		Weight::from_parts(66_319_000, 5577)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Records::Anchors` (r:1 w:2)
	/// Proof: `Records::Anchors` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientRecords` (r:1 w:0)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(445), added: 2920, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Grants` (r:1 w:0)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(1682), added: 4157, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Records::RecordByHash` (r:1 w:1)
	/// Proof: `Records::RecordByHash` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Records::NextRecordId` (r:1 w:1)
	/// Proof: `Records::NextRecordId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Records::RecordsByCustodian` (r:0 w:1)
	/// Proof: `Records::RecordsByCustodian` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Records::LatestVersion` (r:0 w:1)
	/// Proof: `Records::LatestVersion` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Records::RecordsByPatient` (r:0 w:1)
	/// Proof: `Records::RecordsByPatient` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	fn amend_record() -> Weight {
		// Proof size: measured `2682`, estimated `5577`.
		// Minimum execution time: 68_792_000 picoseconds.
		Weight::from_parts(73_529_000, 5577)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Records::Anchors` (r:1 w:1)
	/// Proof: `Records::Anchors` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	fn retract_record() -> Weight {
		// Proof size: measured `843`, estimated `5577`.
		// Minimum execution time: 29_654_000 picoseconds.
		Weight::from_parts(33_009_000, 5577)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Records::Batches` (r:1 w:1)
	/// Proof: `Records::Batches` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	fn anchor_batch() -> Weight {
		// Proof size: measured `547`, estimated `5577`.
		// Minimum execution time: 30_956_000 picoseconds.
		Weight::from_parts(34_261_000, 5577)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

/// The same weights with RocksDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn anchor_record() -> Weight {
		Weight::from_parts(66_319_000, 5577)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn amend_record() -> Weight {
		Weight::from_parts(73_529_000, 5577)
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn retract_record() -> Weight {
		Weight::from_parts(33_009_000, 5577)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn anchor_batch() -> Weight {
		Weight::from_parts(34_261_000, 5577)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
}
