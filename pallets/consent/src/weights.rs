// This file is part of Medchain. Licensed under the Apache License, Version 2.0.

//! Weights for `pallet_consent`, generated from its benchmarks by `scripts/benchmark-weights.sh`.
//!
//! Benchmark CLI version 64.0.0, 2026-11-24; steps `50`, repeat `20`.
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
//! pallet_consent
//! --template
//! scripts/pallet-weight-template.hbs
//! --output
//! pallets/consent/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]
#![allow(clippy::arithmetic_side_effects)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// The weight of each call of `pallet_consent`.
pub trait WeightInfo {
	fn grant_consent() -> Weight;
	fn revoke_consent() -> Weight;
	fn remove_expired_grant() -> Weight;
	fn request_consent() -> Weight;
	fn approve_request() -> Weight;
	fn reject_request() -> Weight;
	fn withdraw_request() -> Weight;
	fn log_access() -> Weight;
	fn break_glass() -> Weight;
	fn extend_break_glass() -> Weight;
	fn review_break_glass() -> Weight;
}

/// Weights measured on the benchmark machine, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Patients::PatientRecords` (r:1 w:0)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(440), added: 2915, mode: `MaxEncodedLen`)
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Consent::GrantCount` (r:1 w:1)
	/// Proof: `Consent::GrantCount` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `Consent::NextGrantId` (r:1 w:1)
	/// Proof: `Consent::NextGrantId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Grants` (r:1 w:1)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(1650), added: 4125, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Consent::GrantKeys` (r:0 w:1)
	/// Proof: `Consent::GrantKeys` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	fn grant_consent() -> Weight {
		// Proof size: measured `2428`, estimated `5577`.
		// Minimum execution time: 76_474_000 picoseconds.
		Weight::from_parts(81_702_000, 5577)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Consent::GrantKeys` (r:1 w:1)
	/// Proof: `Consent::GrantKeys` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Grants` (r:1 w:1)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(1650), added: 4125, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientRecords` (r:1 w:0)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(440), added: 2915, mode: `MaxEncodedLen`)
	/// Storage: `Consent::GrantCount` (r:1 w:1)
	/// Proof: `Consent::GrantCount` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	fn revoke_consent() -> Weight {
		// Proof size: measured `2555`, estimated `5115`.
		// Minimum execution time: 64_876_000 picoseconds.
		Weight::from_parts(67_831_000, 5115)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Consent::GrantKeys` (r:1 w:1)
	/// Proof: `Consent::GrantKeys` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Grants` (r:1 w:1)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(1650), added: 4125, mode: `MaxEncodedLen`)
	/// Storage: `Consent::GrantCount` (r:1 w:1)
	/// Proof: `Consent::GrantCount` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	fn remove_expired_grant() -> Weight {
		// Proof size: measured `2279`, estimated `5115`.
		// Minimum execution time: 55_272_000 picoseconds.
		Weight::from_parts(59_519_000, 5115)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientRecords` (r:1 w:0)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(440), added: 2915, mode: `MaxEncodedLen`)
	/// Storage: `Consent::NextRequestId` (r:1 w:1)
	/// Proof: `Consent::NextRequestId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Consent::RequestsOf` (r:1 w:1)
	/// Proof: `Consent::RequestsOf` (`max_values`: None, `max_size`: Some(161), added: 2636, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Requests` (r:0 w:1)
	/// Proof: `Consent::Requests` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
	fn request_consent() -> Weight {
		// Proof size: measured `1146`, estimated `5577`.
		// Minimum execution time: 69_173_000 picoseconds.
		// Until the benchmarks are run again: the measured call, plus closing the runtime's 16
		// lapsed requests (each: the request and the requester's account, read and written).
		Weight::from_parts(73_069_000 + 16 * 40_000_000, 5577 + 16 * 2715)
			.saturating_add(T::DbWeight::get().reads(7_u64 + 16 * 2))
			.saturating_add(T::DbWeight::get().writes(5_u64 + 16 * 2))
	}
	/// Storage: `Consent::Requests` (r:1 w:1)
	/// Proof: `Consent::Requests` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientRecords` (r:1 w:0)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(440), added: 2915, mode: `MaxEncodedLen`)
	/// Storage: `Consent::RequestsOf` (r:1 w:1)
	/// Proof: `Consent::RequestsOf` (`max_values`: None, `max_size`: Some(161), added: 2636, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Consent::GrantCount` (r:1 w:1)
	/// Proof: `Consent::GrantCount` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `Consent::NextGrantId` (r:1 w:1)
	/// Proof: `Consent::NextGrantId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Grants` (r:1 w:1)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(1650), added: 4125, mode: `MaxEncodedLen`)
	/// Storage: `Consent::GrantKeys` (r:0 w:1)
	/// Proof: `Consent::GrantKeys` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	fn approve_request() -> Weight {
		// Proof size: measured `3232`, estimated `6218`.
		// Minimum execution time: 114_862_000 picoseconds.
		Weight::from_parts(121_972_000, 6218)
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	/// Storage: `Consent::Requests` (r:1 w:1)
	/// Proof: `Consent::Requests` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientRecords` (r:1 w:0)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(440), added: 2915, mode: `MaxEncodedLen`)
	/// Storage: `Consent::RequestsOf` (r:1 w:1)
	/// Proof: `Consent::RequestsOf` (`max_values`: None, `max_size`: Some(161), added: 2636, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	fn reject_request() -> Weight {
		// Proof size: measured `1401`, estimated `3905`.
		// Minimum execution time: 51_997_000 picoseconds.
		Weight::from_parts(55_743_000, 3905)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Consent::Requests` (r:1 w:1)
	/// Proof: `Consent::Requests` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Consent::RequestsOf` (r:1 w:1)
	/// Proof: `Consent::RequestsOf` (`max_values`: None, `max_size`: Some(161), added: 2636, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	fn withdraw_request() -> Weight {
		// Proof size: measured `1551`, estimated `5577`.
		// Minimum execution time: 59_079_000 picoseconds.
		Weight::from_parts(62_734_000, 5577)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientRecords` (r:1 w:0)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(440), added: 2915, mode: `MaxEncodedLen`)
	/// Storage: `Records::Anchors` (r:1 w:0)
	/// Proof: `Records::Anchors` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Grants` (r:2 w:0)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(1650), added: 4125, mode: `MaxEncodedLen`)
	/// Storage: `Consent::AccessTrails` (r:1 w:1)
	/// Proof: `Consent::AccessTrails` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	fn log_access() -> Weight {
		// Proof size: measured `4313`, estimated `9240`.
		// Minimum execution time: 45_598_000 picoseconds.
		Weight::from_parts(48_482_000, 9240)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientRecords` (r:1 w:0)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(440), added: 2915, mode: `MaxEncodedLen`)
	/// Storage: `Consent::BreakGlassLog` (r:1 w:1)
	/// Proof: `Consent::BreakGlassLog` (`max_values`: None, `max_size`: Some(753), added: 3228, mode: `MaxEncodedLen`)
	/// Storage: `Consent::AccessTrails` (r:1 w:1)
	/// Proof: `Consent::AccessTrails` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	fn break_glass() -> Weight {
		// Proof size: measured `1480`, estimated `5577`.
		// Minimum execution time: 28_442_000 picoseconds.
		// Writes: the kept list, the trail and the review list (the last one new since the
		// measurement).
		Weight::from_parts(30_716_000, 5577)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn extend_break_glass() -> Weight {
		// Until the benchmarks are run again: as `break_glass` (the kept list read and
		// written, the trail appended).
		Self::break_glass()
	}
	fn review_break_glass() -> Weight {
		// Until the benchmarks are run again: the review entry read and removed, the trail
		// appended.
		Weight::from_parts(40_000_000, 3_600)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
}

/// The same weights with RocksDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn grant_consent() -> Weight {
		Weight::from_parts(81_702_000, 5577)
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn revoke_consent() -> Weight {
		Weight::from_parts(67_831_000, 5115)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn remove_expired_grant() -> Weight {
		Weight::from_parts(59_519_000, 5115)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn request_consent() -> Weight {
		Weight::from_parts(73_069_000 + 16 * 40_000_000, 5577 + 16 * 2715)
			.saturating_add(RocksDbWeight::get().reads(7_u64 + 16 * 2))
			.saturating_add(RocksDbWeight::get().writes(5_u64 + 16 * 2))
	}
	fn approve_request() -> Weight {
		Weight::from_parts(121_972_000, 6218)
			.saturating_add(RocksDbWeight::get().reads(11_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn reject_request() -> Weight {
		Weight::from_parts(55_743_000, 3905)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn withdraw_request() -> Weight {
		Weight::from_parts(62_734_000, 5577)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn log_access() -> Weight {
		Weight::from_parts(48_482_000, 9240)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn break_glass() -> Weight {
		Weight::from_parts(30_716_000, 5577)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn extend_break_glass() -> Weight {
		// Until the benchmarks are run again: as `break_glass` (the kept list read and
		// written, the trail appended).
		Self::break_glass()
	}
	fn review_break_glass() -> Weight {
		// Until the benchmarks are run again: the review entry read and removed, the trail
		// appended.
		Weight::from_parts(40_000_000, 3_600)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
}
