// This file is part of Medchain. Licensed under the Apache License, Version 2.0.

//! Weights for `pallet_patients`, generated from its benchmarks by `scripts/benchmark-weights.sh`.
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
	/// Storage: `Patients::NextOrgId` (r:1 w:1)
	/// Proof: `Patients::NextOrgId` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:0 w:1)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	fn admit_organization() -> Weight {
		// Proof size: measured `249`, estimated `3517`.
		// Minimum execution time: 11_938_000 picoseconds.
		Weight::from_parts(12_789_000, 3517)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Patients::Organizations` (r:1 w:1)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	fn suspend_organization() -> Weight {
		// Proof size: measured `272`, estimated `5577`.
		// Minimum execution time: 8_082_000 picoseconds.
		Weight::from_parts(8_914_000, 5577)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Patients::Organizations` (r:1 w:1)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	fn reactivate_organization() -> Weight {
		// Proof size: measured `272`, estimated `5577`.
		// Minimum execution time: 8_092_000 picoseconds.
		Weight::from_parts(8_924_000, 5577)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Patients::OrganizationOf` (r:2 w:1)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:1)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// The range of component `m` is `[0, 63]`.
	fn add_member(m: u32, ) -> Weight {
		// Proof size: measured `845 + m * (39 ±0)`, estimated `6044`.
		// Minimum execution time: 50_315_000 picoseconds.
		Weight::from_parts(56_006_490, 6044)
			.saturating_add(Weight::from_parts(146_060, 0).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Patients::OrganizationOf` (r:1 w:1)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:1)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// The range of component `m` is `[1, 64]`.
	fn remove_member(m: u32, ) -> Weight {
		// Proof size: measured `853 + m * (38 ±0)`, estimated `5577`.
		// Minimum execution time: 43_996_000 picoseconds.
		Weight::from_parts(47_431_948, 5577)
			.saturating_add(Weight::from_parts(138_384, 0).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Patients::PatientOf` (r:1 w:1)
	/// Proof: `Patients::PatientOf` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientCount` (r:1 w:1)
	/// Proof: `Patients::PatientCount` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientRecords` (r:1 w:1)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(440), added: 2915, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	fn register_patient() -> Weight {
		// Proof size: measured `442`, estimated `3905`.
		// Minimum execution time: 51_597_000 picoseconds.
		Weight::from_parts(55_052_000, 3905)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientCount` (r:1 w:1)
	/// Proof: `Patients::PatientCount` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientRecords` (r:1 w:1)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(440), added: 2915, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	fn register_patient_for() -> Weight {
		// Proof size: measured `655`, estimated `5577`.
		// Minimum execution time: 56_264_000 picoseconds.
		Weight::from_parts(59_629_000, 5577)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Patients::PatientRecords` (r:1 w:1)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(440), added: 2915, mode: `MaxEncodedLen`)
	fn set_commitment() -> Weight {
		// Proof size: measured `313`, estimated `3905`.
		// Minimum execution time: 10_515_000 picoseconds.
		Weight::from_parts(11_227_000, 3905)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Patients::PatientRecords` (r:1 w:1)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(440), added: 2915, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// The range of component `d` is `[0, 7]`.
	fn add_delegate(d: u32, ) -> Weight {
		// Proof size: measured `543 + d * (34 ±0)`, estimated `3905`.
		// Minimum execution time: 48_853_000 picoseconds.
		Weight::from_parts(51_134_229, 3905)
			.saturating_add(Weight::from_parts(37_216, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Patients::PatientRecords` (r:1 w:1)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(440), added: 2915, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// The range of component `d` is `[1, 8]`.
	fn remove_delegate(d: u32, ) -> Weight {
		// Proof size: measured `543 + d * (34 ±0)`, estimated `3905`.
		// Minimum execution time: 42_203_000 picoseconds.
		Weight::from_parts(43_918_566, 3905)
			.saturating_add(Weight::from_parts(30_767, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Patients::PatientRecords` (r:1 w:0)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(440), added: 2915, mode: `MaxEncodedLen`)
	/// Storage: `Patients::ControlOffers` (r:0 w:1)
	/// Proof: `Patients::ControlOffers` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	fn offer_control() -> Weight {
		// Proof size: measured `313`, estimated `3905`.
		// Minimum execution time: 10_155_000 picoseconds.
		Weight::from_parts(10_987_000, 3905)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Patients::ControlOffers` (r:1 w:1)
	/// Proof: `Patients::ControlOffers` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientRecords` (r:1 w:1)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(440), added: 2915, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientOf` (r:1 w:1)
	/// Proof: `Patients::PatientOf` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// The range of component `d` is `[0, 8]`.
	fn accept_control(d: u32, ) -> Weight {
		// Proof size: measured `916 + d * (34 ±0)`, estimated `6218`.
		// Minimum execution time: 89_553_000 picoseconds.
		Weight::from_parts(92_519_011, 6218)
			.saturating_add(Weight::from_parts(112_465, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Patients::PatientRecords` (r:1 w:1)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(440), added: 2915, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientOf` (r:0 w:1)
	/// Proof: `Patients::PatientOf` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Patients::ControlOffers` (r:0 w:1)
	/// Proof: `Patients::ControlOffers` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// The range of component `d` is `[0, 8]`.
	fn deactivate_patient(d: u32, ) -> Weight {
		// Proof size: measured `543 + d * (34 ±0)`, estimated `3905`.
		// Minimum execution time: 41_803_000 picoseconds.
		Weight::from_parts(44_848_284, 3905)
			.saturating_add(Weight::from_parts(84_047, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
}

/// The same weights with RocksDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn admit_organization() -> Weight {
		Weight::from_parts(12_789_000, 3517)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn suspend_organization() -> Weight {
		Weight::from_parts(8_914_000, 5577)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn reactivate_organization() -> Weight {
		Weight::from_parts(8_924_000, 5577)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn add_member(m: u32, ) -> Weight {
		Weight::from_parts(56_006_490, 6044)
			.saturating_add(Weight::from_parts(146_060, 0).saturating_mul(m.into()))
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn remove_member(m: u32, ) -> Weight {
		Weight::from_parts(47_431_948, 5577)
			.saturating_add(Weight::from_parts(138_384, 0).saturating_mul(m.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn register_patient() -> Weight {
		Weight::from_parts(55_052_000, 3905)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn register_patient_for() -> Weight {
		Weight::from_parts(59_629_000, 5577)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn set_commitment() -> Weight {
		Weight::from_parts(11_227_000, 3905)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn add_delegate(d: u32, ) -> Weight {
		Weight::from_parts(51_134_229, 3905)
			.saturating_add(Weight::from_parts(37_216, 0).saturating_mul(d.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn remove_delegate(d: u32, ) -> Weight {
		Weight::from_parts(43_918_566, 3905)
			.saturating_add(Weight::from_parts(30_767, 0).saturating_mul(d.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn offer_control() -> Weight {
		Weight::from_parts(10_987_000, 3905)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn accept_control(d: u32, ) -> Weight {
		Weight::from_parts(92_519_011, 6218)
			.saturating_add(Weight::from_parts(112_465, 0).saturating_mul(d.into()))
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn deactivate_patient(d: u32, ) -> Weight {
		Weight::from_parts(44_848_284, 3905)
			.saturating_add(Weight::from_parts(84_047, 0).saturating_mul(d.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
}
