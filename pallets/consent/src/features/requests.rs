//! Consent requests: an organization asks, the patient answers.

use crate::*;
use frame_support::{
	ensure,
	pallet_prelude::DispatchResult,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision},
		Get,
	},
};
use frame_system::pallet_prelude::{BlockNumberFor, OriginFor};
use sp_runtime::{
	traits::{CheckedAdd, Zero},
	ArithmeticError, DispatchError,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_request(
		who: T::AccountId,
		org: OrgId,
		patient: PatientId,
		scope: ConsentScope<T::MaxScopeItems>,
		purpose: Purpose,
		expires_at: Option<BlockNumberFor<T>>,
	) -> DispatchResult {
		ensure!(T::Patients::is_active_patient(&patient), Error::<T>::PatientNotActive);
		let now = frame_system::Pallet::<T>::block_number();
		Self::ensure_valid_terms(&scope, now, expires_at)?;
		// Lapsed requests make room: closed, their deposits returned.
		let mut pending = RequestsOf::<T>::get(patient);
		for lapsed in pending.iter().filter(|waiting| waiting.lapses_at <= now) {
			Self::release_request(lapsed.request)?;
			Self::deposit_event(Event::RequestLapsed { request: lapsed.request });
		}
		pending.retain(|waiting| waiting.lapses_at > now);
		let from_org = pending.iter().filter(|waiting| waiting.org == org).count();
		ensure!(
			u32::try_from(from_org).unwrap_or(u32::MAX) < T::MaxRequestsPerOrganization::get(),
			Error::<T>::TooManyRequestsFromOrganization
		);
		let id = NextRequestId::<T>::get();
		let lapses_at =
			now.checked_add(&T::RequestLifetime::get()).ok_or(ArithmeticError::Overflow)?;
		pending
			.try_push(PendingRequest { request: id, org, lapses_at })
			.map_err(|_| Error::<T>::TooManyRequests)?;
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
				lapses_at,
			},
		);
		Self::deposit_event(Event::ConsentRequested {
			request: id,
			patient,
			org,
			scope,
			purpose,
			expires_at,
			lapses_at,
		});
		Ok(())
	}

	/// Remove the request `id`, leaving its patient's list as it is, and return its deposit.
	pub(crate) fn release_request(id: RequestId) -> Result<ConsentRequest<T>, DispatchError> {
		let request = Requests::<T>::take(id).ok_or(Error::<T>::RequestNotFound)?;
		T::Currency::release(
			&HoldReason::ConsentRequest.into(),
			&request.requested_by,
			request.deposit,
			Precision::BestEffort,
		)?;
		Ok(request)
	}

	/// Remove the request `id` from storage and from its patient's list, and return its deposit
	/// to whoever paid it, or burn it (`forfeit`); returns the request and what was burnt.
	fn close_request(
		id: RequestId,
		forfeit: bool,
	) -> Result<(ConsentRequest<T>, BalanceOf<T>), DispatchError> {
		let request = Requests::<T>::take(id).ok_or(Error::<T>::RequestNotFound)?;
		RequestsOf::<T>::mutate_exists(request.patient, |pending| {
			if let Some(waiting) = pending {
				waiting.retain(|entry| entry.request != id);
				if waiting.is_empty() {
					*pending = None;
				}
			}
		});
		let reason = HoldReason::ConsentRequest.into();
		let burnt = if forfeit {
			T::Currency::burn_held(
				&reason,
				&request.requested_by,
				request.deposit,
				Precision::BestEffort,
				Fortitude::Force,
			)?
		} else {
			T::Currency::release(
				&reason,
				&request.requested_by,
				request.deposit,
				Precision::BestEffort,
			)?;
			Zero::zero()
		};
		Ok((request, burnt))
	}

	/// The request `id` and who answers it, if `origin` may answer it for its patient.
	fn answerer(
		origin: OriginFor<T>,
		id: RequestId,
	) -> Result<(ConsentRequest<T>, T::AccountId), DispatchError> {
		let request = Requests::<T>::get(id).ok_or(Error::<T>::RequestNotFound)?;
		let who = Self::ensure_manages(origin, &request.patient)?;
		Ok((request, who))
	}

	/// Whether `request` has lapsed.
	fn has_lapsed(request: &ConsentRequest<T>) -> bool {
		request.lapses_at <= frame_system::Pallet::<T>::block_number()
	}

	pub(crate) fn do_approve(origin: OriginFor<T>, id: RequestId) -> DispatchResult {
		let (request, who) = Self::answerer(origin, id)?;
		ensure!(!Self::has_lapsed(&request), Error::<T>::RequestLapsed);
		let (request, _) = Self::close_request(id, false)?;
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
		let (request, who) = Self::answerer(origin, id)?;
		if Self::has_lapsed(&request) {
			Self::close_request(id, false)?;
			Self::deposit_event(Event::RequestLapsed { request: id });
		} else {
			// The deposit is the price of asking the patient; a custodian answering for a
			// patient in custody is another organization, perhaps the requester's competitor,
			// and does not get to burn it.
			let by_custodian =
				T::Patients::custodian_of(&request.patient).is_some_and(|custodian| {
					T::Organizations::organization_of(&who).is_some_and(|(org, _)| org == custodian)
				});
			let (_, forfeited) = Self::close_request(id, !by_custodian)?;
			Self::deposit_event(Event::RequestRejected { request: id, forfeited });
		}
		Ok(())
	}

	/// By an account acting for the active organization `org`.
	pub(crate) fn do_withdraw(org: OrgId, id: RequestId) -> DispatchResult {
		let request = Requests::<T>::get(id).ok_or(Error::<T>::RequestNotFound)?;
		ensure!(org == request.org, Error::<T>::NotRequester);
		Self::close_request(id, false)?;
		Self::deposit_event(Event::RequestWithdrawn { request: id });
		Ok(())
	}
}
