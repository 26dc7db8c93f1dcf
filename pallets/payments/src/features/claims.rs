//! Submitting, withdrawing and appealing claims: the provider's side.

use crate::*;
use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get, BoundedVec};
use sp_core::H256;
use sp_runtime::{
	traits::{CheckedAdd, Zero},
	DispatchError,
};

/// An amount for each line of a claim.
type LineAmounts<T> = BoundedVec<BalanceOf<T>, <T as Config>::MaxLines>;

impl<T: Config> Pallet<T> {
	/// The claim `claim`, if `provider` submitted it.
	fn provider_claim(provider: OrgId, claim: ClaimId) -> Result<ClaimOf<T>, DispatchError> {
		let stored = Claims::<T>::get(claim).ok_or(Error::<T>::ClaimNotFound)?;
		ensure!(provider == stored.provider, Error::<T>::NotClaimProvider);
		Ok(stored)
	}

	/// The amount of each line, none zero, each commitment once; and their sum.
	fn line_amounts(
		lines: &BoundedVec<ClaimLine<BalanceOf<T>>, T::MaxLines>,
	) -> Result<(LineAmounts<T>, BalanceOf<T>), DispatchError> {
		ensure!(!lines.is_empty(), Error::<T>::NoLines);
		let amounts = lines
			.iter()
			.enumerate()
			.map(|(i, line)| {
				ensure!(!line.amount.is_zero(), Error::<T>::ZeroLineAmount);
				ensure!(
					!lines.iter().take(i).any(|earlier| earlier.commitment == line.commitment),
					Error::<T>::DuplicateLine
				);
				Ok(line.amount)
			})
			.collect::<Result<Vec<_>, DispatchError>>()?;
		// Not zero: there is a line, and no line is zero.
		let total = checked_sum(amounts.iter().copied()).ok_or(Error::<T>::AmountOverflow)?;
		// As many amounts as lines, so nothing is cut.
		Ok((BoundedVec::truncate_from(amounts), total))
	}

	/// The claim cites at least one record; each cited hash is an anchored record of `patient`
	/// that `provider` holds (so anchored under the patient's consent to it: the treatment
	/// billed for), not retracted, cited once, that `payer` (if any) may see for payment.
	fn check_evidence(
		provider: OrgId,
		patient: &PatientId,
		payer: Option<OrgId>,
		evidence: &[H256],
	) -> DispatchResult {
		ensure!(!evidence.is_empty(), Error::<T>::NoEvidence);
		for (i, hash) in evidence.iter().enumerate() {
			ensure!(
				!evidence.iter().take(i).any(|earlier| earlier == hash),
				Error::<T>::DuplicateEvidence
			);
			let (record, subject) =
				T::Records::by_hash(provider, hash).ok_or(Error::<T>::UnknownEvidence)?;
			ensure!(subject.patient == *patient, Error::<T>::EvidenceOfOtherPatient);
			ensure!(!subject.retracted, Error::<T>::EvidenceRetracted);
			if let Some(payer) = payer {
				ensure!(
					T::Consent::has_record_access(patient, payer, record, Purpose::Payment),
					Error::<T>::NoPayerConsent
				);
			}
		}
		Ok(())
	}

	/// Queue `claim`'s deadline `due_at`, after every deadline already set.
	pub(crate) fn schedule_due(claim: ClaimId, due_at: BlockNumberFor<T>) -> DispatchResult {
		let (first, next) = DueQueueBounds::<T>::get();
		let after = next.checked_add(1).ok_or(sp_runtime::ArithmeticError::Overflow)?;
		DueQueue::<T>::insert(next, (due_at, claim));
		DueQueueBounds::<T>::put((first, after));
		Ok(())
	}

	/// The block a claim decided from now on falls due in.
	pub(crate) fn due_from_now() -> Result<BlockNumberFor<T>, DispatchError> {
		frame_system::Pallet::<T>::block_number()
			.checked_add(&T::AdjudicationDeadline::get())
			.ok_or(sp_runtime::ArithmeticError::Overflow.into())
	}

