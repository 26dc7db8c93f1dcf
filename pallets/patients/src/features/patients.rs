//! Registering patients, their commitments, delegates, control and deactivation.

use crate::*;
use codec::Encode;
use frame_support::{
	ensure,
	pallet_prelude::{DispatchError, DispatchResult, Weight},
	traits::{fungible::MutateHold, tokens::Precision, Get},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{CheckedAdd, Saturating},
	SaturatedConversion,
};

impl<T: Config> Pallet<T> {
	/// The account a patient's deposit is held from: the sponsor's admin (the custodian's, for a
	/// patient in custody), or else the patient's own key.
	pub(crate) fn payer_of(record: &Patient<T>) -> Result<T::AccountId, Error<T>> {
		let org = match (&record.sponsor, &record.control) {
			(Some(org), _) | (None, Control::Custodial(org)) => *org,
			(None, Control::Own(who)) => return Ok(who.clone()),
			(None, Control::Erased) => return Err(Error::<T>::PatientNotActive),
		};
		Organizations::<T>::get(org).map(|o| o.admin).ok_or(Error::<T>::OrganizationNotFound)
	}

	/// Let `who` exist without a balance while it acts for a patient (as its own key, a
	/// delegate, or the account offered control), so that a fresh, unfunded key can sign. Each
	/// such role counts once in `who`'s sufficients.
	fn enter_role(who: &T::AccountId) {
		frame_system::Pallet::<T>::inc_sufficients(who);
	}

	/// `who` no longer has one of the roles [`Self::enter_role`] counted. An account that
	/// exists only for its roles keeps the last reference, and so its nonce: removed, it would
	/// come back at nonce 0 with its next role, and its old transactions (the sponsored ones
	/// among them) could be replayed.
	fn leave_role(who: &T::AccountId) {
		let account = frame_system::Pallet::<T>::account(who);
		if account.sufficients > 1 || account.providers > 0 {
			frame_system::Pallet::<T>::dec_sufficients(who);
		}
	}

	/// The patient `patient`, if it is active.
	fn active_patient(patient: &PatientId) -> Result<Patient<T>, DispatchError> {
		let record = PatientRecords::<T>::get(patient).ok_or(Error::<T>::PatientNotFound)?;
		ensure!(record.status == PatientStatus::Active, Error::<T>::PatientNotActive);
		Ok(record)
	}

	/// Whether `who` controls a patient under `control`: it is the patient's own key, or it
	/// acts for the active custodian provider.
	pub(crate) fn controls(control: &Control<T::AccountId>, who: &T::AccountId) -> bool {
		match control {
			Control::Own(owner) => owner == who,
			Control::Custodial(org) => Self::acting_for(who, OrgKind::Provider) == Some(*org),
			Control::Erased => false,
		}
	}

	/// The active patient `patient`, if `who` controls it.
	fn controlled_patient(
		who: &T::AccountId,
		patient: &PatientId,
	) -> Result<Patient<T>, DispatchError> {
		let record = Self::active_patient(patient)?;
		ensure!(Self::controls(&record.control, who), Error::<T>::NotController);
		Ok(record)
	}

	/// The active patient `patient`, if `who` controls it and may decide for it alone: the
	/// patient's own key, or the custodian's admin (a member of the custodian controls the
	/// patient's everyday care, not its key, its delegates or its existence).
	fn administered_patient(
		who: &T::AccountId,
		patient: &PatientId,
	) -> Result<Patient<T>, DispatchError> {
		let record = Self::controlled_patient(who, patient)?;
		if let Control::Custodial(org) = record.control {
			ensure!(
				Organizations::<T>::get(org).is_some_and(|o| &o.admin == who),
				Error::<T>::NotCustodianAdmin
			);
		}
		Ok(record)
	}

	/// A fresh opaque patient id: `blake2-256("medchain/patient" ‖ parent block hash ‖ count)`.
	/// No account goes in, so that nobody can recompute which key or practitioner registered a
	/// patient from the id.
	fn next_patient_id() -> Result<PatientId, DispatchError> {
		let count = PatientCount::<T>::get();
		let parent = frame_system::Pallet::<T>::parent_hash();
		let id = PatientId::from(sp_io::hashing::blake2_256(
			&(b"medchain/patient", parent, count).encode(),
		));
		ensure!(!PatientRecords::<T>::contains_key(id), Error::<T>::PatientIdTaken);
		PatientCount::<T>::put(count.checked_add(1).ok_or(sp_runtime::ArithmeticError::Overflow)?);
		Ok(id)
	}

	/// A patient's own key is nobody's organization account, so that no record, access or claim
	/// names a patient's key as the practitioner's.
	fn ensure_may_be_patient_key(who: &T::AccountId) -> DispatchResult {
		ensure!(!PatientOf::<T>::contains_key(who), Error::<T>::AlreadyPatient);
		ensure!(!OrganizationOf::<T>::contains_key(who), Error::<T>::AlreadyInOrganization);
		Ok(())
	}

