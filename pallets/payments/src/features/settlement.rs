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
	/// The approved claim `claim`, its approval and what of it is unpaid.
	fn approved_claim(
		claim: ClaimId,
	) -> Result<(ClaimOf<T>, ApprovalOf<T>, Unpaid), DispatchError> {
		let stored = Claims::<T>::get(claim).ok_or(Error::<T>::ClaimNotFound)?;
		match &stored.status {
			ClaimStatus::Approved { approval, unpaid } => {
				let (approval, unpaid) = (approval.clone(), *unpaid);
				Ok((stored, approval, unpaid))
			}
			ClaimStatus::Settled { .. } => Err(Error::<T>::AlreadyPaid.into()),
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

	/// `claim` is approved with `unpaid` parts left to pay; with nothing left, it is settled.
	pub(crate) fn leave_unpaid(
		id: ClaimId,
		claim: &mut ClaimOf<T>,
		approval: ApprovalOf<T>,
		unpaid: Option<Unpaid>,
	) {
		claim.status = match unpaid {
			Some(unpaid) => ClaimStatus::Approved { approval, unpaid },
			None => {
				Self::deposit_event(Event::ClaimSettled { claim: id });
				ClaimStatus::Settled { approval, at: frame_system::Pallet::<T>::block_number() }
			}
		};
	}

	pub(crate) fn do_settle(id: ClaimId) -> DispatchResult {
		let (mut claim, approval, unpaid) = Self::approved_claim(id)?;
		ensure!(unpaid.payer(), Error::<T>::AlreadyPaid);
		Self::ensure_payee_current(&claim)?;
		let payer = claim.payer.ok_or(Error::<T>::AlreadyPaid)?;
		let mut escrow = Escrows::<T>::get(payer).ok_or(Error::<T>::NoEscrow)?;
		let amount = approval.payer_amount;
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
		Self::deposit_event(Event::PayerPaid {
			claim: id,
			payer,
			payee: claim.payee.clone(),
			amount,
		});
		Self::leave_unpaid(id, &mut claim, approval, unpaid.payer_paid());
		Self::put_claim(id, claim);
		Ok(())
	}

	pub(crate) fn do_pay_patient_share(origin: OriginFor<T>, id: ClaimId) -> DispatchResult {
		let (mut claim, approval, unpaid) = Self::approved_claim(id)?;
		let who =
			T::PatientPayerOrigin::ensure_or(origin, &claim.patient, Error::<T>::NotPatientPayer)?;
		ensure!(unpaid.patient(), Error::<T>::AlreadyPaid);
		Self::ensure_payee_current(&claim)?;
		let amount = approval.patient_amount;
		T::Currency::transfer(&who, &claim.payee, amount, Preservation::Preserve)?;
		Self::deposit_event(Event::PatientSharePaid {
			claim: id,
			paid_by: who,
			payee: claim.payee.clone(),
			amount,
		});
		Self::leave_unpaid(id, &mut claim, approval, unpaid.patient_paid());
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
