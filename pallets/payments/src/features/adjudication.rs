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
	/// The undecided claim `claim`, if `payer` is its payer; and whether it is on appeal.
	fn payer_claim(payer: OrgId, claim: ClaimId) -> Result<(ClaimOf<T>, bool), DispatchError> {
		let stored = Claims::<T>::get(claim).ok_or(Error::<T>::ClaimNotFound)?;
		ensure!(stored.payer == Some(payer), Error::<T>::WrongPayer);
		let ClaimStatus::Submitted { appealed, .. } = stored.status else {
			return Err(Error::<T>::NotSubmitted.into());
		};
		Ok((stored, appealed))
	}

	pub(crate) fn do_approve(
		payer: OrgId,
		id: ClaimId,
		allowed: BoundedVec<BalanceOf<T>, T::MaxLines>,
		patient_share: BalanceOf<T>,
	) -> DispatchResult {
		let (mut claim, _) = Self::payer_claim(payer, id)?;
		ensure!(allowed.len() == claim.lines.len(), Error::<T>::LineCountMismatch);
		for (line, amount) in claim.lines.iter().zip(allowed.iter()) {
			ensure!(*amount <= line.amount, Error::<T>::OverApproval);
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
		Self::deposit_event(Event::ClaimApproved {
			claim: id,
			allowed: allowed_total,
			payer_amount,
			patient_amount: patient_share,
		});
		let approval = Approval {
			decided_at: frame_system::Pallet::<T>::block_number(),
			allowed,
			payer_amount,
			patient_amount: patient_share,
		};
		let unpaid = Unpaid::of(payer_amount.is_zero(), patient_share.is_zero());
		Self::leave_unpaid(id, &mut claim, approval, unpaid);
		Self::put_claim(id, claim);
		Ok(())
	}

	pub(crate) fn do_deny(payer: OrgId, id: ClaimId, reason: DenialReason) -> DispatchResult {
		let (mut claim, appealed) = Self::payer_claim(payer, id)?;
		let now = frame_system::Pallet::<T>::block_number();
		let appeal_closes_at = if appealed {
			None
		} else {
			Some(
				now.checked_add(&T::AppealWindow::get())
					.ok_or(sp_runtime::ArithmeticError::Overflow)?,
			)
		};
		claim.status = ClaimStatus::Denied { decided_at: now, reason, appeal_closes_at };
		Self::put_claim(id, claim);
		Self::deposit_event(Event::ClaimDenied { claim: id, reason, appeal_closes_at });
		Ok(())
	}

	/// Take from the queue the deadlines that have come by block `now`, at most
	/// `MaxDuePerBlock` of them, and flag their claims overdue if still undecided; the hook's
	/// weight.
	pub(crate) fn flag_overdue(now: BlockNumberFor<T>) -> Weight {
		let (mut first, next) = DueQueueBounds::<T>::get();
		let mut taken = 0u32;
		while first < next && taken < T::MaxDuePerBlock::get() {
			let entry = DueQueue::<T>::get(first);
			if entry.is_some_and(|(due_at, _)| due_at > now) {
				break;
			}
			DueQueue::<T>::remove(first);
			first = first.saturating_add(1);
			taken = taken.saturating_add(1);
			if let Some((due_at, id)) = entry {
				Self::flag_if_undecided(id, due_at);
			}
		}
		if taken > 0 {
			DueQueueBounds::<T>::put((first, next));
		}
		T::WeightInfo::flag_overdue(taken)
	}

	/// Flag claim `id` overdue if it still waits for the decision due at `due_at` (not decided,
	/// nor appealed since with a later deadline).
	fn flag_if_undecided(id: ClaimId, due_at: BlockNumberFor<T>) {
		let Some(mut claim) = Claims::<T>::get(id) else { return };
		let (ClaimStatus::Submitted { due_at: current, overdue, .. }, Some(payer)) =
			(&mut claim.status, claim.payer)
		else {
			return;
		};
		if *current != due_at || *overdue {
			return;
		}
		*overdue = true;
		// Still undecided: its place in the open-claim indexes stays as it is.
		Claims::<T>::insert(id, claim);
		Self::deposit_event(Event::ClaimOverdue { claim: id, payer });
	}
}
