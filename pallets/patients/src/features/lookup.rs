//! What the other pallets ask of identity, through the traits of `medchain-primitives`.

use crate::*;

impl<T: Config> Pallet<T> {
	/// The active organization `who` acts for (as admin or member), and its kind.
	pub fn organization_of(who: &T::AccountId) -> Option<(OrgId, OrgKind)> {
		let org = OrganizationOf::<T>::get(who)?;
		Some((org, Self::active_kind(org)?))
	}

	/// The active organization of `kind` that `who` acts for (as admin or member).
	pub fn acting_for(who: &T::AccountId, kind: OrgKind) -> Option<OrgId> {
		<Self as OrganizationLookup<T::AccountId>>::acting_for(who, kind)
	}

	/// The kind of `org`, if it exists and is active.
	pub fn active_kind(org: OrgId) -> Option<OrgKind> {
		Organizations::<T>::get(org).filter(|o| o.status == OrgStatus::Active).map(|o| o.kind)
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

	fn custodian_of(patient: &PatientId) -> Option<OrgId> {
		let record = PatientRecords::<T>::get(patient)?;
		match record.control {
			Control::Custodial(org) if record.status == PatientStatus::Active => Some(org),
			_ => None,
		}
	}

	fn deposit_payer(patient: &PatientId, who: &T::AccountId) -> T::AccountId {
		let now = frame_system::Pallet::<T>::block_number();
		PatientRecords::<T>::get(patient)
			.filter(|record| {
				record.status == PatientStatus::Active
					&& record.sponsor.is_some()
					&& (record.control == Control::Own(who.clone())
						|| record.delegates.iter().any(|d| &d.who == who && d.is_current(&now)))
			})
			.and_then(|record| Self::payer_of(&record).ok())
			.unwrap_or_else(|| who.clone())
	}
}

impl<T: Config> OrganizationLookup<T::AccountId> for Pallet<T> {
	fn organization_of(who: &T::AccountId) -> Option<(OrgId, OrgKind)> {
		Pallet::<T>::organization_of(who)
	}

	fn active_kind(org: OrgId) -> Option<OrgKind> {
		Pallet::<T>::active_kind(org)
	}

	fn is_admin(who: &T::AccountId, org: OrgId) -> bool {
		Organizations::<T>::get(org).is_some_and(|organization| &organization.admin == who)
	}
}
