//! Reading claims back: what the runtime API serves.

use crate::*;
use alloc::vec::Vec;
use medchain_primitives::paging::page;

impl<T: Config> Pallet<T> {
	/// Up to `limit` (at most 100) open claims of `provider` (undecided, or approved and not
	/// paid in full), after `start_after` in the index's order; pass the last id of a page to
	/// get the next one.
	pub fn open_claims_of_provider(
		provider: OrgId,
		start_after: Option<ClaimId>,
		limit: u32,
	) -> Vec<ClaimId> {
		page::<OpenClaimsOfProvider<T>, _, _>(provider, start_after, limit)
	}

	/// Up to `limit` (at most 100) claims waiting for `payer` (to decide or to pay), paged as
	/// [`Self::open_claims_of_provider`].
	pub fn open_claims_of_payer(
		payer: OrgId,
		start_after: Option<ClaimId>,
		limit: u32,
	) -> Vec<ClaimId> {
		page::<OpenClaimsOfPayer<T>, _, _>(payer, start_after, limit)
	}
}