	pub(crate) fn do_register_patient(
		control: Control<T::AccountId>,
		commitment: Option<IdentityCommitment>,
	) -> Result<PatientId, DispatchError> {
		if let Control::Own(owner) = &control {
			Self::ensure_may_be_patient_key(owner)?;
		}
		let deposit = T::PatientDeposit::get();
		let record = Patient::<T> {
			control: control.clone(),
			commitment,
			status: PatientStatus::Active,
			delegates: Default::default(),
			deposit,
			sponsor: match control {
				Control::Custodial(org) => Some(org),
				Control::Own(_) | Control::Erased => None,
			},
			registered_at: frame_system::Pallet::<T>::block_number(),
		};
		let payer = Self::payer_of(&record)?;
		let patient = Self::next_patient_id()?;
		T::Currency::hold(&HoldReason::PatientRecord.into(), &payer, deposit)
			.map_err(|_| Error::<T>::InsufficientDeposit)?;
		if let Control::Own(owner) = &control {
			PatientOf::<T>::insert(owner, patient);
			Self::enter_role(owner);
		}
		PatientRecords::<T>::insert(patient, record);
		Self::deposit_event(Event::PatientRegistered { patient, control });
		if let Some(commitment) = commitment {
			Self::deposit_event(Event::CommitmentSet { patient, commitment });
		}
		Ok(patient)
	}

	pub(crate) fn do_set_commitment(
		who: &T::AccountId,
		patient: PatientId,
		commitment: Option<IdentityCommitment>,
	) -> DispatchResult {
		let mut record = Self::controlled_patient(who, &patient)?;
		record.commitment = commitment;
		PatientRecords::<T>::insert(patient, record);
		Self::deposit_event(match commitment {
			Some(commitment) => Event::CommitmentSet { patient, commitment },
			None => Event::CommitmentCleared { patient },
		});
		Ok(())
	}

	/// Returns how many delegates the patient had before.
	pub(crate) fn do_add_delegate(
		who: &T::AccountId,
		patient: PatientId,
		delegate: T::AccountId,
		role: DelegateRole,
		expires_at: Option<BlockNumberFor<T>>,
	) -> Result<u32, DispatchError> {
		let mut record = Self::administered_patient(who, &patient)?;
		ensure!(record.control != Control::Own(delegate.clone()), Error::<T>::DelegateIsController);
		ensure!(
			!OrganizationOf::<T>::contains_key(&delegate),
			Error::<T>::DelegateActsForOrganization
		);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(expires_at.is_none_or(|end| end > now), Error::<T>::ExpiryInPast);
		let before = record.delegates.len();
		let entry = Delegate { who: delegate.clone(), role, expires_at };
		match record.delegates.iter_mut().find(|d| d.who == delegate) {
			// Updating an existing delegate: no new storage, no new deposit.
			Some(existing) => *existing = entry,
			None => {
				record.delegates.try_push(entry).map_err(|_| Error::<T>::TooManyDelegates)?;
				let deposit = T::DelegateDeposit::get();
				record.deposit = record
					.deposit
					.checked_add(&deposit)
					.ok_or(sp_runtime::ArithmeticError::Overflow)?;
				let payer = Self::payer_of(&record)?;
				T::Currency::hold(&HoldReason::PatientRecord.into(), &payer, deposit)
					.map_err(|_| Error::<T>::InsufficientDeposit)?;
				Self::enter_role(&delegate);
			}
		}
		PatientRecords::<T>::insert(patient, record);
		Self::deposit_event(Event::DelegateAdded { patient, delegate, role, expires_at });
		Ok(before.saturated_into())
	}

	/// Returns how many delegates the patient had before.
	pub(crate) fn do_remove_delegate(
		who: &T::AccountId,
		patient: PatientId,
		delegate: T::AccountId,
	) -> Result<u32, DispatchError> {
		// A delegate steps down itself; otherwise, whoever may add delegates removes them.
		let mut record = if who == &delegate {
			Self::active_patient(&patient)?
		} else {
			Self::administered_patient(who, &patient)?
		};
		let before = record.delegates.len();
		ensure!(record.delegates.iter().any(|d| d.who == delegate), Error::<T>::DelegateNotFound);
		record.delegates.retain(|d| d.who != delegate);
		let deposit = T::DelegateDeposit::get().min(record.deposit);
		record.deposit = record.deposit.saturating_sub(deposit);
		let payer = Self::payer_of(&record)?;
		T::Currency::release(
			&HoldReason::PatientRecord.into(),
			&payer,
			deposit,
			Precision::BestEffort,
		)?;
		PatientRecords::<T>::insert(patient, record);
		Self::leave_role(&delegate);
		Self::deposit_event(Event::DelegateRemoved { patient, delegate });
		Ok(before.saturated_into())
	}

