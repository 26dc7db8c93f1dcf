// This file is part of Medchain. Licensed under the Apache License, Version 2.0.

//! Weights for `pallet_payments`, generated from its benchmarks by `scripts/benchmark-weights.sh`.
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
	/// Proof: `Records::RecordByHash` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	/// Storage: `Records::Anchors` (r:8 w:0)
	/// Proof: `Records::Anchors` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Grants` (r:1 w:0)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(1650), added: 4125, mode: `MaxEncodedLen`)
	/// Storage: `Payments::NextClaimId` (r:1 w:1)
	/// Proof: `Payments::NextClaimId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Payments::DueClaims` (r:1 w:1)
	/// Proof: `Payments::DueClaims` (`max_values`: None, `max_size`: Some(4110), added: 6585, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfPayer` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfPayer` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfProvider` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfProvider` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Payments::Claims` (r:0 w:1)
	/// Proof: `Payments::Claims` (`max_values`: None, `max_size`: Some(1861), added: 4336, mode: `MaxEncodedLen`)
	/// The range of component `l` is `[1, 32]`.
	/// The range of component `e` is `[0, 8]`.
	fn submit_claim(l: u32, e: u32, ) -> Weight {
		// Proof size: measured `5246 + e * (206 ±0)`, estimated `10164 + e * (2668 ±0)`.
		// Minimum execution time: 36_535_000 picoseconds.
		Weight::from_parts(39_449_692, 10164)
			.saturating_add(Weight::from_parts(125_407, 0).saturating_mul(l.into()))
			.saturating_add(Weight::from_parts(11_366_152, 0).saturating_mul(e.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(e.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(Weight::from_parts(0, 2668).saturating_mul(e.into()))
	}
	/// Storage: `Payments::Claims` (r:1 w:1)
	/// Proof: `Payments::Claims` (`max_values`: None, `max_size`: Some(1861), added: 4336, mode: `MaxEncodedLen`)
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfPayer` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfPayer` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfProvider` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfProvider` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn withdraw_claim() -> Weight {
		// Proof size: measured `1716`, estimated `5577`.
		// Minimum execution time: 20_691_000 picoseconds.
		Weight::from_parts(22_043_000, 5577)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Payments::Claims` (r:1 w:1)
	/// Proof: `Payments::Claims` (`max_values`: None, `max_size`: Some(1861), added: 4336, mode: `MaxEncodedLen`)
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Payments::Escrows` (r:1 w:1)
	/// Proof: `Payments::Escrows` (`max_values`: None, `max_size`: Some(76), added: 2551, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfPayer` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfPayer` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfProvider` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfProvider` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// The range of component `l` is `[1, 32]`.
	fn approve_claim(l: u32, ) -> Weight {
		// Proof size: measured `924 + l * (29 ±0)`, estimated `5577`.
		// Minimum execution time: 25_999_000 picoseconds.
		Weight::from_parts(27_310_837, 5577)
			.saturating_add(Weight::from_parts(31_507, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Payments::Claims` (r:1 w:1)
	/// Proof: `Payments::Claims` (`max_values`: None, `max_size`: Some(1861), added: 4336, mode: `MaxEncodedLen`)
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfPayer` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfPayer` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfProvider` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfProvider` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn deny_claim() -> Weight {
		// Proof size: measured `1753`, estimated `5577`.
		// Minimum execution time: 21_683_000 picoseconds.
		Weight::from_parts(22_965_000, 5577)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Payments::Claims` (r:1 w:1)
	/// Proof: `Payments::Claims` (`max_values`: None, `max_size`: Some(1861), added: 4336, mode: `MaxEncodedLen`)
	/// Storage: `Patients::OrganizationOf` (r:1 w:0)
	/// Proof: `Patients::OrganizationOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Patients::Organizations` (r:1 w:0)
	/// Proof: `Patients::Organizations` (`max_values`: None, `max_size`: Some(2112), added: 4587, mode: `MaxEncodedLen`)
	/// Storage: `Payments::DueClaims` (r:1 w:1)
	/// Proof: `Payments::DueClaims` (`max_values`: None, `max_size`: Some(4110), added: 6585, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfPayer` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfPayer` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfProvider` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfProvider` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn appeal_denial() -> Weight {
		// Proof size: measured `5804`, estimated `7575`.
		// Minimum execution time: 29_124_000 picoseconds.
		Weight::from_parts(30_896_000, 7575)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Payments::Claims` (r:1 w:1)
	/// Proof: `Payments::Claims` (`max_values`: None, `max_size`: Some(1861), added: 4336, mode: `MaxEncodedLen`)
	/// Storage: `Payments::Escrows` (r:1 w:1)
	/// Proof: `Payments::Escrows` (`max_values`: None, `max_size`: Some(76), added: 2551, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfPayer` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfPayer` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfProvider` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfProvider` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn settle_claim() -> Weight {
		// Proof size: measured `2267`, estimated `6196`.
		// Minimum execution time: 54_792_000 picoseconds.
		Weight::from_parts(57_015_000, 6196)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Payments::Claims` (r:1 w:1)
	/// Proof: `Payments::Claims` (`max_values`: None, `max_size`: Some(1861), added: 4336, mode: `MaxEncodedLen`)
	/// Storage: `Patients::PatientRecords` (r:1 w:0)
	/// Proof: `Patients::PatientRecords` (`max_values`: None, `max_size`: Some(440), added: 2915, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfPayer` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfPayer` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Payments::OpenClaimsOfProvider` (r:0 w:1)
	/// Proof: `Payments::OpenClaimsOfProvider` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn pay_patient_share() -> Weight {
		// Proof size: measured `2315`, estimated `6196`.
		// Minimum execution time: 55_313_000 picoseconds.
		Weight::from_parts(57_726_000, 6196)
			.saturating_add(T::DbWeight::get().reads(4_u64))
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
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	fn fund_escrow() -> Weight {
		// Proof size: measured `908`, estimated `5577`.
		// Minimum execution time: 54_221_000 picoseconds.
		Weight::from_parts(56_745_000, 5577)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Payments::Escrows` (r:1 w:1)
	/// Proof: `Payments::Escrows` (`max_values`: None, `max_size`: Some(76), added: 2551, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	fn release_escrow() -> Weight {
		// Proof size: measured `408`, estimated `3604`.
		// Minimum execution time: 38_678_000 picoseconds.
		Weight::from_parts(40_090_000, 3604)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Measured with the due lists `DueQueue` replaced; charged here as the queue costs: for
	/// each entry, a read and a removal of the `DueQueue` entry and a read and a write of the
	/// claim, until `scripts/benchmark-weights.sh` measures it again.
	/// Storage: `Payments::DueQueueBounds` (r:1 w:1)
	/// Proof: `Payments::DueClaims` (`max_values`: None, `max_size`: Some(4110), added: 6585, mode: `MaxEncodedLen`)
	/// Storage: `Payments::Claims` (r:512 w:512)
	/// Proof: `Payments::Claims` (`max_values`: None, `max_size`: Some(1861), added: 4336, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 512]`.
	fn flag_overdue(n: u32, ) -> Weight {
		// Proof size: measured `1218 + n * (59 ±0)`, estimated `7575 + n * (4336 ±0)`.
		// Minimum execution time: 2_594_000 picoseconds.
		Weight::from_parts(2_734_000, 7575)
			.saturating_add(Weight::from_parts(6_014_444, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 4336).saturating_mul(n.into()))
	}
	fn set_payee() -> Weight {
		Weight::from_parts(25_000_000, 5577)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
}

/// The same weights with RocksDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn submit_claim(l: u32, e: u32, ) -> Weight {
		Weight::from_parts(39_449_692, 10164)
			.saturating_add(Weight::from_parts(125_407, 0).saturating_mul(l.into()))
			.saturating_add(Weight::from_parts(11_366_152, 0).saturating_mul(e.into()))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(e.into())))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
			.saturating_add(Weight::from_parts(0, 2668).saturating_mul(e.into()))
	}
	fn withdraw_claim() -> Weight {
		Weight::from_parts(22_043_000, 5577)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn approve_claim(l: u32, ) -> Weight {
		Weight::from_parts(27_310_837, 5577)
			.saturating_add(Weight::from_parts(31_507, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn deny_claim() -> Weight {
		Weight::from_parts(22_965_000, 5577)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn appeal_denial() -> Weight {
		Weight::from_parts(30_896_000, 7575)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn settle_claim() -> Weight {
		Weight::from_parts(57_015_000, 6196)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn pay_patient_share() -> Weight {
		Weight::from_parts(57_726_000, 6196)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn fund_escrow() -> Weight {
		Weight::from_parts(56_745_000, 5577)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn release_escrow() -> Weight {
		Weight::from_parts(40_090_000, 3604)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn flag_overdue(n: u32, ) -> Weight {
		Weight::from_parts(2_734_000, 7575)
			.saturating_add(Weight::from_parts(6_014_444, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 4336).saturating_mul(n.into()))
	}
	fn set_payee() -> Weight {
		Weight::from_parts(25_000_000, 5577)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
}
