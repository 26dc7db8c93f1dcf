//! The runtime API to read claims and escrows (`PaymentsApi` in the metadata).

use crate::ClaimId;
use alloc::vec::Vec;
use codec::Codec;
use medchain_primitives::OrgId;

sp_api::decl_runtime_apis! {
	/// Read claims, the open claims of providers and payers, and payers' escrows.
	pub trait PaymentsApi<Claim, Escrow>
	where
		Claim: Codec,
		Escrow: Codec,
	{
		/// The claim with this id: its lines, status, amounts and payments.
		fn claim(claim: ClaimId) -> Option<Claim>;
		/// A page (at most 100) of a provider's open claims (undecided, or approved and not paid
		/// in full), after `start_after`.
		fn open_claims_of_provider(provider: OrgId, start_after: Option<ClaimId>, limit: u32) -> Vec<ClaimId>;
		/// A page (at most 100) of the claims waiting for a payer (to decide or to pay), after
		/// `start_after`.
		fn open_claims_of_payer(payer: OrgId, start_after: Option<ClaimId>, limit: u32) -> Vec<ClaimId>;
		/// A payer's escrow: who funds it, how much it holds, how much is committed.
		fn escrow(payer: OrgId) -> Option<Escrow>;
	}
}
