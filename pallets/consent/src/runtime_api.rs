//! The runtime API to check access and list grants (`ConsentApi` in the metadata).

use crate::{AccessBasis, GrantId, GrantInfo, Grantee};
use alloc::vec::Vec;
use codec::Codec;
use medchain_primitives::{PatientId, Purpose, RecordId};

sp_api::decl_runtime_apis! {
	/// Check access to records and list a patient's grants.
	pub trait ConsentApi<AccountId, BlockNumber, Balance, Scope>
	where
		AccountId: Codec,
		BlockNumber: Codec,
		Balance: Codec,
		Scope: Codec,
	{
		/// May `grantee` access record `record` of `patient` for `purpose` now? On what basis
		/// (a grant, or break-glass); `None`: no.
		fn access(patient: PatientId, grantee: Grantee<AccountId>, record: RecordId, purpose: Purpose) -> Option<AccessBasis>;
		/// A page (at most 100) of a patient's grants with ids after `start_after`, in id order,
		/// each with its status now (pending, active or expired).
		fn grants_of(patient: PatientId, start_after: Option<GrantId>, limit: u32) -> Vec<GrantInfo<AccountId, BlockNumber, Balance, Scope>>;
	}
}
