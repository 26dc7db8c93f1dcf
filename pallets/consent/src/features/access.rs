//! Access: the consent check, the access log and break-glass.

use crate::*;
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::DispatchResult,
	traits::{Get, Time},
	BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_core::H256;
use sp_runtime::{
	traits::{CheckedAdd, Saturating, Verify, Zero},
	ArithmeticError, DispatchError,
};

impl<T: Config> Pallet<T> {
	/// Whether `org` has an open break-glass window for `patient` at block `now`.
	fn in_break_glass(patient: &PatientId, org: OrgId, now: BlockNumberFor<T>) -> bool {
		BreakGlassLog::<T>::get(patient)
			.iter()
			.any(|window| window.org == org && now < window.closes_at)
	}

	/// On what basis `org` (and, if given, its member `member`) may access `target` of
	/// `patient` for `purpose` now: a member's own grant, then the organization's, then (for
	/// treatment) an open break-glass window. `None`: no access.
	pub(crate) fn access_basis(
		patient: &PatientId,
		org: OrgId,
		member: Option<&T::AccountId>,
		target: &AccessTarget,
		purpose: Purpose,
	) -> Option<AccessBasis> {
		Self::granted(patient, org, member, target, purpose).or_else(|| {
			let now = frame_system::Pallet::<T>::block_number();
			(purpose == Purpose::Treatment
				&& T::Patients::is_active_patient(patient)
				&& Self::in_break_glass(patient, org, now))
			.then_some(AccessBasis::BreakGlass)
		})
	}

	/// The grant by which `org` (and, if given, its member `member`) may access `target` of
	/// `patient` for `purpose` now: a member's own grant, then the organization's. Break-glass
	/// is no grant.
	fn granted(
		patient: &PatientId,
		org: OrgId,
		member: Option<&T::AccountId>,
		target: &AccessTarget,
		purpose: Purpose,
	) -> Option<AccessBasis> {
		if !T::Patients::is_active_patient(patient) {
			return None;
		}
		let now = frame_system::Pallet::<T>::block_number();
		let granted = |grantee: &Grantee<T::AccountId>| {
			Grants::<T>::get(patient, grantee)
				.iter()
				.find(|grant| grant.org == org && grant.allows(target, purpose, now))
				.map(|grant| AccessBasis::Grant(grant.id))
		};
		member
			.and_then(|account| granted(&Grantee::Member(account.clone())))
			.or_else(|| granted(&Grantee::Organization(org)))
	}

	/// The record `record` as an access target, if it is `patient`'s.
	pub(crate) fn record_target(
		patient: &PatientId,
		record: RecordId,
	) -> Result<AccessTarget, DispatchError> {
		let subject = T::Records::subject(record).ok_or(Error::<T>::RecordNotFound)?;
		ensure!(subject.patient == *patient, Error::<T>::WrongPatient);
		Ok(AccessTarget::Record(record, subject))
	}

	/// Append an entry to the patient's access trail; returns its index and the new head.
	fn append_to_trail(
		patient: PatientId,
		accessor: T::AccountId,
		org: OrgId,
		action: AccessAction<BlockNumberFor<T>>,
	) -> Result<(u64, H256), DispatchError> {
		let trail = AccessTrails::<T>::get(patient);
		let index = trail.count.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		let entry = AccessEntry {
			index,
			patient,
			accessor,
			org,
			block: frame_system::Pallet::<T>::block_number(),
			action,
		};
		let head = entry.chain(&trail.head);
		AccessTrails::<T>::insert(patient, AccessTrail { count: index, head });
		Ok((index, head))
	}

	pub(crate) fn do_log_access(
		who: T::AccountId,
		org: OrgId,
		patient: PatientId,
		record: RecordId,
		purpose: Purpose,
	) -> DispatchResult {
		ensure!(T::Patients::is_active_patient(&patient), Error::<T>::PatientNotActive);
		let target = Self::record_target(&patient, record)?;
		let basis = Self::access_basis(&patient, org, Some(&who), &target, purpose)
			.ok_or(Error::<T>::NoConsent)?;
		let (index, head) = Self::append_to_trail(
			patient,
			who.clone(),
			org,
			AccessAction::Accessed { record, purpose, basis },
		)?;
		Self::deposit_event(Event::AccessLogged {
			patient,
			record,
			accessor: who,
			org,
			purpose,
			basis,
			index,
			head,
		});
		Ok(())
	}

