//! Weights for `pallet_payments` (replaced by `scripts/benchmark-weights.sh`).

#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// The weight of each call of `pallet_payments`.
pub trait WeightInfo {
	fn submit_claim(l: u32, e: u32) -> Weight;
	fn withdraw_claim() -> Weight;
	fn approve_claim(l: u32) -> Weight;
	fn deny_claim() -> Weight;
	fn appeal_denial() -> Weight;
	fn settle_claim() -> Weight;
	fn pay_patient_share() -> Weight;
	fn fund_escrow() -> Weight;
	fn release_escrow() -> Weight;
	fn flag_overdue(n: u32) -> Weight;
}

/// Weights measured on the benchmark machine, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn submit_claim(_l: u32, _e: u32) -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn withdraw_claim() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn approve_claim(_l: u32) -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn deny_claim() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn appeal_denial() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn settle_claim() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn pay_patient_share() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn fund_escrow() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn release_escrow() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn flag_overdue(_n: u32) -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
}

// For tests.
impl WeightInfo for () {
	fn submit_claim(_l: u32, _e: u32) -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(RocksDbWeight::get().reads_writes(8, 8))
	}
	fn withdraw_claim() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(RocksDbWeight::get().reads_writes(8, 8))
	}
	fn approve_claim(_l: u32) -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(RocksDbWeight::get().reads_writes(8, 8))
	}
	fn deny_claim() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(RocksDbWeight::get().reads_writes(8, 8))
	}
	fn appeal_denial() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(RocksDbWeight::get().reads_writes(8, 8))
	}
	fn settle_claim() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(RocksDbWeight::get().reads_writes(8, 8))
	}
	fn pay_patient_share() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(RocksDbWeight::get().reads_writes(8, 8))
	}
	fn fund_escrow() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(RocksDbWeight::get().reads_writes(8, 8))
	}
	fn release_escrow() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(RocksDbWeight::get().reads_writes(8, 8))
	}
	fn flag_overdue(_n: u32) -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(RocksDbWeight::get().reads_writes(8, 8))
	}
}