	pub(crate) fn do_submit(
		provider: OrgId,
		patient: PatientId,
		payer: Option<OrgId>,
		payee: T::AccountId,
		lines: BoundedVec<ClaimLine<BalanceOf<T>>, T::MaxLines>,
		evidence: BoundedVec<H256, T::MaxEvidence>,
	) -> DispatchResult {
		ensure!(
			T::Organizations::acting_for(&payee, OrgKind::Provider) == Some(provider),
			Error::<T>::PayeeNotOfProvider
		);
		ensure!(T::Patients::is_active_patient(&patient), Error::<T>::PatientNotActive);
		if let Some(payer) = payer {
			ensure!(T::Organizations::is_active(payer, OrgKind::Payer), Error::<T>::PayerNotActive);
		}
		let (amounts, total) = Self::line_amounts(&lines)?;
		Self::check_evidence(provider, &patient, payer, &evidence)?;

		let id = NextClaimId::<T>::get();
		let next = id.checked_add(1).ok_or(sp_runtime::ArithmeticError::Overflow)?;
		let now = frame_system::Pallet::<T>::block_number();
		let (status, due_at) = match payer {
			Some(_) => {
				let due_at = Self::due_from_now()?;
				Self::schedule_due(id, due_at)?;
				(ClaimStatus::Submitted { due_at, overdue: false, appealed: false }, Some(due_at))
			}
			// Billed to the patient alone: approved at once, in full, as the patient's share.
			None => (
				ClaimStatus::Approved {
					approval: Approval {
						decided_at: now,
						allowed: amounts,
						payer_amount: Zero::zero(),
						patient_amount: total,
					},
					unpaid: Unpaid::Patient,
				},
				None,
			),
		};
		let claim = Claim {
			provider,
			payee,
			payer,
			patient,
			lines,
			total,
			evidence,
			submitted_at: now,
			status,
		};
		NextClaimId::<T>::put(next);
		Self::deposit_event(Event::ClaimSubmitted {
			claim: id,
			provider,
			payer,
			patient,
			total,
			due_at,
		});
		if payer.is_none() {
			Self::deposit_event(Event::ClaimApproved {
				claim: id,
				allowed: total,
				payer_amount: Zero::zero(),
				patient_amount: total,
			});
		}
		Self::put_claim(id, claim);
		Ok(())
	}

	pub(crate) fn do_withdraw(provider: OrgId, id: ClaimId) -> DispatchResult {
		let mut claim = Self::provider_claim(provider, id)?;
		ensure!(claim.may_withdraw(), Error::<T>::CannotWithdraw);
		claim.status = ClaimStatus::Withdrawn { at: frame_system::Pallet::<T>::block_number() };
		Self::put_claim(id, claim);
		Self::deposit_event(Event::ClaimWithdrawn { claim: id });
		Ok(())
	}

	pub(crate) fn do_appeal(provider: OrgId, id: ClaimId) -> DispatchResult {
		let mut claim = Self::provider_claim(provider, id)?;
		let ClaimStatus::Denied { appeal_closes_at, .. } = claim.status else {
			return Err(Error::<T>::NotDenied.into());
		};
		let closes_at = appeal_closes_at.ok_or(Error::<T>::AlreadyAppealed)?;
		ensure!(
			frame_system::Pallet::<T>::block_number() < closes_at,
			Error::<T>::AppealWindowClosed
		);
		let due_at = Self::due_from_now()?;
		Self::schedule_due(id, due_at)?;
		claim.status = ClaimStatus::Submitted { due_at, overdue: false, appealed: true };
		Self::put_claim(id, claim);
		Self::deposit_event(Event::ClaimAppealed { claim: id, due_at });
		Ok(())
	}

	pub(crate) fn do_set_payee(
		provider: OrgId,
		id: ClaimId,
		payee: T::AccountId,
	) -> DispatchResult {
		let mut claim = Self::provider_claim(provider, id)?;
		ensure!(claim.is_open(), Error::<T>::ClaimClosed);
		ensure!(
			T::Organizations::acting_for(&payee, OrgKind::Provider) == Some(provider),
			Error::<T>::PayeeNotOfProvider
		);
		claim.payee = payee.clone();
		Self::put_claim(id, claim);
		Self::deposit_event(Event::PayeeChanged { claim: id, payee });
		Ok(())
	}

	/// Store `claim`, listed in the open-claim indexes exactly while it is open for its
	/// provider and while it waits for its payer.
	pub(crate) fn put_claim(id: ClaimId, claim: ClaimOf<T>) {
		if claim.is_open() {
			OpenClaimsOfProvider::<T>::insert(claim.provider, id, ());
		} else {
			OpenClaimsOfProvider::<T>::remove(claim.provider, id);
		}
		if let Some(payer) = claim.payer {
			if claim.awaits_payer() {
				OpenClaimsOfPayer::<T>::insert(payer, id, ());
			} else {
				OpenClaimsOfPayer::<T>::remove(payer, id);
			}
		}
		Claims::<T>::insert(id, claim);
	}
}
