//! Erasing a deactivated patient's consent: the grants (which name the account that granted and
//! paid for each, and member grantees) and the requests waiting for the patient's answer.

use crate::*;
use alloc::vec::Vec;
use frame_support::{
	pallet_prelude::DispatchResult,
	traits::{fungible::MutateHold, tokens::Precision, Get},
	weights::Weight,
};
use medchain_primitives::PatientErasure;
use sp_runtime::SaturatedConversion;

impl<T: Config> PatientErasure for Pallet<T> {
	fn erase(patient: &PatientId) -> DispatchResult {
		let reason = HoldReason::ConsentGrant.into();
		let grantees: Vec<_> = Grants::<T>::iter_prefix(patient).collect();
		let mut grants = 0usize;
		for (grantee, list) in grantees {
			for grant in &list {
				GrantKeys::<T>::remove(grant.id);
				T::Currency::release(
					&reason,
					&grant.granted_by,
					grant.deposit,
					Precision::BestEffort,
				)?;
			}
			grants = grants.saturating_add(list.len());
			Grants::<T>::remove(patient, &grantee);
		}
		GrantCount::<T>::remove(patient);
		let pending = RequestsOf::<T>::take(patient);
		for waiting in &pending {
			Self::release_request(waiting.request)?;
		}
		Self::deposit_event(Event::PatientConsentErased {
			patient: *patient,
			grants: grants.saturated_into(),
			requests: pending.len().saturated_into(),
		});
		Ok(())
	}

	fn max_weight() -> Weight {
		T::WeightInfo::erase_patient(T::MaxGrantsPerPatient::get(), T::MaxPendingRequests::get())
	}
}