	pub(crate) fn do_offer_control(
		who: &T::AccountId,
		patient: PatientId,
		to: Option<T::AccountId>,
	) -> DispatchResult {
		match to {
			Some(to) => {
				let record = Self::administered_patient(who, &patient)?;
				// A patient in custody is given away by its custodian's admin: the other members
				// and the delegates have `ControlTransferDelay` blocks to see it and withdraw it.
				// A patient who moves to a new key acts for themselves, at once.
				let now = frame_system::Pallet::<T>::block_number();
				let accept_from = match record.control {
					Control::Custodial(_) => now
						.checked_add(&T::ControlTransferDelay::get())
						.ok_or(sp_runtime::ArithmeticError::Overflow)?,
					Control::Own(_) | Control::Erased => now,
				};
				Self::enter_role(&to);
				let replaced = ControlOffers::<T>::mutate(patient, |offer| {
					offer.replace(ControlOffer { to: to.clone(), accept_from })
				});
				if let Some(replaced) = replaced {
					Self::leave_role(&replaced.to);
				}
				Self::deposit_event(Event::ControlOffered { patient, to, accept_from });
			}
			None => {
				let record = Self::active_patient(&patient)?;
				let now = frame_system::Pallet::<T>::block_number();
				ensure!(
					Self::controls(&record.control, who)
						|| record.delegates.iter().any(|d| &d.who == who && d.is_current(&now)),
					Error::<T>::NotController
				);
				let offer = ControlOffers::<T>::take(patient).ok_or(Error::<T>::NoControlOffer)?;
				Self::leave_role(&offer.to);
				Self::deposit_event(Event::ControlOfferWithdrawn { patient });
			}
		}
		Ok(())
	}

	/// Returns how many delegates the patient has.
	pub(crate) fn do_accept_control(
		who: T::AccountId,
		patient: PatientId,
	) -> Result<u32, DispatchError> {
		let offer = ControlOffers::<T>::get(patient)
			.filter(|offer| offer.to == who)
			.ok_or(Error::<T>::NoControlOffer)?;
		ensure!(
			frame_system::Pallet::<T>::block_number() >= offer.accept_from,
			Error::<T>::ControlOfferNotYetOpen
		);
		let mut record = Self::active_patient(&patient)?;
		Self::ensure_may_be_patient_key(&who)?;

		let old_payer = Self::payer_of(&record)?;
		// The new key cannot stay a delegate of itself: that delegate's deposit is freed.
		let was_delegate = record.delegates.iter().any(|d| d.who == who);
		let freed = if was_delegate {
			T::DelegateDeposit::get().min(record.deposit)
		} else {
			Default::default()
		};
		let deposit = record.deposit.saturating_sub(freed);
		let reason = HoldReason::PatientRecord.into();
		// A sponsored patient's deposit stays with the sponsor; otherwise it moves to the new key.
		let new_payer = if record.sponsor.is_some() { old_payer.clone() } else { who.clone() };
		if old_payer != new_payer {
			// Hold from the new key first: if it cannot pay, nothing has moved.
			T::Currency::hold(&reason, &new_payer, deposit)
				.map_err(|_| Error::<T>::InsufficientDeposit)?;
			T::Currency::release(&reason, &old_payer, record.deposit, Precision::BestEffort)?;
		} else {
			T::Currency::release(&reason, &old_payer, freed, Precision::BestEffort)?;
		}
		record.deposit = deposit;
		record.delegates.retain(|d| d.who != who);
		let from = core::mem::replace(&mut record.control, Control::Own(who.clone()));
		// The offer's role becomes the key's; as a key, it leaves its role as a delegate.
		if was_delegate {
			Self::leave_role(&who);
		}
		if let Control::Own(old_key) = &from {
			PatientOf::<T>::remove(old_key);
			Self::leave_role(old_key);
		}
		let delegates = record.delegates.len();
		PatientOf::<T>::insert(&who, patient);
		ControlOffers::<T>::remove(patient);
		PatientRecords::<T>::insert(patient, record);
		if was_delegate {
			Self::deposit_event(Event::DelegateRemoved { patient, delegate: who.clone() });
		}
		Self::deposit_event(Event::ControlTransferred { patient, from, to: who });
		Ok(delegates.saturated_into())
	}

	/// Returns how many delegates the patient had, and the weight the other pallets' erasure
	/// used.
	pub(crate) fn do_deactivate_patient(
		who: &T::AccountId,
		patient: PatientId,
	) -> Result<(u32, Weight), DispatchError> {
		let mut record = Self::administered_patient(who, &patient)?;
		let payer = Self::payer_of(&record)?;
		T::Currency::release(
			&HoldReason::PatientRecord.into(),
			&payer,
			record.deposit,
			Precision::BestEffort,
		)?;
		let delegates = record.delegates.len();
		let erased = T::Erasure::erase(&patient)?;
		if let Control::Own(key) = &record.control {
			PatientOf::<T>::remove(key);
			Self::leave_role(key);
		}
		for delegate in &record.delegates {
			Self::leave_role(&delegate.who);
		}
		if let Some(offer) = ControlOffers::<T>::take(patient) {
			Self::leave_role(&offer.to);
		}
		record.status = PatientStatus::Deactivated;
		record.control = Control::Erased;
		record.commitment = None;
		record.delegates = Default::default();
		record.deposit = Default::default();
		record.sponsor = None;
		PatientRecords::<T>::insert(patient, record);
		SponsoredCallsOf::<T>::remove(patient);
		Self::deposit_event(Event::PatientDeactivated { patient });
		Ok((delegates.saturated_into(), erased))
	}
}
