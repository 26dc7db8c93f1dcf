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
	/// - A patient in custody is sponsored by its custodian, and every sponsor exists; a
	///   deactivated patient has none, and only active sponsored patients have sponsored calls
	///   counted.
	/// - Every account that is a patient's own key, a delegate or offered control exists without
	///   a balance: its sufficients count at least its roles.
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
		let mut roles = BTreeMap::<T::AccountId, u32>::new();
		let mut count_role = |who: &T::AccountId| {
			let count = roles.entry(who.clone()).or_default();
			*count = count.saturating_add(1);
		};
		for (patient, record) in PatientRecords::<T>::iter() {
			match record.status {
				PatientStatus::Active => {
					ensure!(record.control != Control::Erased, "active patient without control");
					if let Control::Own(key) = &record.control {
						ensure!(
							PatientOf::<T>::get(key) == Some(patient),
							"patient's own key missing from PatientOf"
						);
						count_role(key);
					}
					if let Control::Custodial(org) = record.control {
						ensure!(record.sponsor == Some(org), "custodian is not the sponsor");
					}
					record.delegates.iter().for_each(|d| count_role(&d.who));
					let payer = Self::payer_of(&record).map_err(|_| "sponsor not found")?;
					let total = patient_deposits.entry(payer).or_default();
					*total = total.saturating_add(record.deposit);
				}
				PatientStatus::Deactivated => {
					ensure!(
						record.commitment.is_none()
							&& record.control == Control::Erased
							&& record.delegates.is_empty()
							&& record.deposit == Default::default()
							&& record.sponsor.is_none(),
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
		for (patient, offer) in ControlOffers::<T>::iter() {
			ensure!(
				PatientRecords::<T>::get(patient)
					.is_some_and(|p| p.status == PatientStatus::Active),
				"control offer for inactive patient"
			);
			count_role(&offer.to);
		}
		for (who, count) in roles {
			ensure!(
				frame_system::Pallet::<T>::account(&who).sufficients >= count,
				"a patient's account counts fewer sufficients than roles"
			);
		}
		for patient in SponsoredCallsOf::<T>::iter_keys() {
			ensure!(
				PatientRecords::<T>::get(patient)
					.is_some_and(|p| p.status == PatientStatus::Active && p.sponsor.is_some()),
				"sponsored calls counted for a patient without a sponsor"
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
