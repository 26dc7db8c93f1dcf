//! Approving and denying claims, and flagging those not decided in time: the payer's side.

use crate::*;
use frame_support::{
	ensure, pallet_prelude::DispatchResult, traits::Get, weights::Weight, BoundedVec,
};
use sp_runtime::{
	traits::{CheckedAdd, CheckedSub, Zero},
	DispatchError,
};

impl<T: Config> Pallet<T> {
	/// The undecided claim `claim`, if `payer` is its payer.
	fn payer_claim(payer: OrgId, claim: ClaimId) -> Result<ClaimOf<T>, DispatchError> {
		let stored = Claims::<T>::get(claim).ok_or(Error::<T>::ClaimNotFound)?;
		ensure!(stored.payer == Some(payer), Error::<T>::WrongPayer);
		ensure!(stored.status == ClaimStatus::Submitted, Error::<T>::NotSubmitted);
		Ok(stored)
	}

	pub(crate) fn do_approve(
		payer: OrgId,
		id: ClaimId,
		allowed: BoundedVec<BalanceOf<T>, T::MaxLines>,
		patient_share: BalanceOf<T>,
	) -> DispatchResult {
		let mut claim = Self::payer_claim(payer, id)?;
		ensure!(allowed.len() == claim.lines.len(), Error::<T>::LineCountMismatch);
		for (line, amount) in claim.lines.iter().zip(allowed.iter()) {
			ensure!(
				line.amount().is_some_and(|billed| *amount <= billed),
				Error::<T>::OverApproval
			);
		}
		let allowed_total =
			checked_sum(allowed.iter().copied()).ok_or(Error::<T>::AmountOverflow)?;
		let payer_amount =
			allowed_total.checked_sub(&patient_share).ok_or(Error::<T>::PatientShareTooHigh)?;
		if !payer_amount.is_zero() {
			let mut escrow = Escrows::<T>::get(payer).ok_or(Error::<T>::InsufficientEscrow)?;
			ensure!(escrow.available() >= payer_amount, Error::<T>::InsufficientEscrow);
			escrow.committed =
				escrow.committed.checked_add(&payer_amount).ok_or(Error::<T>::AmountOverflow)?;
			Escrows::<T>::insert(payer, escrow);
		}
		claim.status = ClaimStatus::Approved;
		claim.decided_at = Some(frame_system::Pallet::<T>::block_number());
		claim.due_at = None;
		claim.allowed = allowed;
		claim.payer_amount = payer_amount;
		claim.patient_amount = patient_share;
		claim.payer_paid = payer_amount.is_zero();
		claim.patient_paid = patient_share.is_zero();
		Self::deposit_event(Event::ClaimApproved {
			claim: id,
			allowed: allowed_total,
			payer_amount,
			patient_amount: patient_share,
		});
		Self::settle_if_paid(id, &mut claim);
		Self::put_claim(id, claim);
		Ok(())
	}

	pub(crate) fn do_deny(payer: OrgId, id: ClaimId, reason: DenialReason) -> DispatchResult {
		let mut claim = Self::payer_claim(payer, id)?;
		let now = frame_system::Pallet::<T>::block_number();
		let appeal_closes_at = if claim.appealed {
			None
		} else {
			Some(
				now.checked_add(&T::AppealWindow::get())
					.ok_or(sp_runtime::ArithmeticError::Overflow)?,
			)
		};
		claim.status = ClaimStatus::Denied { reason, appeal_closes_at };
		claim.decided_at = Some(now);
		claim.due_at = None;
		Self::put_claim(id, claim);
		Self::deposit_event(Event::ClaimDenied { claim: id, reason, appeal_closes_at });
		Ok(())
	}

	/// Flag the claims due in block `now` that are still undecided; the hook's weight.
	pub(crate) fn flag_overdue(now: BlockNumberFor<T>) -> Weight {
		let due = DueClaims::<T>::take(now);
		for id in due.iter() {
			let Some(mut claim) = Claims::<T>::get(id) else { continue };
			// A claim decided, or appealed since with a later deadline, is not overdue now.
			if claim.status != ClaimStatus::Submitted || claim.due_at != Some(now) {
				continue;
			}
			let Some(payer) = claim.payer else { continue };
			claim.overdue = true;
			// Still undecided: its place in the open-claim indexes stays as it is.
			Claims::<T>::insert(id, claim);
			Self::deposit_event(Event::ClaimOverdue { claim: *id, payer });
		}
		T::WeightInfo::flag_overdue(due.len() as u32)
	}
}
