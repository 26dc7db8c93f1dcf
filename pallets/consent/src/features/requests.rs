//! Consent requests: an organization asks, the patient answers.

use crate::*;
use frame_support::{
	ensure,
	pallet_prelude::DispatchResult,
	traits::{fungible::MutateHold, tokens::Precision, Get},
};
use frame_system::pallet_prelude::OriginFor;
use sp_runtime::{ArithmeticError, DispatchError};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_request(
		who: T::AccountId,
		org: OrgId,
		patient: PatientId,
		scope: ConsentScope<T::MaxScopeItems>,
		purpose: Purpose,
		expires_at: Option<frame_system::pallet_prelude::BlockNumberFor<T>>,
	) -> DispatchResult {
		ensure!(T::Patients::is_active_patient(&patient), Error::<T>::PatientNotActive);
		let now = frame_system::Pallet::<T>::block_number();
		Self::ensure_valid_terms(&scope, now, expires_at)?;
		let id = NextRequestId::<T>::get();
		let mut pending = RequestsOf::<T>::get(patient);
		pending.try_push(id).map_err(|_| Error::<T>::TooManyRequests)?;
		let deposit = T::RequestDeposit::get();
		T::Currency::hold(&HoldReason::ConsentRequest.into(), &who, deposit)?;
		NextRequestId::<T>::put(id.checked_add(1).ok_or(ArithmeticError::Overflow)?);
		RequestsOf::<T>::insert(patient, pending);
		Requests::<T>::insert(
			id,
			ConsentRequest {
				patient,
				org,
				requested_by: who,
				scope: scope.clone(),
				purpose,
				expires_at,
				deposit,
				made_at: now,
			},
		);
		Self::deposit_event(Event::ConsentRequested {
			request: id,
			patient,
			org,
			scope,
			purpose,
			expires_at,
		});
		Ok(())
	}

	/// Remove the request `id` and release its deposit; returns it.
	fn close_request(id: RequestId) -> Result<ConsentRequest<T>, DispatchError> {
		let request = Requests::<T>::take(id).ok_or(Error::<T>::RequestNotFound)?;
		RequestsOf::<T>::mutate_exists(request.patient, |pending| {
			if let Some(ids) = pending {
				ids.retain(|pending_id| *pending_id != id);
				if ids.is_empty() {
					*pending = None;
				}
			}
		});
		T::Currency::release(
			&HoldReason::ConsentRequest.into(),
			&request.requested_by,
			request.deposit,
			Precision::BestEffort,
		)?;
		Ok(request)
	}

	/// Who answers the request `id`, if `origin` may answer it for its patient.
	fn answerer(origin: OriginFor<T>, id: RequestId) -> Result<T::AccountId, DispatchError> {
		let request = Requests::<T>::get(id).ok_or(Error::<T>::RequestNotFound)?;
		Self::ensure_manages(origin, &request.patient)
	}

	pub(crate) fn do_approve(origin: OriginFor<T>, id: RequestId) -> DispatchResult {
		let who = Self::answerer(origin, id)?;
		let request = Self::close_request(id)?;
		let grant = Self::do_grant(
			who,
			request.patient,
			Grantee::Organization(request.org),
			request.scope,
			request.purpose,
			None,
			request.expires_at,
		)?;
		Self::deposit_event(Event::RequestApproved { request: id, grant });
		Ok(())
	}

	pub(crate) fn do_reject(origin: OriginFor<T>, id: RequestId) -> DispatchResult {
		Self::answerer(origin, id)?;
		Self::close_request(id)?;
		Self::deposit_event(Event::RequestRejected { request: id });
		Ok(())
	}

	/// By an account acting for the active organization `org`.
	pub(crate) fn do_withdraw(org: OrgId, id: RequestId) -> DispatchResult {
		let request = Requests::<T>::get(id).ok_or(Error::<T>::RequestNotFound)?;
		ensure!(org == request.org, Error::<T>::NotRequester);
		Self::close_request(id)?;
		Self::deposit_event(Event::RequestWithdrawn { request: id });
		Ok(())
	}
}
