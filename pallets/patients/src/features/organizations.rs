//! Admitting, suspending and reactivating organizations; managing their members.

use crate::*;
use frame_support::{
	ensure,
	pallet_prelude::{DispatchError, DispatchResult},
	traits::{fungible::MutateHold, tokens::Precision, Get},
};
use sp_runtime::traits::{CheckedAdd, Saturating};
use sp_runtime::SaturatedConversion;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_admit_organization(admin: T::AccountId, kind: OrgKind) -> DispatchResult {
		ensure!(!OrganizationOf::<T>::contains_key(&admin), Error::<T>::AlreadyInOrganization);
		// A patient's own key acts for no organization (`do_register_patient`).
		ensure!(!PatientOf::<T>::contains_key(&admin), Error::<T>::AlreadyPatient);
		let org = NextOrgId::<T>::get();
		let next = org.checked_add(1).ok_or(sp_runtime::ArithmeticError::Overflow)?;
		Organizations::<T>::insert(
			org,
			Organization::<T> {
				admin: admin.clone(),
				kind,
				status: OrgStatus::Active,
				members: Default::default(),
				deposit: Default::default(),
			},
		);
		T::Admins::joined(&admin).map_err(|_| Error::<T>::TooManyActiveOrganizations)?;
		OrganizationOf::<T>::insert(&admin, org);
		NextOrgId::<T>::put(next);
		Self::deposit_event(Event::OrganizationAdmitted { org, admin, kind });
		Ok(())
	}

	pub(crate) fn do_set_organization_status(org: OrgId, status: OrgStatus) -> DispatchResult {
		Organizations::<T>::try_mutate(org, |maybe| {
			let organization = maybe.as_mut().ok_or(Error::<T>::OrganizationNotFound)?;
			ensure!(
				organization.status != status,
				match status {
					OrgStatus::Active => Error::<T>::OrganizationAlreadyActive,
					OrgStatus::Suspended => Error::<T>::OrganizationNotActive,
				}
			);
			match status {
				OrgStatus::Active => T::Admins::joined(&organization.admin)
					.map_err(|_| Error::<T>::TooManyActiveOrganizations)?,
				OrgStatus::Suspended => T::Admins::left(&organization.admin)
					.map_err(|_| Error::<T>::LastActiveOrganization)?,
			}
			organization.status = status;
			Ok::<_, DispatchError>(())
		})?;
		Self::deposit_event(match status {
			OrgStatus::Active => Event::OrganizationReactivated { org },
			OrgStatus::Suspended => Event::OrganizationSuspended { org },
		});
		Ok(())
	}

	/// Returns how many members the organization had before.
	pub(crate) fn do_add_member(
		admin: T::AccountId,
		member: T::AccountId,
	) -> Result<u32, DispatchError> {
		let org = OrganizationOf::<T>::get(&admin).ok_or(Error::<T>::NotOrganizationAdmin)?;
		ensure!(!OrganizationOf::<T>::contains_key(&member), Error::<T>::AlreadyInOrganization);
		ensure!(!PatientOf::<T>::contains_key(&member), Error::<T>::AlreadyPatient);
		let before = Organizations::<T>::try_mutate(org, |maybe| {
			let organization = maybe.as_mut().ok_or(Error::<T>::OrganizationNotFound)?;
			ensure!(organization.admin == admin, Error::<T>::NotOrganizationAdmin);
			ensure!(organization.status == OrgStatus::Active, Error::<T>::OrganizationNotActive);
			let before = organization.members.len();
			organization
				.members
				.try_push(member.clone())
				.map_err(|_| Error::<T>::TooManyMembers)?;
			let deposit = T::MemberDeposit::get();
			organization.deposit = organization
				.deposit
				.checked_add(&deposit)
				.ok_or(sp_runtime::ArithmeticError::Overflow)?;
			T::Currency::hold(&HoldReason::OrganizationMembers.into(), &admin, deposit)
				.map_err(|_| Error::<T>::InsufficientDeposit)?;
			Ok::<_, DispatchError>(before)
		})?;
		OrganizationOf::<T>::insert(&member, org);
		Self::deposit_event(Event::MemberAdded { org, member });
		Ok(before.saturated_into())
	}

	/// Returns how many members the organization had before.
	pub(crate) fn do_remove_member(
		who: T::AccountId,
		member: T::AccountId,
	) -> Result<u32, DispatchError> {
		let org = OrganizationOf::<T>::get(&member).ok_or(Error::<T>::NotMember)?;
		let before = Organizations::<T>::try_mutate(org, |maybe| {
			let organization = maybe.as_mut().ok_or(Error::<T>::OrganizationNotFound)?;
			ensure!(who == member || who == organization.admin, Error::<T>::NotOrganizationAdmin);
			let before = organization.members.len();
			ensure!(organization.members.contains(&member), Error::<T>::NotMember);
			organization.members.retain(|m| m != &member);
			let deposit = T::MemberDeposit::get().min(organization.deposit);
			organization.deposit = organization.deposit.saturating_sub(deposit);
			T::Currency::release(
				&HoldReason::OrganizationMembers.into(),
				&organization.admin,
				deposit,
				Precision::BestEffort,
			)?;
			Ok::<_, DispatchError>(before)
		})?;
		OrganizationOf::<T>::remove(&member);
		Self::deposit_event(Event::MemberRemoved { org, member });
		Ok(before.saturated_into())
	}
}
