//! Paged listings of the ids a pallet indexes under a key, as the runtime APIs serve them.

use alloc::vec::Vec;
use codec::FullCodec;
use frame_support::storage::IterableStorageDoubleMap;

/// The most ids one page of a listing returns.
pub const MAX_PAGE: u32 = 100;

/// Up to `limit` (at most [`MAX_PAGE`]) of the ids that the index `M` holds under `key`,
/// after `start_after` in the index's order; pass the last id of a page to get the next.
pub fn page<M, K, Id>(key: K, start_after: Option<Id>, limit: u32) -> Vec<Id>
where
	M: IterableStorageDoubleMap<K, Id, ()>,
	K: FullCodec + Copy,
	Id: FullCodec,
{
	let ids = match start_after {
		Some(after) => M::iter_key_prefix_from(key, M::hashed_key_for(key, after)),
		None => M::iter_key_prefix(key),
	};
	ids.take(limit.min(MAX_PAGE) as usize).collect()
}
