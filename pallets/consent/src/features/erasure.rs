//! Erasing a deactivated patient's consent: the grants (which name the account that granted and
//! paid for each, and member grantees) and the requests waiting for the patient's answer.

use crate::*;
use alloc::vec::Vec;
use frame_support::{traits::Get, weights::Weight};
use medchain_primitives::PatientErasure;
use sp_runtime::{DispatchError, SaturatedConversion};

impl<T: Config> PatientErasure for Pallet<T> {
	fn erase(patient: &PatientId) -> Result<Weight, DispatchError> {
		let grantees: Vec<_> = Grants::<T>::iter_prefix(patient).collect();
		let mut grants = 0u32;
		for (grantee, list) in grantees {
			for grant in &list {
				Self::forget_grant(grant)?;
			}
			grants = grants.saturating_add(list.len().saturated_into());
			Grants::<T>::remove(patient, &grantee);
		}
		GrantCount::<T>::remove(patient);
		let pending = RequestsOf::<T>::take(patient);
		for waiting in &pending {
			Self::release_request(waiting.request)?;
		}
		let requests = pending.len().saturated_into();
		Self::deposit_event(Event::PatientConsentErased { patient: *patient, grants, requests });
		Ok(T::WeightInfo::erase_patient(grants, requests))
	}

	fn max_weight() -> Weight {
		T::WeightInfo::erase_patient(T::MaxGrantsPerPatient::get(), T::MaxPendingRequests::get())
	}
}
