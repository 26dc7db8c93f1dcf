//! A check for the pallets' `try_state`: what each account holds for a pallet's reason is what
//! the pallet's storage says it should, for every account of the chain, so a hold left on an
//! account the pallet no longer knows of (a leaked deposit) fails as well as a wrong amount.

use alloc::collections::btree_map::BTreeMap;

/// Whether each of `accounts` (every account of the chain) holds, as `held` reads it, what
/// `expected` says (nothing, for an account it does not name), and every account `expected`
/// says holds something is among them.
pub fn every_hold_expected<AccountId: Ord, Balance: PartialEq + Default + Clone>(
	accounts: impl IntoIterator<Item = AccountId>,
	expected: &BTreeMap<AccountId, Balance>,
	held: impl Fn(&AccountId) -> Balance,
) -> bool {
	let nothing = Balance::default();
	let mut visited = 0usize;
	for who in accounts {
		let want = expected.get(&who).cloned().unwrap_or_default();
		if held(&who) != want {
			return false;
		}
		visited = visited.saturating_add(usize::from(want != nothing));
	}
	visited == expected.values().filter(|amount| **amount != nothing).count()
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_wrong_a_leaked_or_an_unvisited_hold_fails() {
		let expected = BTreeMap::from([(1u64, 5u64)]);
		let holds = |map: BTreeMap<u64, u64>| move |who: &u64| map.get(who).copied().unwrap_or(0);
		assert!(every_hold_expected([1, 2], &expected, holds(BTreeMap::from([(1, 5)]))));
		assert!(!every_hold_expected([1, 2], &expected, holds(BTreeMap::from([(1, 4)]))));
		// Account 2 holds something the pallet does not know of.
		assert!(!every_hold_expected([1, 2], &expected, holds(BTreeMap::from([(1, 5), (2, 1)]))));
		// The expected holder is not an account at all.
		assert!(!every_hold_expected([2], &expected, holds(BTreeMap::from([(1, 5)]))));
		// Expecting nothing of an account that is not one is fine.
		let nothing = BTreeMap::from([(1u64, 5u64), (3, 0)]);
		assert!(every_hold_expected([1, 2], &nothing, holds(BTreeMap::from([(1, 5)]))));
	}
}
