//! Granting, revoking and removing grants.

use crate::*;
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::DispatchResult,
	traits::{fungible::MutateHold, tokens::Precision, Get},
	BoundedVec,
};
use frame_system::pallet_prelude::{BlockNumberFor, OriginFor};
use medchain_primitives::origins::EnsureOriginWithArgOr;
use sp_runtime::{ArithmeticError, DispatchError};

/// A grant, with the patient and grantee it is stored under.
type LocatedGrant<T> = (PatientId, Grantee<<T as frame_system::Config>::AccountId>, GrantOf<T>);

impl<T: Config> Pallet<T> {
	/// The patient is active and `origin` may manage their consent: the account that signed.
	pub(crate) fn ensure_manages(
		origin: OriginFor<T>,
		patient: &PatientId,
	) -> Result<T::AccountId, DispatchError> {
		ensure!(T::Patients::is_active_patient(patient), Error::<T>::PatientNotActive);
		T::ConsentManagerOrigin::ensure_or(origin, patient, Error::<T>::NotAuthorized)
	}

	/// The active organization `grantee` is or acts for now.
	fn grantee_org(grantee: &Grantee<T::AccountId>) -> Option<OrgId> {
		match grantee {
			Grantee::Organization(org) => T::Organizations::is_admitted(*org).then_some(*org),
			Grantee::Member(account) => {
				T::Organizations::organization_of(account).map(|(org, _)| org)
			}
		}
	}

	/// The scope lists something and the grant would end after it starts.
	pub(crate) fn ensure_valid_terms(
		scope: &ConsentScope<T::MaxScopeItems>,
		starts_at: BlockNumberFor<T>,
		expires_at: Option<BlockNumberFor<T>>,
	) -> DispatchResult {
		ensure!(!scope.is_empty(), Error::<T>::EmptyScope);
		ensure!(expires_at.is_none_or(|end| end > starts_at), Error::<T>::InvalidPeriod);
		Ok(())
	}

	/// A member of the custodian of a patient in custody manages the patient's consent for
	/// care, but may not alone let the patient's records be used for research: only the
	/// custodian's admin grants `Research` for such a patient.
	fn ensure_may_grant_for_research(
		who: &T::AccountId,
		patient: &PatientId,
		purpose: Purpose,
	) -> DispatchResult {
		if purpose != Purpose::Research {
			return Ok(());
		}
		if let Some(custodian) = T::Patients::custodian_of(patient) {
			ensure!(
				T::Organizations::acting_for(who, OrgKind::Provider) != Some(custodian)
					|| T::Organizations::is_admin(who, custodian),
				Error::<T>::NotCustodianAdmin
			);
		}
		Ok(())
	}

	/// Store a grant made by `who` (who may manage the patient's consent); returns its id. The
	/// deposit is held from the patient's sponsor if `who` is the patient's key or a delegate
	/// and the patient has one (`PatientLookup::deposit_payer`), or else from `who`.
	pub(crate) fn do_grant(
		who: T::AccountId,
		patient: PatientId,
		grantee: Grantee<T::AccountId>,
		scope: ConsentScope<T::MaxScopeItems>,
		purpose: Purpose,
		starts_at: Option<BlockNumberFor<T>>,
		expires_at: Option<BlockNumberFor<T>>,
	) -> Result<GrantId, DispatchError> {
		let now = frame_system::Pallet::<T>::block_number();
		let starts_at = starts_at.map_or(now, |start| start.max(now));
		Self::ensure_valid_terms(&scope, starts_at, expires_at)?;
		let org = Self::grantee_org(&grantee).ok_or(Error::<T>::GranteeNotActive)?;
		Self::ensure_may_grant_for_research(&who, &patient, purpose)?;
		let count = GrantCount::<T>::get(patient);
		ensure!(count < T::MaxGrantsPerPatient::get(), Error::<T>::TooManyGrants);
		let id = NextGrantId::<T>::get();
		let deposit = T::GrantDeposit::get();
		let payer = T::Patients::deposit_payer(&patient, &who);
		let mut grants = Grants::<T>::get(patient, &grantee);
		grants
			.try_push(Grant {
				id,
				scope: scope.clone(),
				purpose,
				starts_at,
				expires_at,
				paid_by: payer.clone(),
				deposit,
				org,
			})
			.map_err(|_| Error::<T>::TooManyGrantsForGrantee)?;
		T::Currency::hold(&HoldReason::ConsentGrant.into(), &payer, deposit)?;
		NextGrantId::<T>::put(id.checked_add(1).ok_or(ArithmeticError::Overflow)?);
		GrantCount::<T>::insert(patient, count.checked_add(1).ok_or(ArithmeticError::Overflow)?);
		Grants::<T>::insert(patient, &grantee, grants);
		GrantKeys::<T>::insert(id, (patient, grantee.clone()));
		Self::deposit_event(Event::ConsentGranted {
			grant: id,
			patient,
			grantee,
			org,
			scope,
			purpose,
			starts_at,
			expires_at,
			granted_by: who,
		});
		Ok(id)
	}