	/// By a member of `org`, on `request` signed by its accessor.
	pub(crate) fn do_log_release(
		org: OrgId,
		request: ReleaseRequest<T::AccountId>,
		signature: T::Signature,
	) -> DispatchResult {
		ensure!(request.custodian == org, Error::<T>::NotCustodian);
		let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
		ensure!(genesis.as_ref() == request.genesis.as_bytes(), Error::<T>::WrongChain);
		let now = T::Time::now();
		let window = T::ReleaseWindow::get();
		ensure!(
			request.issued_at.saturating_add(window) >= now
				&& request.issued_at <= now.saturating_add(window),
			Error::<T>::StaleRequest
		);
		let last = LastRelease::<T>::get(org, &request.accessor);
		ensure!(last.is_none_or(|last| request.issued_at > last), Error::<T>::ReplayedRequest);
		ensure!(
			signature.verify(&request.signing_payload()[..], &request.accessor),
			Error::<T>::BadSignature
		);
		let (accessor_org, _) = T::Organizations::organization_of(&request.accessor)
			.ok_or(Error::<T>::AccessorNotMember)?;
		let subject = T::Records::subject(request.record).ok_or(Error::<T>::RecordNotFound)?;
		ensure!(subject.custodian == org, Error::<T>::NotCustodian);
		ensure!(!subject.retracted, Error::<T>::RecordRetracted);
		let patient = subject.patient;
		ensure!(T::Patients::is_active_patient(&patient), Error::<T>::PatientNotActive);
		let target = AccessTarget::Record(request.record, subject);
		let basis = Self::access_basis(
			&patient,
			accessor_org,
			Some(&request.accessor),
			&target,
			request.purpose,
		)
		.ok_or(Error::<T>::NoConsent)?;
		let evidence = request.evidence(&signature);
		let (index, head) = Self::append_to_trail(
			patient,
			request.accessor.clone(),
			accessor_org,
			AccessAction::Released {
				record: request.record,
				purpose: request.purpose,
				basis,
				custodian: org,
				evidence,
			},
		)?;
		LastRelease::<T>::insert(org, &request.accessor, request.issued_at);
		Self::deposit_event(Event::ReleaseLogged {
			patient,
			record: request.record,
			accessor: request.accessor,
			org: accessor_org,
			custodian: org,
			purpose: request.purpose,
			basis,
			evidence,
			index,
			head,
		});
		Ok(())
	}

	pub(crate) fn do_break_glass(
		who: T::AccountId,
		org: OrgId,
		patient: PatientId,
		reason: EmergencyReason,
	) -> DispatchResult {
		ensure!(T::Patients::is_active_patient(&patient), Error::<T>::PatientNotActive);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(!Self::in_break_glass(&patient, org, now), Error::<T>::BreakGlassActive);
		let closes_at =
			now.checked_add(&T::BreakGlassPeriod::get()).ok_or(ArithmeticError::Overflow)?;
		let period = T::BreakGlassQuotaPeriod::get();
		let mut openings: Vec<_> = BreakGlassOpenings::<T>::get(patient, org)
			.into_iter()
			.filter(|opened_at| opened_at.saturating_add(period) > now)
			.collect();
		ensure!(
			u32::try_from(openings.len()).unwrap_or(u32::MAX) < T::MaxBreakGlassPerPeriod::get(),
			Error::<T>::BreakGlassQuotaReached
		);
		openings.push(now);
		BreakGlassOpenings::<T>::insert(patient, org, BoundedVec::truncate_from(openings));
		let (index, head) = Self::append_to_trail(
			patient,
			who.clone(),
			org,
			AccessAction::BreakGlassOpened { reason, closes_at },
		)?;
		// Keep the latest `MaxBreakGlassKept` windows (at least one, see `integrity_test`): a
		// full list drops its oldest closed window, or its oldest if all are open.
		let mut windows: Vec<_> = BreakGlassLog::<T>::get(patient).into_inner();
		if windows.len() >= T::MaxBreakGlassKept::get() as usize {
			let drop = windows.iter().position(|window| window.closes_at <= now).unwrap_or(0);
			if drop < windows.len() {
				windows.remove(drop);
			}
		}
		windows.push(BreakGlass {
			org,
			opened_by: who.clone(),
			reason,
			opened_at: now,
			closes_at,
			opened: index,
			extended_by: None,
		});
		BreakGlassLog::<T>::insert(patient, BoundedVec::truncate_from(windows));
		BreakGlassReviews::<T>::insert(patient, index, PendingReview { org, extended_by: None });
		Self::deposit_event(Event::BreakGlassOpened {
			patient,
			org,
			opened_by: who,
			reason,
			closes_at,
			index,
			head,
		});
		Ok(())
	}
}

