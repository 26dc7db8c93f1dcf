// This file is part of Medchain. Licensed under the Apache License, Version 2.0.

//! Weights for `pallet_payments`, generated from its benchmarks by `scripts/benchmark-weights.sh`.
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
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(440), added: 2915, mode: `MaxEncodedLen`)
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
	/// Proof: `Payments::Claims` (`max_values`: None, `max_size`: Some(1849), added: 4324, mode: `MaxEncodedLen`)
	/// The range of component `l` is `[1, 32]`.
	/// The range of component `e` is `[1, 8]`.
	fn submit_claim(l: u32, e: u32, ) -> Weight {
		// Proof size: measured `1270 + e * (236 ±0)`, estimated `10164 + e * (2668 ±0)`.
		// Minimum execution time: 93_979_000 picoseconds.
		Weight::from_parts(85_432_572, 10164)
			.saturating_add(Weight::from_parts(15_919, 0).saturating_mul(l.into()))
			.saturating_add(Weight::from_parts(18_186_715, 0).saturating_mul(e.into()))
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
	/// Proof: `Payments::Claims` (`max_values`: None, `max_size`: Some(1849), added: 4324, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfPayer` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfPayer` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfProvider` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfProvider` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn withdraw_claim() -> Weight {
		// Proof size: measured `1744`, estimated `5577`.
		// Minimum execution time: 41_480_000 picoseconds.
		Weight::from_parts(45_449_000, 5577)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Payments::Claims` (r:1 w:1)
	/// Proof: `Payments::Claims` (`max_values`: None, `max_size`: Some(1849), added: 4324, mode: `MaxEncodedLen`)
	/// Storage: `Payments::Escrows` (r:1 w:1)
	/// Proof: `Payments::Escrows` (`max_values`: None, `max_size`: Some(76), added: 2551, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfPayer` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfPayer` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfProvider` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfProvider` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// The range of component `l` is `[1, 32]`.
	fn approve_claim(l: u32, ) -> Weight {
		// Proof size: measured `952 + l * (29 ±0)`, estimated `5577`.
		// Minimum execution time: 50_675_000 picoseconds.
		Weight::from_parts(54_799_689, 5577)
			.saturating_add(Weight::from_parts(144_575, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Payments::Claims` (r:1 w:1)
	/// Proof: `Payments::Claims` (`max_values`: None, `max_size`: Some(1849), added: 4324, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfPayer` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfPayer` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfProvider` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfProvider` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn deny_claim() -> Weight {
		// Proof size: measured `1781`, estimated `5577`.
		// Minimum execution time: 44_954_000 picoseconds.
		Weight::from_parts(50_105_000, 5577)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Payments::Claims` (r:1 w:1)
	/// Proof: `Payments::Claims` (`max_values`: None, `max_size`: Some(1849), added: 4324, mode: `MaxEncodedLen`)
	/// Storage: `Payments::DueQueueBounds` (r:1 w:1)
	/// Proof: `Payments::DueQueueBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfPayer` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfPayer` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfProvider` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfProvider` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Payments::DueQueue` (r:0 w:1)
	/// Proof: `Payments::DueQueue` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn appeal_denial() -> Weight {
		// Proof size: measured `1712`, estimated `5577`.
		// Minimum execution time: 49_994_000 picoseconds.
		Weight::from_parts(55_345_000, 5577)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Payments::Claims` (r:1 w:1)
	/// Proof: `Payments::Claims` (`max_values`: None, `max_size`: Some(1849), added: 4324, mode: `MaxEncodedLen`)
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
		// Proof size: measured `2790`, estimated `6196`.
		// Minimum execution time: 110_692_000 picoseconds.
		Weight::from_parts(117_230_000, 6196)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Payments::Claims` (r:1 w:1)
	/// Proof: `Payments::Claims` (`max_values`: None, `max_size`: Some(1849), added: 4324, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientRecords` (r:1 w:0)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(440), added: 2915, mode: `MaxEncodedLen`)
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
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
		// Proof size: measured `2690`, estimated `6196`.
		// Minimum execution time: 107_207_000 picoseconds.
		Weight::from_parts(114_078_000, 6196)
			.saturating_add(T::DbWeight::get().reads(6_u64))
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
		// Proof size: measured `908`, estimated `5577`.
		// Minimum execution time: 91_595_000 picoseconds.
		Weight::from_parts(96_512_000, 5577)
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
		// Minimum execution time: 64_480_000 picoseconds.
		Weight::from_parts(68_045_000, 3640)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Payments::DueQueueBounds` (r:1 w:1)
	/// Proof: `Payments::DueQueueBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Payments::DueQueue` (r:512 w:512)
	/// Proof: `Payments::DueQueue` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Payments::Claims` (r:512 w:512)
	/// Proof: `Payments::Claims` (`max_values`: None, `max_size`: Some(1849), added: 4324, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 512]`.
	fn flag_overdue(n: u32, ) -> Weight {
		// Proof size: measured `1299 + n * (83 ±0)`, estimated `3587 + n * (4324 ±0)`.
		// Minimum execution time: 9_313_000 picoseconds.
		Weight::from_parts(9_953_000, 3587)
			.saturating_add(Weight::from_parts(17_923_859, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 4324).saturating_mul(n.into()))
	}
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Payments::Claims` (r:1 w:1)
	/// Proof: `Payments::Claims` (`max_values`: None, `max_size`: Some(1849), added: 4324, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfPayer` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfPayer` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfProvider` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfProvider` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn set_payee() -> Weight {
		// Proof size: measured `1744`, estimated `5577`.
		// Minimum execution time: 47_470_000 picoseconds.
		Weight::from_parts(52_440_000, 5577)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
}

/// The same weights with RocksDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn submit_claim(l: u32, e: u32, ) -> Weight {
		Weight::from_parts(85_432_572, 10164)
			.saturating_add(Weight::from_parts(15_919, 0).saturating_mul(l.into()))
			.saturating_add(Weight::from_parts(18_186_715, 0).saturating_mul(e.into()))
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(e.into())))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
			.saturating_add(Weight::from_parts(0, 2668).saturating_mul(e.into()))
	}
	fn withdraw_claim() -> Weight {
		Weight::from_parts(45_449_000, 5577)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn approve_claim(l: u32, ) -> Weight {
		Weight::from_parts(54_799_689, 5577)
			.saturating_add(Weight::from_parts(144_575, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn deny_claim() -> Weight {
		Weight::from_parts(50_105_000, 5577)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn appeal_denial() -> Weight {
		Weight::from_parts(55_345_000, 5577)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn settle_claim() -> Weight {
		Weight::from_parts(117_230_000, 6196)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn pay_patient_share() -> Weight {
		Weight::from_parts(114_078_000, 6196)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn fund_escrow() -> Weight {
		Weight::from_parts(96_512_000, 5577)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn release_escrow() -> Weight {
		Weight::from_parts(68_045_000, 3640)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn flag_overdue(n: u32, ) -> Weight {
		Weight::from_parts(9_953_000, 3587)
			.saturating_add(Weight::from_parts(17_923_859, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 4324).saturating_mul(n.into()))
	}
	fn set_payee() -> Weight {
		Weight::from_parts(52_440_000, 5577)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
}
