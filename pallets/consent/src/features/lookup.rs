//! Reading consent back: what the runtime API serves.

use crate::*;
use alloc::vec::Vec;
use frame_system::pallet_prelude::BlockNumberFor;

use medchain_primitives::paging::MAX_PAGE;

impl<T: Config> Pallet<T> {
	/// How a call of this pallet names its patient, if it is one a patient makes about their
	/// own consent (granting, revoking, answering a request): the runtime has the patient's
	/// sponsor pay for it when the patient's key or a delegate makes it (`pallet-patients`'
	/// sponsorship). Reads nothing; [`PatientOfCall::patient`] looks the patient up.
	pub fn patient_of_call(call: &Call<T>) -> Option<PatientOfCall> {
		match call {
			Call::grant_consent { patient, .. } => Some(PatientOfCall::Named(*patient)),
			Call::revoke_consent { grant } => Some(PatientOfCall::OfGrant(*grant)),
			Call::approve_request { request } | Call::reject_request { request } => {
				Some(PatientOfCall::OfRequest(*request))
			}
			_ => None,
		}
	}

	/// On what basis `grantee` may access `record` of `patient` for `purpose` now, if at all. A
	/// member account has what its own grants and its organization's give.
	pub fn access(
		patient: PatientId,
		grantee: Grantee<T::AccountId>,
		record: RecordId,
		purpose: Purpose,
	) -> Option<AccessBasis> {
		let target = Self::record_target(&patient, record).ok()?;
		match grantee {
			Grantee::Organization(org) => Self::access_basis(&patient, org, None, &target, purpose),
			Grantee::Member(account) => {
				let (org, _) = T::Organizations::organization_of(&account)?;
				Self::access_basis(&patient, org, Some(&account), &target, purpose)
			}
		}
	}

	/// Up to `limit` (at most [`MAX_PAGE`]) of `patient`'s grants with ids after `start_after`,
	/// in id order, each with its status now; pass the last id of a page to get the next one.
	#[allow(clippy::type_complexity)]
	pub fn grants_of(
		patient: PatientId,
		start_after: Option<GrantId>,
		limit: u32,
	) -> Vec<GrantInfo<T::AccountId, BlockNumberFor<T>, BalanceOf<T>, ConsentScope<T::MaxScopeItems>>>
	{
		let now = frame_system::Pallet::<T>::block_number();
		// Bounded: a patient has at most `MaxGrantsPerPatient` grants.
		let mut grants: Vec<_> = Grants::<T>::iter_prefix(patient)
			.flat_map(|(grantee, grants)| {
				grants.into_iter().map(move |grant| GrantInfo {
					patient,
					grantee: grantee.clone(),
					status: grant.status(now),
					grant,
				})
			})
			.filter(|info| start_after.is_none_or(|after| info.grant.id > after))
			.collect();
		grants.sort_by_key(|info| info.grant.id);
		grants.truncate(limit.min(MAX_PAGE) as usize);
		grants
	}
}

/// How a patient's own call about their consent names the patient
/// ([`Pallet::patient_of_call`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PatientOfCall {
	/// By its id.
	Named(PatientId),
	/// As the patient of a grant.
	OfGrant(GrantId),
	/// As the patient asked by a request.
	OfRequest(RequestId),
}

impl PatientOfCall {
	/// The patient: one read for a grant or a request; `None` if there is no such grant or
	/// request.
	pub fn patient<T: Config>(self) -> Option<PatientId> {
		match self {
			Self::Named(patient) => Some(patient),
			Self::OfGrant(grant) => GrantKeys::<T>::get(grant).map(|(patient, _)| patient),
			Self::OfRequest(request) => Requests::<T>::get(request).map(|request| request.patient),
		}
	}
}