impl<T: Config> Pallet<T> {
	/// By `who`, acting for `acting`: `org` (not the opener) or an auditor.
	pub(crate) fn do_extend_break_glass(
		who: T::AccountId,
		acting: OrgId,
		org: OrgId,
		patient: PatientId,
	) -> DispatchResult {
		ensure!(T::Patients::is_active_patient(&patient), Error::<T>::PatientNotActive);
		let now = frame_system::Pallet::<T>::block_number();
		let mut windows = BreakGlassLog::<T>::get(patient);
		let window = windows
			.iter_mut()
			.find(|window| window.org == org && now < window.closes_at)
			.ok_or(Error::<T>::NoOpenBreakGlass)?;
		ensure!(window.opened_by != who, Error::<T>::SamePersonExtends);
		ensure!(window.extended_by.is_none(), Error::<T>::AlreadyExtended);
		let closes_at = window
			.closes_at
			.checked_add(&T::BreakGlassPeriod::get())
			.ok_or(ArithmeticError::Overflow)?;
		window.closes_at = closes_at;
		window.extended_by = Some(who.clone());
		// Reviewed or not, the extended window waits for a review of its second period, by an
		// auditor other than the one that extended it.
		BreakGlassReviews::<T>::insert(
			patient,
			window.opened,
			PendingReview {
				org,
				extended_by: Some(Extender { who: who.clone(), acting_for: acting }),
			},
		);
		BreakGlassLog::<T>::insert(patient, windows);
		let (index, head) = Self::append_to_trail(
			patient,
			who.clone(),
			org,
			AccessAction::BreakGlassExtended { org, closes_at },
		)?;
		Self::deposit_event(Event::BreakGlassExtended {
			patient,
			org,
			extended_by: who,
			closes_at,
			index,
			head,
		});
		Ok(())
	}

	/// By `who`, acting for the auditor `auditor`.
	pub(crate) fn do_review_break_glass(
		who: T::AccountId,
		auditor: OrgId,
		patient: PatientId,
		opened: u64,
		finding: ReviewFinding,
	) -> DispatchResult {
		let review =
			BreakGlassReviews::<T>::get(patient, opened).ok_or(Error::<T>::ReviewNotFound)?;
		ensure!(
			!review
				.extended_by
				.is_some_and(|extender| extender.who == who || extender.acting_for == auditor),
			Error::<T>::ReviewerExtended
		);
		BreakGlassReviews::<T>::remove(patient, opened);
		let (index, head) = Self::append_to_trail(
			patient,
			who.clone(),
			auditor,
			AccessAction::BreakGlassReviewed { opened, finding },
		)?;
		Self::deposit_event(Event::BreakGlassReviewed {
			patient,
			opened,
			auditor: who,
			org: auditor,
			finding,
			index,
			head,
		});
		Ok(())
	}
}

impl<T: Config> ConsentCheck for Pallet<T> {
	fn has_access(
		patient: &PatientId,
		org: OrgId,
		category: RecordCategory,
		purpose: Purpose,
	) -> bool {
		Self::granted(patient, org, None, &AccessTarget::Category(category), purpose).is_some()
	}

	fn has_record_access(
		patient: &PatientId,
		org: OrgId,
		record: RecordId,
		purpose: Purpose,
	) -> bool {
		Self::record_target(patient, record)
			.is_ok_and(|target| Self::access_basis(patient, org, None, &target, purpose).is_some())
	}
}
