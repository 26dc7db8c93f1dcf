//! The pallet's invariants, checked after every test and by `try-runtime`.

use crate::*;
use alloc::collections::btree_map::BTreeMap;
use frame_support::{
	ensure,
	traits::{fungible::InspectHold, Get, Time},
};
use medchain_primitives::holds::every_hold_expected;
use sp_runtime::{
	traits::{CheckedAdd, Saturating},
	TryRuntimeError,
};

impl<T: Config> Pallet<T> {
	/// - Every stored grant list is non-empty and within bounds; each grant has an id below
	///   `NextGrantId`, is in `GrantKeys` under its patient and grantee, has a non-empty scope
	///   and ends after it starts; `GrantKeys` has no other entries.
	/// - `GrantCount` of each patient is the number of their grants (absent when none), at most
	///   `MaxGrantsPerPatient`.
	/// - Every request has an id below `NextRequestId`, lapses `RequestLifetime` after it was
	///   made, and is listed once in `RequestsOf` of its patient with its organization and
	///   lapse; every listed id is a request of that patient; no list is stored empty, and no
	///   list holds more than `MaxRequestsPerOrganization` requests of one organization.
	/// - Deposits equal holds: for each account, what is held for grants (requests) equals the
	///   deposits of the grants (requests) it paid for.
	/// - Every stored access trail has entries and a head. (The entries are events, not storage,
	///   so the chain itself cannot be recomputed here; the auditor's end-to-end test does.)
	/// - No release request logged was issued later than `ReleaseWindow` from now (the time of a
	///   block only goes forward).
	/// - Every break-glass window waiting for review is an entry of its patient's trail.
	/// - Each kept break-glass window is an entry of its patient's trail: the trail counts at
	///   least as many entries as windows are kept, and the window names the entry that opened
	///   it. Windows last `BreakGlassPeriod` and are kept oldest first; one opened within the
	///   last `BreakGlassQuotaPeriod` is counted in its provider's `BreakGlassOpenings`.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let now = frame_system::Pallet::<T>::block_number();
		let mut grant_deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		let mut counts = BTreeMap::<PatientId, u32>::new();
		let mut grant_ids = 0u32;
		for (patient, grantee, grants) in Grants::<T>::iter() {
			ensure!(!grants.is_empty(), "empty grant list stored");
			for grant in grants {
				ensure!(grant.id < NextGrantId::<T>::get(), "grant id not below NextGrantId");
				ensure!(
					GrantKeys::<T>::get(grant.id) == Some((patient, grantee.clone())),
					"grant key missing"
				);
				ensure!(!grant.scope.is_empty(), "empty scope");
				ensure!(
					!matches!(&grantee, Grantee::Organization(org) if *org != grant.org),
					"an organization's grant bound to another organization"
				);
				ensure!(
					grant.expires_at.is_none_or(|end| end > grant.starts_at),
					"grant ends before it starts"
				);
				let paid = grant_deposits.entry(grant.paid_by.clone()).or_default();
				*paid = paid.checked_add(&grant.deposit).ok_or("grant deposit overflow")?;
				let count = counts.entry(patient).or_default();
				*count = count.checked_add(1).ok_or("count overflow")?;
				grant_ids = grant_ids.checked_add(1).ok_or("count overflow")?;
			}
		}
		ensure!(GrantKeys::<T>::iter().count() == grant_ids as usize, "stale grant key");
		ensure!(
			GrantCount::<T>::iter().count() == counts.len()
				&& counts.iter().all(|(patient, count)| {
					GrantCount::<T>::get(patient) == *count
						&& *count <= T::MaxGrantsPerPatient::get()
				}),
			"GrantCount differs from the grants"
		);

		for (patient, pending) in RequestsOf::<T>::iter() {
			ensure!(!pending.is_empty(), "empty request list stored");
			let mut per_org = BTreeMap::<OrgId, u32>::new();
			for entry in pending.iter() {
				let count = per_org.entry(entry.org).or_default();
				*count = count.saturating_add(1);
			}
			ensure!(
				per_org.values().all(|count| *count <= T::MaxRequestsPerOrganization::get()),
				"too many requests of one organization"
			);
			ensure!(
				pending
					.iter()
					.all(|entry| Requests::<T>::get(entry.request)
						.is_some_and(|r| r.patient == patient)),
				"stale request listed"
			);
		}

		let mut request_deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		for (id, request) in Requests::<T>::iter() {
			ensure!(id < NextRequestId::<T>::get(), "request id not below NextRequestId");
			ensure!(
				request.made_at.checked_add(&T::RequestLifetime::get()) == Some(request.lapses_at),
				"request lapses after another lifetime"
			);
			let listed =
				PendingRequest { request: id, org: request.org, lapses_at: request.lapses_at };
			ensure!(
				RequestsOf::<T>::get(request.patient).iter().filter(|r| **r == listed).count() == 1,
				"request not listed once"
			);
			let paid = request_deposits.entry(request.requested_by.clone()).or_default();
			*paid = paid.checked_add(&request.deposit).ok_or("request deposit overflow")?;
		}
		for (reason, deposits, differ) in [
			(HoldReason::ConsentGrant, grant_deposits, "grant deposits differ from holds"),
			(HoldReason::ConsentRequest, request_deposits, "request deposits differ from holds"),
		] {
			let reason = reason.into();
			ensure!(
				every_hold_expected(frame_system::Account::<T>::iter_keys(), &deposits, |who| {
					T::Currency::balance_on_hold(&reason, who)
				}),
				differ
			);
		}

		for trail in AccessTrails::<T>::iter_values() {
			ensure!(trail.count > 0, "access trail stored without entries");
			ensure!(!trail.head.is_zero(), "access trail with entries but no head");
		}
		let latest = T::Time::now().saturating_add(T::ReleaseWindow::get());
		ensure!(
			LastRelease::<T>::iter_values().all(|issued_at| issued_at <= latest),
			"a release logged that was issued later than the window allows"
		);
		for (patient, windows) in BreakGlassLog::<T>::iter() {
			let count = AccessTrails::<T>::get(patient).count;
			ensure!(
				count >= windows.len() as u64,
				"break-glass window missing from the access trail"
			);
			let mut opened = None;
			let mut entry = 0;
			for window in windows {
				ensure!(
					window.opened > entry && window.opened <= count,
					"break-glass window opened by an entry not in the trail, or out of order"
				);
				entry = window.opened;
				let period = T::BreakGlassPeriod::get();
				let length = if window.extended_by.is_some() {
					period.checked_add(&period)
				} else {
					Some(period)
				};
				ensure!(
					length.and_then(|length| window.opened_at.checked_add(&length))
						== Some(window.closes_at),
					"break-glass window length wrong"
				);
				ensure!(
					window.extended_by.as_ref() != Some(&window.opened_by),
					"break-glass window extended by its opener"
				);
				ensure!(opened.is_none_or(|o| o <= window.opened_at), "break-glass log unordered");
				opened = Some(window.opened_at);
			}
		}
		for (patient, windows) in BreakGlassLog::<T>::iter() {
			for window in windows {
				ensure!(
					window.opened_at.saturating_add(T::BreakGlassQuotaPeriod::get()) <= now
						|| BreakGlassOpenings::<T>::get(patient, window.org)
							.contains(&window.opened_at),
					"break-glass window within the quota period not counted in its openings"
				);
			}
		}
		for (patient, opened, _) in BreakGlassReviews::<T>::iter() {
			ensure!(
				opened >= 1 && opened <= AccessTrails::<T>::get(patient).count,
				"break-glass review of an entry not in the trail"
			);
		}
		Ok(())
	}
}
