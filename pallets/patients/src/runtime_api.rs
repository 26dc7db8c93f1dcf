//! The runtime API to look up patients and organizations (`PatientsApi` in the metadata).

use crate::{OrganizationInfo, PatientInfo};
use codec::Codec;
use frame_support::traits::Get;
use medchain_primitives::{OrgId, PatientId};

sp_api::decl_runtime_apis! {
	/// Look up patients and organizations by id or account.
	///
	/// `MaxMembers` and `MaxDelegates` are the pallet's bounds, as the runtime configures them.
	pub trait PatientsApi<AccountId, Balance, BlockNumber, MaxMembers, MaxDelegates>
	where
		AccountId: Codec + Clone + PartialEq + Eq + core::fmt::Debug,
		Balance: Codec + Clone + PartialEq + Eq + core::fmt::Debug,
		BlockNumber: Codec + Clone + PartialEq + Eq + core::fmt::Debug,
		MaxMembers: Get<u32>,
		MaxDelegates: Get<u32>,
	{
		/// The patient with this id.
		fn patient(id: PatientId) -> Option<PatientInfo<AccountId, Balance, BlockNumber, MaxDelegates>>;
		/// The active patient whose own key `who` is.
		fn patient_of(who: AccountId) -> Option<PatientId>;
		/// The organization with this id.
		fn organization(id: OrgId) -> Option<OrganizationInfo<AccountId, Balance, MaxMembers>>;
		/// The organization `who` acts for (as admin or member), whatever its status.
		fn organization_of(who: AccountId) -> Option<OrgId>;
	}
}
