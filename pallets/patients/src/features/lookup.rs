//! What the other pallets ask of identity, through the traits of `medchain-primitives`.

use crate::*;

impl<T: Config> Pallet<T> {
	/// The active organization of `kind` that `who` acts for (as admin or member).
	pub fn acting_for(who: &T::AccountId, kind: OrgKind) -> Option<OrgId> {
		let org = OrganizationOf::<T>::get(who)?;
		Self::is_active_org(org, kind).then_some(org)
	}

	/// Whether `org` exists, is active and is of `kind`.
	pub fn is_active_org(org: OrgId, kind: OrgKind) -> bool {
		Organizations::<T>::get(org)
			.is_some_and(|o| o.kind == kind && o.status == OrgStatus::Active)
	}
}

impl<T: Config> PatientLookup<T::AccountId> for Pallet<T> {
	fn patient_of(who: &T::AccountId) -> Option<PatientId> {
		PatientOf::<T>::get(who)
	}

	fn is_active_patient(patient: &PatientId) -> bool {
		PatientRecords::<T>::get(patient).is_some_and(|p| p.status == PatientStatus::Active)
	}

	fn can_act_for(patient: &PatientId, who: &T::AccountId, purpose: DelegatePurpose) -> bool {
		let Some(record) = PatientRecords::<T>::get(patient) else { return false };
		if record.status != PatientStatus::Active {
			return false;
		}
		let now = frame_system::Pallet::<T>::block_number();
		Self::controls(&record.control, who)
			|| record.delegates.iter().any(|d| &d.who == who && d.allows_at(&now, purpose))
	}
}

impl<T: Config> OrganizationLookup<T::AccountId> for Pallet<T> {
	fn acting_for(who: &T::AccountId, kind: OrgKind) -> Option<OrgId> {
		Pallet::<T>::acting_for(who, kind)
	}

	fn is_active(org: OrgId, kind: OrgKind) -> bool {
		Pallet::<T>::is_active_org(org, kind)
	}

	fn is_admitted(org: OrgId) -> bool {
		Organizations::<T>::get(org).is_some_and(|o| o.status == OrgStatus::Active)
	}
}