	/// The grant `id`, with its patient and grantee.
	fn find_grant(id: GrantId) -> Result<LocatedGrant<T>, DispatchError> {
		let (patient, grantee) = GrantKeys::<T>::get(id).ok_or(Error::<T>::GrantNotFound)?;
		let grant = Grants::<T>::get(patient, &grantee)
			.into_iter()
			.find(|grant| grant.id == id)
			.ok_or(Error::<T>::GrantNotFound)?;
		Ok((patient, grantee, grant))
	}

	/// Remove the grant `id` of `patient` to `grantee` and release its deposit.
	fn remove_grant(
		id: GrantId,
		patient: PatientId,
		grantee: &Grantee<T::AccountId>,
		grant: &GrantOf<T>,
	) -> DispatchResult {
		let kept: Vec<GrantOf<T>> =
			Grants::<T>::get(patient, grantee).into_iter().filter(|grant| grant.id != id).collect();
		if kept.is_empty() {
			Grants::<T>::remove(patient, grantee);
		} else {
			// `kept` is shorter than the bounded list it came from.
			Grants::<T>::insert(patient, grantee, BoundedVec::truncate_from(kept));
		}
		match GrantCount::<T>::get(patient).saturating_sub(1) {
			0 => GrantCount::<T>::remove(patient),
			left => GrantCount::<T>::insert(patient, left),
		}
		Self::forget_grant(grant)
	}

	/// Drop `grant`'s id and return its deposit to whoever paid it; the caller removes it from
	/// its grantee's list and the patient's count.
	pub(crate) fn forget_grant(grant: &GrantOf<T>) -> DispatchResult {
		GrantKeys::<T>::remove(grant.id);
		T::Currency::release(
			&HoldReason::ConsentGrant.into(),
			&grant.paid_by,
			grant.deposit,
			Precision::BestEffort,
		)?;
		Ok(())
	}

	pub(crate) fn do_revoke(origin: OriginFor<T>, id: GrantId) -> DispatchResult {
		let (patient, grantee, grant) = Self::find_grant(id)?;
		let who = Self::ensure_manages(origin, &patient)?;
		Self::remove_grant(id, patient, &grantee, &grant)?;
		Self::deposit_event(Event::ConsentRevoked { grant: id, patient, revoked_by: who });
		Ok(())
	}

	/// Remove a grant past its expiry, or of a patient no longer active.
	pub(crate) fn do_remove_expired(id: GrantId) -> DispatchResult {
		let (patient, grantee, grant) = Self::find_grant(id)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			grant.expires_at.is_some_and(|end| now >= end)
				|| !T::Patients::is_active_patient(&patient),
			Error::<T>::GrantNotExpired
		);
		Self::remove_grant(id, patient, &grantee, &grant)?;
		Self::deposit_event(Event::ExpiredGrantRemoved { grant: id, patient });
		Ok(())
	}
}
