// This file is part of Medchain. Licensed under the Apache License, Version 2.0.

//! Weights for `pallet_patients`, generated from its benchmarks by `scripts/benchmark-weights.sh`.
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
//! pallet_patients
//! --template
//! scripts/pallet-weight-template.hbs
//! --output
//! pallets/patients/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]
#![allow(clippy::arithmetic_side_effects)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// The weight of each call of `pallet_patients`.
pub trait WeightInfo {
	fn admit_organization() -> Weight;
	fn suspend_organization() -> Weight;
	fn reactivate_organization() -> Weight;
	fn add_member(m: u32, ) -> Weight;
	fn remove_member(m: u32, ) -> Weight;
	fn register_patient() -> Weight;
	fn register_patient_for() -> Weight;
	fn set_commitment() -> Weight;
	fn add_delegate(d: u32, ) -> Weight;
	fn remove_delegate(d: u32, ) -> Weight;
	fn offer_control() -> Weight;
	fn accept_control(d: u32, ) -> Weight;
	fn deactivate_patient(d: u32, ) -> Weight;
}

/// Weights measured on the benchmark machine, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Patients::OrganizationOf` (r:1 w:1)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientOf` (r:1 w:0)
	/// Proof: `Patients::PatientOf` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Patients::NextOrgId` (r:1 w:1)
	/// Proof: `Patients::NextOrgId` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Council::Members` (r:1 w:1)
	/// Proof: `Council::Members` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
	/// Storage: `Council::Proposals` (r:1 w:0)
	/// Proof: `Council::Proposals` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
	/// Storage: `Patients::Organizations` (r:0 w:1)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Council::Prime` (r:0 w:1)
	/// Proof: `Council::Prime` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
	fn admit_organization() -> Weight {
		// Proof size: measured `415`, estimated `3545`.
		// Minimum execution time: 24_747_000 picoseconds.
		Weight::from_parts(26_730_000, 3545)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Patients::Organizations` (r:1 w:1)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Council::Members` (r:1 w:1)
	/// Proof: `Council::Members` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
	/// Storage: `Council::Proposals` (r:1 w:0)
	/// Proof: `Council::Proposals` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
	/// Storage: `Council::Prime` (r:0 w:1)
	/// Proof: `Council::Prime` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
	fn suspend_organization() -> Weight {
		// Proof size: measured `470`, estimated `5577`.
		// Minimum execution time: 18_227_000 picoseconds.
		Weight::from_parts(19_940_000, 5577)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Patients::Organizations` (r:1 w:1)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Council::Members` (r:1 w:1)
	/// Proof: `Council::Members` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
	/// Storage: `Council::Proposals` (r:1 w:0)
	/// Proof: `Council::Proposals` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
	/// Storage: `Council::Prime` (r:0 w:1)
	/// Proof: `Council::Prime` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
	fn reactivate_organization() -> Weight {
		// Proof size: measured `438`, estimated `5577`.
		// Minimum execution time: 18_137_000 picoseconds.
		Weight::from_parts(20_070_000, 5577)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Patients::OrganizationOf` (r:2 w:1)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientOf` (r:1 w:0)
	/// Proof: `Patients::PatientOf` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:1)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// The range of component `m` is `[0, 63]`.
	fn add_member(m: u32, ) -> Weight {
		// Proof size: measured `914 + m * (39 ±0)`, estimated `6044`.
		// Minimum execution time: 74_531_000 picoseconds.
		Weight::from_parts(82_609_556, 6044)
			.saturating_add(Weight::from_parts(214_395, 0).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Patients::OrganizationOf` (r:1 w:1)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:1)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// The range of component `m` is `[1, 64]`.
	fn remove_member(m: u32, ) -> Weight {
		// Proof size: measured `853 + m * (38 ±0)`, estimated `5577`.
		// Minimum execution time: 61_371_000 picoseconds.
		Weight::from_parts(67_873_511, 5577)
			.saturating_add(Weight::from_parts(202_982, 0).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Patients::PatientOf` (r:1 w:1)
	/// Proof: `Patients::PatientOf` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientCount` (r:1 w:1)
	/// Proof: `Patients::PatientCount` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::ParentHash` (r:1 w:0)
	/// Proof: `System::ParentHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientRecords` (r:1 w:1)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(445), added: 2920, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	fn register_patient() -> Weight {
		// Proof size: measured `543`, estimated `3910`.
		// Minimum execution time: 79_869_000 picoseconds.
		Weight::from_parts(83_545_000, 3910)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientCount` (r:1 w:1)
	/// Proof: `Patients::PatientCount` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::ParentHash` (r:1 w:0)
	/// Proof: `System::ParentHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientRecords` (r:1 w:1)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(445), added: 2920, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	fn register_patient_for() -> Weight {
		// Proof size: measured `655`, estimated `5577`.
		// Minimum execution time: 80_309_000 picoseconds.
		Weight::from_parts(84_235_000, 5577)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Patients::PatientRecords` (r:1 w:1)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(445), added: 2920, mode: `MaxEncodedLen`)
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	fn set_commitment() -> Weight {
		// Proof size: measured `571`, estimated `5577`.
		// Minimum execution time: 25_558_000 picoseconds.
		Weight::from_parts(28_202_000, 5577)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Patients::PatientRecords` (r:1 w:1)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(445), added: 2920, mode: `MaxEncodedLen`)
	/// Storage: `Patients::OrganizationOf` (r:2 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// The range of component `d` is `[0, 7]`.
	fn add_delegate(d: u32, ) -> Weight {
		// Proof size: measured `853 + d * (34 ±0)`, estimated `6196`.
		// Minimum execution time: 90_945_000 picoseconds.
		Weight::from_parts(97_327_450, 6196)
			.saturating_add(Weight::from_parts(755_725, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Patients::PatientRecords` (r:1 w:1)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(445), added: 2920, mode: `MaxEncodedLen`)
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// The range of component `d` is `[1, 8]`.
	fn remove_delegate(d: u32, ) -> Weight {
		// Proof size: measured `924 + d * (41 ±0)`, estimated `6196`.
		// Minimum execution time: 77_325_000 picoseconds.
		Weight::from_parts(81_793_876, 6196)
			.saturating_add(Weight::from_parts(1_008_854, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Patients::PatientRecords` (r:1 w:0)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(445), added: 2920, mode: `MaxEncodedLen`)
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Patients::ControlOffers` (r:1 w:1)
	/// Proof: `Patients::ControlOffers` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	fn offer_control() -> Weight {
		// Proof size: measured `571`, estimated `5577`.
		// Minimum execution time: 33_950_000 picoseconds.
		Weight::from_parts(37_797_000, 5577)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Patients::ControlOffers` (r:1 w:1)
	/// Proof: `Patients::ControlOffers` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientRecords` (r:1 w:1)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(445), added: 2920, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientOf` (r:1 w:2)
	/// Proof: `Patients::PatientOf` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// The range of component `d` is `[0, 8]`.
	fn accept_control(d: u32, ) -> Weight {
		// Proof size: measured `913 + d * (34 ±0)`, estimated `6290`.
		// Minimum execution time: 127_570_000 picoseconds.
		Weight::from_parts(142_664_815, 6290)
			.saturating_add(Weight::from_parts(1_274_390, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `Patients::PatientRecords` (r:1 w:1)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(445), added: 2920, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:11 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Grants` (r:1 w:0)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(1682), added: 4157, mode: `MaxEncodedLen`)
	/// Storage: `Consent::RequestsOf` (r:1 w:0)
	/// Proof: `Consent::RequestsOf` (`max_values`: None, `max_size`: Some(289), added: 2764, mode: `MaxEncodedLen`)
	/// Storage: `Patients::ControlOffers` (r:1 w:1)
	/// Proof: `Patients::ControlOffers` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `Patients::SponsoredCallsOf` (r:0 w:1)
	/// Proof: `Patients::SponsoredCallsOf` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientOf` (r:0 w:1)
	/// Proof: `Patients::PatientOf` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Consent::GrantCount` (r:0 w:1)
	/// Proof: `Consent::GrantCount` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// The range of component `d` is `[0, 8]`.
	fn deactivate_patient(d: u32, ) -> Weight {
		// Proof size: measured `1034 + d * (120 ±0)`, estimated `8799 + d * (2603 ±0)`.
		// Minimum execution time: 93_499_000 picoseconds.
		Weight::from_parts(102_726_770, 8799)
			.saturating_add(Weight::from_parts(5_043_542, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(d.into())))
			.saturating_add(T::DbWeight::get().writes(8_u64))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(d.into()))
	}
}

/// The same weights with RocksDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn admit_organization() -> Weight {
		Weight::from_parts(26_730_000, 3545)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn suspend_organization() -> Weight {
		Weight::from_parts(19_940_000, 5577)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn reactivate_organization() -> Weight {
		Weight::from_parts(20_070_000, 5577)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn add_member(m: u32, ) -> Weight {
		Weight::from_parts(82_609_556, 6044)
			.saturating_add(Weight::from_parts(214_395, 0).saturating_mul(m.into()))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn remove_member(m: u32, ) -> Weight {
		Weight::from_parts(67_873_511, 5577)
			.saturating_add(Weight::from_parts(202_982, 0).saturating_mul(m.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn register_patient() -> Weight {
		Weight::from_parts(83_545_000, 3910)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn register_patient_for() -> Weight {
		Weight::from_parts(84_235_000, 5577)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn set_commitment() -> Weight {
		Weight::from_parts(28_202_000, 5577)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn add_delegate(d: u32, ) -> Weight {
		Weight::from_parts(97_327_450, 6196)
			.saturating_add(Weight::from_parts(755_725, 0).saturating_mul(d.into()))
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn remove_delegate(d: u32, ) -> Weight {
		Weight::from_parts(81_793_876, 6196)
			.saturating_add(Weight::from_parts(1_008_854, 0).saturating_mul(d.into()))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn offer_control() -> Weight {
		Weight::from_parts(37_797_000, 5577)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn accept_control(d: u32, ) -> Weight {
		Weight::from_parts(142_664_815, 6290)
			.saturating_add(Weight::from_parts(1_274_390, 0).saturating_mul(d.into()))
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
	fn deactivate_patient(d: u32, ) -> Weight {
		Weight::from_parts(102_726_770, 8799)
			.saturating_add(Weight::from_parts(5_043_542, 0).saturating_mul(d.into()))
			.saturating_add(RocksDbWeight::get().reads(9_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(d.into())))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(d.into()))
	}
}
