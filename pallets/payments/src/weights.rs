// This file is part of Medchain. Licensed under the Apache License, Version 2.0.

//! Weights for `pallet_payments`, generated from its benchmarks by `scripts/benchmark-weights.sh`.
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
//! pallet_payments
//! --template
//! scripts/pallet-weight-template.hbs
//! --output
//! pallets/payments/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]
#![allow(clippy::arithmetic_side_effects)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// The weight of each call of `pallet_payments`.
pub trait WeightInfo {
	fn submit_claim(l: u32, e: u32, ) -> Weight;
	fn withdraw_claim() -> Weight;
	fn approve_claim(l: u32, ) -> Weight;
	fn deny_claim() -> Weight;
	fn appeal_denial() -> Weight;
	fn settle_claim() -> Weight;
	fn pay_patient_share() -> Weight;
	fn fund_escrow() -> Weight;
	fn release_escrow() -> Weight;
	fn flag_overdue(n: u32, ) -> Weight;
	fn set_payee() -> Weight;
}

/// Weights measured on the benchmark machine, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:2 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientRecords` (r:1 w:0)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(445), added: 2920, mode: `MaxEncodedLen`)
	/// Storage: `Records::RecordByHash` (r:8 w:0)
	/// Proof: `Records::RecordByHash` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Records::Anchors` (r:8 w:0)
	/// Proof: `Records::Anchors` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Grants` (r:1 w:0)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(1682), added: 4157, mode: `MaxEncodedLen`)
	/// Storage: `Payments::NextClaimId` (r:1 w:1)
	/// Proof: `Payments::NextClaimId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Payments::DueQueueBounds` (r:1 w:1)
	/// Proof: `Payments::DueQueueBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfPayer` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfPayer` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfProvider` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfProvider` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Payments::DueQueue` (r:0 w:1)
	/// Proof: `Payments::DueQueue` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Payments::Claims` (r:0 w:1)
	/// Proof: `Payments::Claims` (`max_values`: None, `max_size`: Some(2457), added: 4932, mode: `MaxEncodedLen`)
	/// The range of component `l` is `[1, 32]`.
	/// The range of component `e` is `[1, 8]`.
	fn submit_claim(l: u32, e: u32, ) -> Weight {
		// Proof size: measured `1348 + e * (236 ±0)`, estimated `10164 + e * (2668 ±0)`.
		// Minimum execution time: 84_376_000 picoseconds.
		Weight::from_parts(58_085_038, 10164)
			.saturating_add(Weight::from_parts(574_181, 0).saturating_mul(l.into()))
			.saturating_add(Weight::from_parts(16_831_126, 0).saturating_mul(e.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(e.into())))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(Weight::from_parts(0, 2668).saturating_mul(e.into()))
	}
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Payments::Claims` (r:1 w:1)
	/// Proof: `Payments::Claims` (`max_values`: None, `max_size`: Some(2457), added: 4932, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfPayer` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfPayer` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfProvider` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfProvider` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn withdraw_claim() -> Weight {
		// Proof size: measured `2455`, estimated `5922`.
		// Minimum execution time: 42_483_000 picoseconds.
		Weight::from_parts(46_079_000, 5922)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Payments::Claims` (r:1 w:1)
	/// Proof: `Payments::Claims` (`max_values`: None, `max_size`: Some(2457), added: 4932, mode: `MaxEncodedLen`)
	/// Storage: `Payments::Escrows` (r:1 w:1)
	/// Proof: `Payments::Escrows` (`max_values`: None, `max_size`: Some(76), added: 2551, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfPayer` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfPayer` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfProvider` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfProvider` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// The range of component `l` is `[1, 32]`.
	fn approve_claim(l: u32, ) -> Weight {
		// Proof size: measured `981 + l * (48 ±0)`, estimated `5922`.
		// Minimum execution time: 42_132_000 picoseconds.
		Weight::from_parts(47_273_062, 5922)
			.saturating_add(Weight::from_parts(290_132, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Payments::Claims` (r:1 w:1)
	/// Proof: `Payments::Claims` (`max_values`: None, `max_size`: Some(2457), added: 4932, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfPayer` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfPayer` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfProvider` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfProvider` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn deny_claim() -> Weight {
		// Proof size: measured `2418`, estimated `5922`.
		// Minimum execution time: 39_519_000 picoseconds.
		Weight::from_parts(43_355_000, 5922)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Payments::Claims` (r:1 w:1)
	/// Proof: `Payments::Claims` (`max_values`: None, `max_size`: Some(2457), added: 4932, mode: `MaxEncodedLen`)
	/// Storage: `Payments::DueQueueBounds` (r:1 w:1)
	/// Proof: `Payments::DueQueueBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfPayer` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfPayer` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfProvider` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfProvider` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Payments::DueQueue` (r:0 w:1)
	/// Proof: `Payments::DueQueue` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn appeal_denial() -> Weight {
		// Proof size: measured `2423`, estimated `5922`.
		// Minimum execution time: 46_950_000 picoseconds.
		Weight::from_parts(50_925_000, 5922)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Payments::Claims` (r:1 w:1)
	/// Proof: `Payments::Claims` (`max_values`: None, `max_size`: Some(2457), added: 4932, mode: `MaxEncodedLen`)
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Payments::Escrows` (r:1 w:1)
	/// Proof: `Payments::Escrows` (`max_values`: None, `max_size`: Some(76), added: 2551, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfPayer` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfPayer` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfProvider` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfProvider` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn settle_claim() -> Weight {
		// Proof size: measured `3501`, estimated `6196`.
		// Minimum execution time: 100_239_000 picoseconds.
		Weight::from_parts(104_244_000, 6196)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Payments::Claims` (r:1 w:1)
	/// Proof: `Payments::Claims` (`max_values`: None, `max_size`: Some(2457), added: 4932, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientRecords` (r:1 w:0)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(445), added: 2920, mode: `MaxEncodedLen`)
	/// Storage: `Patients::OrganizationOf` (r:2 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfPayer` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfPayer` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfProvider` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfProvider` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn pay_patient_share() -> Weight {
		// Proof size: measured `3412`, estimated `6196`.
		// Minimum execution time: 99_798_000 picoseconds.
		Weight::from_parts(104_415_000, 6196)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Payments::Escrows` (r:1 w:1)
	/// Proof: `Payments::Escrows` (`max_values`: None, `max_size`: Some(76), added: 2551, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	fn fund_escrow() -> Weight {
		// Proof size: measured `937`, estimated `5577`.
		// Minimum execution time: 78_827_000 picoseconds.
		Weight::from_parts(82_342_000, 5577)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Payments::Escrows` (r:1 w:1)
	/// Proof: `Payments::Escrows` (`max_values`: None, `max_size`: Some(76), added: 2551, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	fn release_escrow() -> Weight {
		// Proof size: measured `408`, estimated `3640`.
		// Minimum execution time: 57_305_000 picoseconds.
		Weight::from_parts(60_860_000, 3640)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Payments::DueQueueBounds` (r:1 w:1)
	/// Proof: `Payments::DueQueueBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Payments::DueQueue` (r:512 w:512)
	/// Proof: `Payments::DueQueue` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Payments::Claims` (r:512 w:512)
	/// Proof: `Payments::Claims` (`max_values`: None, `max_size`: Some(2457), added: 4932, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 512]`.
	fn flag_overdue(n: u32, ) -> Weight {
		// Proof size: measured `1907 + n * (83 ±0)`, estimated `3587 + n * (4932 ±0)`.
		// Minimum execution time: 7_561_000 picoseconds.
		Weight::from_parts(7_861_000, 3587)
			.saturating_add(Weight::from_parts(19_991_929, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 4932).saturating_mul(n.into()))
	}
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Payments::Claims` (r:1 w:1)
	/// Proof: `Payments::Claims` (`max_values`: None, `max_size`: Some(2457), added: 4932, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfPayer` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfPayer` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfProvider` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfProvider` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn set_payee() -> Weight {
		// Proof size: measured `2455`, estimated `5922`.
		// Minimum execution time: 46_900_000 picoseconds.
		Weight::from_parts(49_254_000, 5922)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
}

/// The same weights with RocksDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn submit_claim(l: u32, e: u32, ) -> Weight {
		Weight::from_parts(58_085_038, 10164)
			.saturating_add(Weight::from_parts(574_181, 0).saturating_mul(l.into()))
			.saturating_add(Weight::from_parts(16_831_126, 0).saturating_mul(e.into()))
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(e.into())))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
			.saturating_add(Weight::from_parts(0, 2668).saturating_mul(e.into()))
	}
	fn withdraw_claim() -> Weight {
		Weight::from_parts(46_079_000, 5922)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn approve_claim(l: u32, ) -> Weight {
		Weight::from_parts(47_273_062, 5922)
			.saturating_add(Weight::from_parts(290_132, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn deny_claim() -> Weight {
		Weight::from_parts(43_355_000, 5922)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn appeal_denial() -> Weight {
		Weight::from_parts(50_925_000, 5922)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn settle_claim() -> Weight {
		Weight::from_parts(104_244_000, 6196)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn pay_patient_share() -> Weight {
		Weight::from_parts(104_415_000, 6196)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn fund_escrow() -> Weight {
		Weight::from_parts(82_342_000, 5577)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn release_escrow() -> Weight {
		Weight::from_parts(60_860_000, 3640)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn flag_overdue(n: u32, ) -> Weight {
		Weight::from_parts(7_861_000, 3587)
			.saturating_add(Weight::from_parts(19_991_929, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 4932).saturating_mul(n.into()))
	}
	fn set_payee() -> Weight {
		Weight::from_parts(49_254_000, 5922)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
}
