//! The pallet's invariants, checked after every test and by `try-runtime`.

use crate::*;
use alloc::collections::btree_map::BTreeMap;
use alloc::vec::Vec;
use frame_support::{ensure, traits::fungible::InspectHold};
use medchain_primitives::holds::every_hold_expected;
use sp_runtime::{
	traits::{CheckedAdd, Zero},
	TryRuntimeError,
};

impl<T: Config> Pallet<T> {
	/// - Every claim has an id below `NextClaimId`, lines within bounds and a total that is
	///   their sum. An approved or settled claim allows at most each line's amount, on every
	///   line, and splits the allowed total into the payer's amount and the patient's share.
	///   A claim is settled exactly when it is paid in full: settled ⇒ both parts paid, and both
	///   parts paid ⇒ settled.
	/// - The open-claim indexes hold exactly the open claims of each provider and the claims
	///   waiting for each payer.
	/// - Escrow balances: each escrow holds something and has committed at most what it holds;
	///   what it has committed is the sum of the payer's unpaid amounts of approved claims; and
	///   what each funder has on hold for escrow is what its escrows hold.
	/// - Every undecided claim with a payer is flagged overdue if its deadline has come, and
	///   otherwise is listed under its deadline's block in `DueClaims`.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let now = frame_system::Pallet::<T>::block_number();
		let mut committed = BTreeMap::<OrgId, BalanceOf<T>>::new();
		let (mut provider_open, mut payer_open) = (0usize, 0usize);
		for (id, claim) in Claims::<T>::iter() {
			ensure!(id < NextClaimId::<T>::get(), "claim id not below NextClaimId");
			let amounts: Option<Vec<_>> = claim.lines.iter().map(|line| line.amount()).collect();
			ensure!(
				amounts.and_then(checked_sum) == Some(claim.total),
				"total is not the sum of the lines"
			);
			if matches!(claim.status, ClaimStatus::Approved | ClaimStatus::Settled) {
				ensure!(claim.allowed.len() == claim.lines.len(), "an amount allowed per line");
				ensure!(
					claim.lines.iter().zip(claim.allowed.iter()).all(|(line, allowed)| line
						.amount()
						.is_some_and(|billed| *allowed <= billed)),
					"allowed more than billed"
				);
				ensure!(
					checked_sum(claim.allowed.iter().copied())
						== claim.payer_amount.checked_add(&claim.patient_amount),
					"allowed total is not the payer's amount plus the patient's share"
				);
			}
			let paid_in_full = claim.payer_paid && claim.patient_paid;
			let settled = claim.status == ClaimStatus::Settled;
			ensure!(paid_in_full || !settled, "settled but not paid");
			ensure!(settled || !paid_in_full, "paid but not settled");
			if claim.status == ClaimStatus::Approved && !claim.payer_paid {
				let payer = claim.payer.ok_or("payer's amount without a payer")?;
				let sum = committed.entry(payer).or_default();
				*sum = sum.checked_add(&claim.payer_amount).ok_or("commitment overflow")?;
			}
			ensure!(
				OpenClaimsOfProvider::<T>::contains_key(claim.provider, id) == claim.is_open(),
				"provider index out of step"
			);
			provider_open = provider_open.saturating_add(usize::from(claim.is_open()));
			if let Some(payer) = claim.payer {
				ensure!(
					OpenClaimsOfPayer::<T>::contains_key(payer, id) == claim.awaits_payer(),
					"payer index out of step"
				);
				payer_open = payer_open.saturating_add(usize::from(claim.awaits_payer()));
			}
			if claim.status == ClaimStatus::Submitted && claim.payer.is_some() {
				let due_at = claim.due_at.ok_or("undecided claim without a deadline")?;
				if claim.overdue {
					ensure!(due_at <= now, "flagged overdue before its deadline");
				} else {
					ensure!(due_at > now, "deadline passed without the hook");
					ensure!(DueClaims::<T>::get(due_at).contains(&id), "deadline not scheduled");
				}
			}
		}
		ensure!(OpenClaimsOfProvider::<T>::iter().count() == provider_open, "stale provider index");
		ensure!(OpenClaimsOfPayer::<T>::iter().count() == payer_open, "stale payer index");
		ensure!(DueClaims::<T>::iter_keys().all(|block| block > now), "due list left behind");

		let mut held = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		for (payer, escrow) in Escrows::<T>::iter() {
			ensure!(!escrow.held.is_zero(), "empty escrow stored");
			ensure!(escrow.committed <= escrow.held, "escrow committed more than it holds");
			ensure!(
				escrow.committed == committed.remove(&payer).unwrap_or_default(),
				"escrow commitments are not the approved unpaid amounts"
			);
			let sum = held.entry(escrow.funder.clone()).or_default();
			*sum = sum.checked_add(&escrow.held).ok_or("escrow overflow")?;
		}
		ensure!(committed.is_empty(), "approved unpaid amounts without an escrow");
		let reason = HoldReason::ClaimEscrow.into();
		ensure!(
			every_hold_expected(frame_system::Account::<T>::iter_keys(), &held, |who| {
				T::Currency::balance_on_hold(&reason, who)
			}),
			"escrow hold is not what the escrows hold"
		);
		Ok(())
	}
}
