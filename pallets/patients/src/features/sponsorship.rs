//! Sponsorship: the provider that onboarded a patient pays for the patient's own calls about
//! their care, up to a quota per period, so that the patient's keys need no funds.

use crate::*;
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::CheckedDiv;

/// Who pays the fee of a call about a patient (see [`Pallet::sponsor_of_call`]).
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Sponsorship<AccountId> {
	/// The patient's sponsor `org` pays, from its admin account `admin`.
	Paid { org: OrgId, admin: AccountId },
	/// The sponsor would pay, but the patient's calls of this period are used up.
	QuotaUsed,
	/// The call is not one the sponsor pays for: the signer pays.
	NotSponsored,
}

impl<T: Config> Pallet<T> {
	/// The patient a call of this pallet is about, if it is one a patient makes about their own
	/// care: setting the commitment, adding or removing a delegate, offering or accepting
	/// control, deactivating.
	pub fn patient_of_call(call: &Call<T>) -> Option<PatientId> {
		match call {
			Call::set_commitment { patient, .. }
			| Call::add_delegate { patient, .. }
			| Call::remove_delegate { patient, .. }
			| Call::offer_control { patient, .. }
			| Call::accept_control { patient }
			| Call::deactivate_patient { patient } => Some(*patient),
			_ => None,
		}
	}

	/// Who pays the fee of `who`'s call about `patient` (its patient as the pallets'
	/// `patient_of_call` name it): the sponsor, if the patient is active and has one, `who` is
	/// the patient's own key, a current delegate or the account control is offered to, and the
	/// patient has made fewer than `SponsoredCalls` sponsored calls this period. Whether the
	/// call itself succeeds is for the call to decide: a failed call counts too, as it took
	/// the block's space all the same.
	pub fn sponsor_of_call(who: &T::AccountId, patient: &PatientId) -> Sponsorship<T::AccountId> {
		let Some(record) = PatientRecords::<T>::get(patient) else {
			return Sponsorship::NotSponsored;
		};
		let Some(org) = record.sponsor.filter(|_| record.status == PatientStatus::Active) else {
			return Sponsorship::NotSponsored;
		};
		let now = frame_system::Pallet::<T>::block_number();
		let speaks_for = record.control == Control::Own(who.clone())
			|| record.delegates.iter().any(|d| &d.who == who && d.is_current(&now))
			|| ControlOffers::<T>::get(patient).is_some_and(|offer| &offer.to == who);
		let Some(admin) = Organizations::<T>::get(org).map(|o| o.admin).filter(|_| speaks_for)
		else {
			return Sponsorship::NotSponsored;
		};
		if Self::sponsored_calls(patient).calls >= T::SponsoredCalls::get() {
			return Sponsorship::QuotaUsed;
		}
		Sponsorship::Paid { org, admin }
	}

	/// Count a call of `patient` that its sponsor `org` pays for (after
	/// [`Self::sponsor_of_call`] said [`Sponsorship::Paid`]).
	pub fn note_sponsored_call(patient: &PatientId, org: OrgId) {
		let mut used = Self::sponsored_calls(patient);
		used.calls = used.calls.saturating_add(1);
		SponsoredCallsOf::<T>::insert(patient, used);
		Self::deposit_event(Event::CallSponsored {
			patient: *patient,
			sponsor: org,
			calls: used.calls,
		});
	}

	/// The patient's sponsored calls in the current period.
	pub fn sponsored_calls(patient: &PatientId) -> SponsoredUse<BlockNumberFor<T>> {
		let period = Self::sponsor_period();
		SponsoredCallsOf::<T>::get(patient)
			.filter(|used| used.period == period)
			.unwrap_or(SponsoredUse { period, calls: 0 })
	}

	/// The current sponsorship period: the block number divided by `SponsorPeriod` (always 0
	/// if that is 0: the quota never renews).
	fn sponsor_period() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
			.checked_div(&T::SponsorPeriod::get())
			.unwrap_or_default()
	}
}
