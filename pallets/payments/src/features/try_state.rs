//! The pallet's invariants, checked after every test and by `try-runtime`.

use crate::*;
use alloc::collections::{btree_map::BTreeMap, btree_set::BTreeSet};
use frame_support::{ensure, traits::fungible::InspectHold};
use medchain_primitives::holds::every_hold_expected;
use sp_runtime::{
	traits::{CheckedAdd, Zero},
	TryRuntimeError,
};

impl<T: Config> Pallet<T> {
	/// - Every claim has an id below `NextClaimId`, lines within bounds, a total that is their
	///   sum, and at least one piece of evidence. An approval allows at most each line's amount,
	///   on every line, and splits the allowed total into the payer's amount and the patient's
	///   share; what it leaves unpaid is some of its parts that are not zero (none left: the
	///   claim is settled), and the payer's part only with a payer. An undecided claim has a payer.
	/// - The open-claim indexes hold exactly the open claims of each provider and the claims
	///   waiting for each payer.
	/// - Escrow balances: each escrow holds something and has committed at most what it holds;
	///   what it has committed is the sum of the payer's unpaid amounts of approved claims; and
	///   what each funder has on hold for escrow is what its escrows hold.
	/// - The due queue holds exactly the positions between its bounds; every undecided claim is
	///   flagged overdue only once its deadline has come, and until it is flagged its deadline is
	///   in the queue.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let now = frame_system::Pallet::<T>::block_number();
		let (first, next) = DueQueueBounds::<T>::get();
		ensure!(first <= next, "due queue bounds crossed");
		let mut queued = BTreeSet::new();
		for (position, entry) in DueQueue::<T>::iter() {
			ensure!(first <= position && position < next, "due queue entry out of bounds");
			queued.insert(entry);
		}
		ensure!(
			u64::try_from(DueQueue::<T>::iter_keys().count()).ok() == next.checked_sub(first),
			"due queue has holes"
		);
		let mut committed = BTreeMap::<OrgId, BalanceOf<T>>::new();
		let (mut provider_open, mut payer_open) = (0usize, 0usize);
		for (id, claim) in Claims::<T>::iter() {
			ensure!(id < NextClaimId::<T>::get(), "claim id not below NextClaimId");
			ensure!(
				checked_sum(claim.lines.iter().map(|line| line.amount)) == Some(claim.total),
				"total is not the sum of the lines"
			);
			ensure!(!claim.evidence.is_empty(), "claim without evidence");
			match &claim.status {
				ClaimStatus::Submitted { due_at, overdue, .. } => {
					ensure!(claim.payer.is_some(), "undecided claim without a payer");
					if *overdue {
						ensure!(*due_at <= now, "flagged overdue before its deadline");
					} else {
						ensure!(queued.contains(&(*due_at, id)), "deadline not queued");
					}
				}
				ClaimStatus::Approved { approval, unpaid } => {
					Self::check_approval(&claim, approval)?;
					ensure!(
						(!unpaid.payer() || !approval.payer_amount.is_zero())
							&& (!unpaid.patient() || !approval.patient_amount.is_zero()),
						"unpaid parts are not the parts owed"
					);
					if unpaid.payer() {
						let payer = claim.payer.ok_or("payer's amount without a payer")?;
						let sum = committed.entry(payer).or_default();
						*sum =
							sum.checked_add(&approval.payer_amount).ok_or("commitment overflow")?;
					}
				}
				ClaimStatus::Settled { approval, .. } => Self::check_approval(&claim, approval)?,
				ClaimStatus::Denied { .. } | ClaimStatus::Withdrawn { .. } => {}
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
		}
		ensure!(OpenClaimsOfProvider::<T>::iter().count() == provider_open, "stale provider index");
		ensure!(OpenClaimsOfPayer::<T>::iter().count() == payer_open, "stale payer index");

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

	/// An approval of `claim` allows at most each line's amount, on every line, and splits the
	/// allowed total into the payer's amount and the patient's share, the payer's only with a
	/// payer.
	fn check_approval(claim: &ClaimOf<T>, approval: &ApprovalOf<T>) -> Result<(), TryRuntimeError> {
		ensure!(approval.allowed.len() == claim.lines.len(), "an amount allowed per line");
		ensure!(
			claim
				.lines
				.iter()
				.zip(approval.allowed.iter())
				.all(|(line, allowed)| *allowed <= line.amount),
			"allowed more than billed"
		);
		ensure!(
			checked_sum(approval.allowed.iter().copied())
				== approval.payer_amount.checked_add(&approval.patient_amount),
			"allowed total is not the payer's amount plus the patient's share"
		);
		ensure!(
			claim.payer.is_some() || approval.payer_amount.is_zero(),
			"payer's amount without a payer"
		);
		Ok(())
	}
}
