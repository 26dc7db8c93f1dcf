//! The runtime API to look up patients and organizations (`PatientsApi` in the metadata).

use crate::{OrganizationInfo, PatientInfo};
use codec::Codec;
use medchain_primitives::{OrgId, PatientId};

sp_api::decl_runtime_apis! {
	/// Look up patients and organizations by id or account.
	pub trait PatientsApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// The patient with this id.
		fn patient(id: PatientId) -> Option<PatientInfo<AccountId, Balance, BlockNumber>>;
		/// The active patient whose own key `who` is.
		fn patient_of(who: AccountId) -> Option<PatientId>;
		/// The organization with this id.
		fn organization(id: OrgId) -> Option<OrganizationInfo<AccountId, Balance>>;
		/// The organization `who` acts for (as admin or member), whatever its status.
		fn organization_of(who: AccountId) -> Option<OrgId>;
	}
}
