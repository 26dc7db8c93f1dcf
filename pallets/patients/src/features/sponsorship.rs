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
	/// The sponsor would pay, but the calls of this period the signer may have paid are used.
	QuotaUsed,
	/// The call is not one the sponsor pays for: the signer pays.
	NotSponsored,
}

/// A patient's own call about their care, by what it asks of its signer: the sponsor pays only
/// for a call its signer may make at all, so a delegate cannot spend the patient's quota on
/// calls that can only fail.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum CareCall<AccountId> {
	/// Granting, revoking, answering a request (`pallet-consent`): by the patient's key, or a
	/// current delegate whose role manages consent.
	Consent,
	/// Removing the delegate `AccountId`: by the patient's key, or the delegate stepping down.
	RemoveDelegate(AccountId),
	/// Withdrawing an offer of control: by the patient's key or a current delegate.
	WithdrawOffer,
	/// Accepting control: by the account offered control.
	AcceptControl,
	/// Setting the commitment, adding a delegate, offering control, deactivating: by the
	/// patient's key.
	Control,
}

impl<T: Config> Pallet<T> {
	/// The patient a call of this pallet is about, and what it asks of its signer, if it is one
	/// a patient makes about their own care. Reads nothing.
	pub fn patient_of_call(call: &Call<T>) -> Option<(PatientId, CareCall<T::AccountId>)> {
		match call {
			Call::set_commitment { patient, .. }
			| Call::add_delegate { patient, .. }
			| Call::offer_control { patient, to: Some(_) }
			| Call::deactivate_patient { patient } => Some((*patient, CareCall::Control)),
			Call::remove_delegate { patient, delegate } => {
				Some((*patient, CareCall::RemoveDelegate(delegate.clone())))
			}
			Call::offer_control { patient, to: None } => Some((*patient, CareCall::WithdrawOffer)),
			Call::accept_control { patient } => Some((*patient, CareCall::AcceptControl)),
			_ => None,
		}
	}

	/// Who pays the fee of `who`'s `call` about `patient`: the sponsor, if the patient is active
	/// and has one, `who` may make the call at all (see [`CareCall`]), and fewer calls have been
	/// sponsored this period than `who` may have: `SponsoredCalls` for the patient's own key,
	/// half as many for a delegate or the account offered control, so that the key always has
	/// half the quota left. Whether the call then succeeds is for the call to decide: a failed
	/// call counts too, as it took the block's space all the same.
	pub fn sponsor_of_call(
		who: &T::AccountId,
		patient: &PatientId,
		call: &CareCall<T::AccountId>,
	) -> Sponsorship<T::AccountId> {
		let Some(record) = PatientRecords::<T>::get(patient) else {
			return Sponsorship::NotSponsored;
		};
		let Some(org) = record.sponsor.filter(|_| record.status == PatientStatus::Active) else {
			return Sponsorship::NotSponsored;
		};
		let is_key = record.control == Control::Own(who.clone());
		let now = frame_system::Pallet::<T>::block_number();
		let delegate = record.delegates.iter().find(|d| &d.who == who && d.is_current(&now));
		let may_call = match call {
			CareCall::Control => is_key,
			CareCall::Consent => {
				is_key || delegate.is_some_and(|d| d.role.allows(DelegatePurpose::ManageConsent))
			}
			CareCall::RemoveDelegate(removed) => is_key || (removed == who && delegate.is_some()),
			CareCall::WithdrawOffer => is_key || delegate.is_some(),
			CareCall::AcceptControl => {
				ControlOffers::<T>::get(patient).is_some_and(|offer| &offer.to == who)
			}
		};
		let Some(admin) = Organizations::<T>::get(org).map(|o| o.admin).filter(|_| may_call) else {
			return Sponsorship::NotSponsored;
		};
		let quota = T::SponsoredCalls::get();
		let limit = if is_key { quota } else { quota / 2 };
		if Self::sponsored_calls(patient).calls >= limit {
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
