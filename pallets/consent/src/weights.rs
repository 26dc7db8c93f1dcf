// This file is part of Medchain. Licensed under the Apache License, Version 2.0.

//! Weights for `pallet_consent`, generated from its benchmarks by `scripts/benchmark-weights.sh`.
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
	fn erase_patient(g: u32, r: u32, ) -> Weight;
	fn grant_consent() -> Weight;
	fn revoke_consent() -> Weight;
	fn remove_expired_grant() -> Weight;
	fn request_consent() -> Weight;
	fn approve_request() -> Weight;
	fn reject_request() -> Weight;
	fn withdraw_request() -> Weight;
	fn log_access() -> Weight;
	fn log_release() -> Weight;
	fn break_glass() -> Weight;
	fn extend_break_glass() -> Weight;
	fn review_break_glass() -> Weight;
}

/// Weights measured on the benchmark machine, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Consent::Grants` (r:9 w:8)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(1682), added: 4157, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:10 w:10)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:10 w:10)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `Consent::RequestsOf` (r:1 w:1)
	/// Proof: `Consent::RequestsOf` (`max_values`: None, `max_size`: Some(289), added: 2764, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Requests` (r:16 w:16)
	/// Proof: `Consent::Requests` (`max_values`: None, `max_size`: Some(244), added: 2719, mode: `MaxEncodedLen`)
	/// Storage: `Consent::GrantKeys` (r:0 w:64)
	/// Proof: `Consent::GrantKeys` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Consent::GrantCount` (r:0 w:1)
	/// Proof: `Consent::GrantCount` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// The range of component `g` is `[0, 64]`.
	/// The range of component `r` is `[0, 16]`.
	fn erase_patient(g: u32, r: u32, ) -> Weight {
		// Proof size: measured `776 + g * (205 ±0) + r * (255 ±0)`, estimated `6165 + g * (497 ±5) + r * (2719 ±23)`.
		// Minimum execution time: 703_525_000 picoseconds.
		Weight::from_parts(708_542_000, 6165)
			.saturating_add(Weight::from_parts(33_757_390, 0).saturating_mul(g.into()))
			.saturating_add(Weight::from_parts(20_505_693, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(g.into())))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(r.into())))
			.saturating_add(Weight::from_parts(0, 497).saturating_mul(g.into()))
			.saturating_add(Weight::from_parts(0, 2719).saturating_mul(r.into()))
	}
	/// Storage: `Patients::PatientRecords` (r:1 w:0)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(445), added: 2920, mode: `MaxEncodedLen`)
	/// Storage: `Patients::OrganizationOf` (r:2 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:2 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Consent::GrantCount` (r:1 w:1)
	/// Proof: `Consent::GrantCount` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `Consent::NextGrantId` (r:1 w:1)
	/// Proof: `Consent::NextGrantId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Grants` (r:1 w:1)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(1682), added: 4157, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `Consent::GrantKeys` (r:0 w:1)
	/// Proof: `Consent::GrantKeys` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	fn grant_consent() -> Weight {
		// Proof size: measured `2609`, estimated `10164`.
		// Minimum execution time: 119_017_000 picoseconds.
		Weight::from_parts(126_799_000, 10164)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Consent::GrantKeys` (r:1 w:1)
	/// Proof: `Consent::GrantKeys` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Grants` (r:1 w:1)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(1682), added: 4157, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientRecords` (r:1 w:0)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(445), added: 2920, mode: `MaxEncodedLen`)
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Consent::GrantCount` (r:1 w:1)
	/// Proof: `Consent::GrantCount` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	fn revoke_consent() -> Weight {
		// Proof size: measured `2802`, estimated `5147`.
		// Minimum execution time: 101_351_000 picoseconds.
		Weight::from_parts(109_843_000, 5147)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Consent::GrantKeys` (r:1 w:1)
	/// Proof: `Consent::GrantKeys` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Grants` (r:1 w:1)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(1682), added: 4157, mode: `MaxEncodedLen`)
	/// Storage: `Consent::GrantCount` (r:1 w:1)
	/// Proof: `Consent::GrantCount` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	fn remove_expired_grant() -> Weight {
		// Proof size: measured `2348`, estimated `5147`.
		// Minimum execution time: 87_109_000 picoseconds.
		Weight::from_parts(95_342_000, 5147)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientRecords` (r:1 w:0)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(445), added: 2920, mode: `MaxEncodedLen`)
	/// Storage: `Consent::RequestsOf` (r:1 w:1)
	/// Proof: `Consent::RequestsOf` (`max_values`: None, `max_size`: Some(289), added: 2764, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Requests` (r:16 w:17)
	/// Proof: `Consent::Requests` (`max_values`: None, `max_size`: Some(244), added: 2719, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:10 w:10)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:10 w:10)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `Consent::NextRequestId` (r:1 w:1)
	/// Proof: `Consent::NextRequestId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	fn request_consent() -> Weight {
		// Proof size: measured `5736`, estimated `44494`.
		// Minimum execution time: 819_287_000 picoseconds.
		Weight::from_parts(920_076_000, 44494)
			.saturating_add(T::DbWeight::get().reads(41_u64))
			.saturating_add(T::DbWeight::get().writes(39_u64))
	}
	/// Storage: `Consent::Requests` (r:1 w:1)
	/// Proof: `Consent::Requests` (`max_values`: None, `max_size`: Some(244), added: 2719, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientRecords` (r:1 w:0)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(445), added: 2920, mode: `MaxEncodedLen`)
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Consent::RequestsOf` (r:1 w:1)
	/// Proof: `Consent::RequestsOf` (`max_values`: None, `max_size`: Some(289), added: 2764, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:2 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Consent::GrantCount` (r:1 w:1)
	/// Proof: `Consent::GrantCount` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `Consent::NextGrantId` (r:1 w:1)
	/// Proof: `Consent::NextGrantId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Grants` (r:1 w:1)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(1682), added: 4157, mode: `MaxEncodedLen`)
	/// Storage: `Consent::GrantKeys` (r:0 w:1)
	/// Proof: `Consent::GrantKeys` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	fn approve_request() -> Weight {
		// Proof size: measured `4242`, estimated `10164`.
		// Minimum execution time: 185_085_000 picoseconds.
		Weight::from_parts(208_640_000, 10164)
			.saturating_add(T::DbWeight::get().reads(13_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	/// Storage: `Consent::Requests` (r:1 w:1)
	/// Proof: `Consent::Requests` (`max_values`: None, `max_size`: Some(244), added: 2719, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientRecords` (r:1 w:0)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(445), added: 2920, mode: `MaxEncodedLen`)
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Consent::RequestsOf` (r:1 w:1)
	/// Proof: `Consent::RequestsOf` (`max_values`: None, `max_size`: Some(289), added: 2764, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	fn reject_request() -> Weight {
		// Proof size: measured `2041`, estimated `3910`.
		// Minimum execution time: 77_976_000 picoseconds.
		Weight::from_parts(91_076_000, 3910)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Requests` (r:1 w:1)
	/// Proof: `Consent::Requests` (`max_values`: None, `max_size`: Some(244), added: 2719, mode: `MaxEncodedLen`)
	/// Storage: `Consent::RequestsOf` (r:1 w:1)
	/// Proof: `Consent::RequestsOf` (`max_values`: None, `max_size`: Some(289), added: 2764, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	fn withdraw_request() -> Weight {
		// Proof size: measured `2315`, estimated `5577`.
		// Minimum execution time: 84_686_000 picoseconds.
		Weight::from_parts(101_241_000, 5577)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientRecords` (r:1 w:0)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(445), added: 2920, mode: `MaxEncodedLen`)
	/// Storage: `Records::Anchors` (r:1 w:0)
	/// Proof: `Records::Anchors` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Grants` (r:2 w:0)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(1682), added: 4157, mode: `MaxEncodedLen`)
	/// Storage: `Consent::BreakGlassLog` (r:1 w:0)
	/// Proof: `Consent::BreakGlassLog` (`max_values`: None, `max_size`: Some(1409), added: 3884, mode: `MaxEncodedLen`)
	/// Storage: `Consent::AccessTrails` (r:1 w:1)
	/// Proof: `Consent::AccessTrails` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	fn log_access() -> Weight {
		// Proof size: measured `5472`, estimated `9304`.
		// Minimum execution time: 71_296_000 picoseconds.
		Weight::from_parts(77_125_000, 9304)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Patients::OrganizationOf` (r:2 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:2 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Consent::LastRelease` (r:1 w:1)
	/// Proof: `Consent::LastRelease` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Records::Anchors` (r:1 w:0)
	/// Proof: `Records::Anchors` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientRecords` (r:1 w:0)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(445), added: 2920, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Grants` (r:2 w:0)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(1682), added: 4157, mode: `MaxEncodedLen`)
	/// Storage: `Consent::BreakGlassLog` (r:1 w:0)
	/// Proof: `Consent::BreakGlassLog` (`max_values`: None, `max_size`: Some(1409), added: 3884, mode: `MaxEncodedLen`)
	/// Storage: `Consent::AccessTrails` (r:1 w:1)
	/// Proof: `Consent::AccessTrails` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	fn log_release() -> Weight {
		// Proof size: measured `5717`, estimated `10164`.
		// Minimum execution time: 150_203_000 picoseconds.
		Weight::from_parts(196_271_000, 10164)
			.saturating_add(T::DbWeight::get().reads(13_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientRecords` (r:1 w:0)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(445), added: 2920, mode: `MaxEncodedLen`)
	/// Storage: `Consent::BreakGlassLog` (r:1 w:1)
	/// Proof: `Consent::BreakGlassLog` (`max_values`: None, `max_size`: Some(1409), added: 3884, mode: `MaxEncodedLen`)
	/// Storage: `Consent::BreakGlassOpenings` (r:1 w:1)
	/// Proof: `Consent::BreakGlassOpenings` (`max_values`: None, `max_size`: Some(57), added: 2532, mode: `MaxEncodedLen`)
	/// Storage: `Consent::AccessTrails` (r:1 w:1)
	/// Proof: `Consent::AccessTrails` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `Consent::BreakGlassReviews` (r:0 w:1)
	/// Proof: `Consent::BreakGlassReviews` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	fn break_glass() -> Weight {
		// Proof size: measured `1814`, estimated `5577`.
		// Minimum execution time: 54_301_000 picoseconds.
		Weight::from_parts(58_477_000, 5577)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientRecords` (r:1 w:0)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(445), added: 2920, mode: `MaxEncodedLen`)
	/// Storage: `Consent::BreakGlassLog` (r:1 w:1)
	/// Proof: `Consent::BreakGlassLog` (`max_values`: None, `max_size`: Some(1409), added: 3884, mode: `MaxEncodedLen`)
	/// Storage: `Consent::AccessTrails` (r:1 w:1)
	/// Proof: `Consent::AccessTrails` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `Consent::BreakGlassReviews` (r:0 w:1)
	/// Proof: `Consent::BreakGlassReviews` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	fn extend_break_glass() -> Weight {
		// Proof size: measured `1801`, estimated `5577`.
		// Minimum execution time: 45_888_000 picoseconds.
		Weight::from_parts(49_413_000, 5577)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Consent::BreakGlassReviews` (r:1 w:1)
	/// Proof: `Consent::BreakGlassReviews` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Storage: `Consent::AccessTrails` (r:1 w:1)
	/// Proof: `Consent::AccessTrails` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	fn review_break_glass() -> Weight {
		// Proof size: measured `812`, estimated `5577`.
		// Minimum execution time: 34_581_000 picoseconds.
		Weight::from_parts(38_217_000, 5577)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
}

/// The same weights with RocksDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn erase_patient(g: u32, r: u32, ) -> Weight {
		Weight::from_parts(708_542_000, 6165)
			.saturating_add(Weight::from_parts(33_757_390, 0).saturating_mul(g.into()))
			.saturating_add(Weight::from_parts(20_505_693, 0).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(g.into())))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(r.into())))
			.saturating_add(Weight::from_parts(0, 497).saturating_mul(g.into()))
			.saturating_add(Weight::from_parts(0, 2719).saturating_mul(r.into()))
	}
	fn grant_consent() -> Weight {
		Weight::from_parts(126_799_000, 10164)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn revoke_consent() -> Weight {
		Weight::from_parts(109_843_000, 5147)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn remove_expired_grant() -> Weight {
		Weight::from_parts(95_342_000, 5147)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn request_consent() -> Weight {
		Weight::from_parts(920_076_000, 44494)
			.saturating_add(RocksDbWeight::get().reads(41_u64))
			.saturating_add(RocksDbWeight::get().writes(39_u64))
	}
	fn approve_request() -> Weight {
		Weight::from_parts(208_640_000, 10164)
			.saturating_add(RocksDbWeight::get().reads(13_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn reject_request() -> Weight {
		Weight::from_parts(91_076_000, 3910)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn withdraw_request() -> Weight {
		Weight::from_parts(101_241_000, 5577)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn log_access() -> Weight {
		Weight::from_parts(77_125_000, 9304)
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn log_release() -> Weight {
		Weight::from_parts(196_271_000, 10164)
			.saturating_add(RocksDbWeight::get().reads(13_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn break_glass() -> Weight {
		Weight::from_parts(58_477_000, 5577)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn extend_break_glass() -> Weight {
		Weight::from_parts(49_413_000, 5577)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn review_break_glass() -> Weight {
		Weight::from_parts(38_217_000, 5577)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
}
