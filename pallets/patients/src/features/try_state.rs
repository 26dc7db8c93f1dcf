//! The pallet's invariants, checked after every test and by `try-runtime`.

use crate::*;
use alloc::collections::btree_map::BTreeMap;
use frame_support::{ensure, traits::fungible::InspectHold};
use medchain_primitives::holds::every_hold_expected;
use sp_runtime::{traits::Saturating, TryRuntimeError};

impl<T: Config> Pallet<T> {
	/// - Every organization's admin and members point back to it in `OrganizationOf`, and every
	///   `OrganizationOf` entry points to an organization that includes the account.
	/// - Every active patient's own key points back to it in `PatientOf`, and every `PatientOf`
	///   entry points to an active patient whose own key is that account.
	/// - Deactivated patients hold no commitment, control, delegates or deposit; active ones
	///   have a controller.
	/// - Custodial patients' custodians exist; `NextOrgId` is above every organization id.
	/// - Deposits equal holds: for each account, what is held for each reason equals the sum of
	///   the deposits it pays for.
	/// - Every control offer is for an active patient.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let next_org = NextOrgId::<T>::get();
		let mut member_deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		for (org, organization) in Organizations::<T>::iter() {
			ensure!(org < next_org, "organization id not below NextOrgId");
			for who in core::iter::once(&organization.admin).chain(organization.members.iter()) {
				ensure!(
					OrganizationOf::<T>::get(who) == Some(org),
					"organization account missing from OrganizationOf"
				);
			}
			let total = member_deposits.entry(organization.admin.clone()).or_default();
			*total = total.saturating_add(organization.deposit);
		}
		for (who, org) in OrganizationOf::<T>::iter() {
			ensure!(
				Organizations::<T>::get(org).is_some_and(|o| o.includes(&who)),
				"OrganizationOf entry without organization"
			);
		}

		let mut patient_deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		for (patient, record) in PatientRecords::<T>::iter() {
			match record.status {
				PatientStatus::Active => {
					ensure!(record.control != Control::Erased, "active patient without control");
					if let Control::Own(key) = &record.control {
						ensure!(
							PatientOf::<T>::get(key) == Some(patient),
							"patient's own key missing from PatientOf"
						);
					}
					let payer =
						Self::payer_of(&record.control).map_err(|_| "custodian not found")?;
					let total = patient_deposits.entry(payer).or_default();
					*total = total.saturating_add(record.deposit);
				}
				PatientStatus::Deactivated => {
					ensure!(
						record.commitment.is_none()
							&& record.control == Control::Erased
							&& record.delegates.is_empty()
							&& record.deposit == Default::default(),
						"deactivated patient keeps data"
					);
				}
			}
		}
		for (who, patient) in PatientOf::<T>::iter() {
			ensure!(
				PatientRecords::<T>::get(patient).is_some_and(|p| {
					p.status == PatientStatus::Active && p.control == Control::Own(who.clone())
				}),
				"PatientOf entry without active patient"
			);
		}
		for (patient, _) in ControlOffers::<T>::iter() {
			ensure!(
				PatientRecords::<T>::get(patient)
					.is_some_and(|p| p.status == PatientStatus::Active),
				"control offer for inactive patient"
			);
		}

		for (reason, deposits) in [
			(HoldReason::OrganizationMembers, member_deposits),
			(HoldReason::PatientRecord, patient_deposits),
		] {
			let reason = reason.into();
			ensure!(
				every_hold_expected(frame_system::Account::<T>::iter_keys(), &deposits, |who| {
					T::Currency::balance_on_hold(&reason, who)
				}),
				"deposits differ from holds"
			);
		}
		Ok(())
	}
}
