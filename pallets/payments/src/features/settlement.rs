//! Escrow, and paying claims: the payer's amount from its escrow, the patient's share from the
//! patient.

use crate::*;
use frame_support::{
	ensure,
	pallet_prelude::DispatchResult,
	traits::{
		fungible::{Mutate, MutateHold},
		tokens::{Fortitude, Precision, Preservation, Restriction},
	},
};
use frame_system::pallet_prelude::OriginFor;
use medchain_primitives::origins::EnsureOriginWithArgOr;
use sp_runtime::{
	traits::{CheckedAdd, CheckedSub, Zero},
	DispatchError,
};

impl<T: Config> Pallet<T> {
	/// The approved claim `claim`.
	fn approved_claim(claim: ClaimId) -> Result<ClaimOf<T>, DispatchError> {
		let stored = Claims::<T>::get(claim).ok_or(Error::<T>::ClaimNotFound)?;
		match stored.status {
			ClaimStatus::Approved => Ok(stored),
			ClaimStatus::Settled => Err(Error::<T>::AlreadyPaid.into()),
			_ => Err(Error::<T>::NotApproved.into()),
		}
	}

	/// The claim's payee still acts for the claim's provider, and the provider is active: a
	/// payee who left the provider, or a suspended provider, is not paid.
	fn ensure_payee_current(claim: &ClaimOf<T>) -> DispatchResult {
		ensure!(
			T::Organizations::acting_for(&claim.payee, OrgKind::Provider) == Some(claim.provider),
			Error::<T>::PayeeNotOfProvider
		);
		Ok(())
	}

	/// Close `claim` as settled if both parts are paid.
	pub(crate) fn settle_if_paid(id: ClaimId, claim: &mut ClaimOf<T>) {
		if claim.payer_paid && claim.patient_paid {
			claim.status = ClaimStatus::Settled;
			Self::deposit_event(Event::ClaimSettled { claim: id });
		}
	}

	pub(crate) fn do_settle(id: ClaimId) -> DispatchResult {
		let mut claim = Self::approved_claim(id)?;
		ensure!(!claim.payer_paid, Error::<T>::AlreadyPaid);
		Self::ensure_payee_current(&claim)?;
		let payer = claim.payer.ok_or(Error::<T>::AlreadyPaid)?;
		let mut escrow = Escrows::<T>::get(payer).ok_or(Error::<T>::NoEscrow)?;
		let amount = claim.payer_amount;
		escrow.held = escrow.held.checked_sub(&amount).ok_or(Error::<T>::InsufficientEscrow)?;
		escrow.committed =
			escrow.committed.checked_sub(&amount).ok_or(Error::<T>::InsufficientEscrow)?;
		T::Currency::transfer_on_hold(
			&HoldReason::ClaimEscrow.into(),
			&escrow.funder,
			&claim.payee,
			amount,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Polite,
		)?;
		Self::store_escrow(payer, escrow);
		claim.payer_paid = true;
		Self::deposit_event(Event::PayerPaid {
			claim: id,
			payer,
			payee: claim.payee.clone(),
			amount,
		});
		Self::settle_if_paid(id, &mut claim);
		Self::put_claim(id, claim);
		Ok(())
	}

	pub(crate) fn do_pay_patient_share(origin: OriginFor<T>, id: ClaimId) -> DispatchResult {
		let mut claim = Self::approved_claim(id)?;
		let who =
			T::PatientPayerOrigin::ensure_or(origin, &claim.patient, Error::<T>::NotPatientPayer)?;
		ensure!(!claim.patient_paid, Error::<T>::AlreadyPaid);
		Self::ensure_payee_current(&claim)?;
		let amount = claim.patient_amount;
		T::Currency::transfer(&who, &claim.payee, amount, Preservation::Preserve)?;
		claim.patient_paid = true;
		Self::deposit_event(Event::PatientSharePaid {
			claim: id,
			paid_by: who,
			payee: claim.payee.clone(),
			amount,
		});
		Self::settle_if_paid(id, &mut claim);
		Self::put_claim(id, claim);
		Ok(())
	}

	/// Store a payer's escrow, or remove it once it holds nothing.
	fn store_escrow(payer: OrgId, escrow: EscrowOf<T>) {
		if escrow.held.is_zero() {
			Escrows::<T>::remove(payer);
		} else {
			Escrows::<T>::insert(payer, escrow);
		}
	}

	pub(crate) fn do_fund_escrow(
		who: T::AccountId,
		payer: OrgId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let mut escrow = Escrows::<T>::get(payer).unwrap_or(Escrow {
			funder: who.clone(),
			held: Zero::zero(),
			committed: Zero::zero(),
		});
		ensure!(escrow.funder == who, Error::<T>::NotEscrowFunder);
		escrow.held = escrow.held.checked_add(&amount).ok_or(Error::<T>::AmountOverflow)?;
		T::Currency::hold(&HoldReason::ClaimEscrow.into(), &who, amount)?;
		let held = escrow.held;
		Escrows::<T>::insert(payer, escrow);
		Self::deposit_event(Event::EscrowFunded { payer, funder: who, amount, held });
		Ok(())
	}

	pub(crate) fn do_release_escrow(
		who: T::AccountId,
		payer: OrgId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		let mut escrow = Escrows::<T>::get(payer).ok_or(Error::<T>::NoEscrow)?;
		ensure!(escrow.funder == who, Error::<T>::NotEscrowFunder);
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(escrow.available() >= amount, Error::<T>::InsufficientEscrow);
		escrow.held = escrow.held.checked_sub(&amount).ok_or(Error::<T>::InsufficientEscrow)?;
		T::Currency::release(&HoldReason::ClaimEscrow.into(), &who, amount, Precision::Exact)?;
		let held = escrow.held;
		Self::store_escrow(payer, escrow);
		Self::deposit_event(Event::EscrowReleased { payer, funder: who, amount, held });
		Ok(())
	}
}
