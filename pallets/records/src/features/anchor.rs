//! Anchoring, amending and retracting records; anchoring batches.

use crate::*;
use frame_support::{
	ensure,
	pallet_prelude::DispatchResult,
	traits::{Get, Time},
};
use sp_core::H256;
use sp_runtime::{ArithmeticError, DispatchError};

impl<T: Config> Pallet<T> {
	/// The patient is active and lets `custodian` hold records of `category` for treatment.
	fn ensure_may_hold(
		patient: &PatientId,
		custodian: OrgId,
		category: RecordCategory,
	) -> DispatchResult {
		ensure!(T::Patients::is_active_patient(patient), Error::<T>::PatientNotActive);
		ensure!(
			T::Consent::has_access(patient, custodian, category, Purpose::Treatment),
			Error::<T>::NoConsent
		);
		Ok(())
	}

	/// Store a new version under the next id, with its indexes; returns the id.
	fn insert_version(
		anchor: RecordAnchorOf<T>,
		first_version: Option<RecordId>,
	) -> Result<RecordId, DispatchError> {
		ensure!(
			!RecordByHash::<T>::contains_key(anchor.content_hash, anchor.custodian),
			Error::<T>::AlreadyAnchored
		);
		let id = NextRecordId::<T>::get();
		NextRecordId::<T>::put(id.checked_add(1).ok_or(ArithmeticError::Overflow)?);
		let first_version = first_version.unwrap_or(id);
		RecordByHash::<T>::insert(anchor.content_hash, anchor.custodian, id);
		RecordsByPatient::<T>::insert(anchor.patient, id, ());
		RecordsByCustodian::<T>::insert(anchor.custodian, id, ());
		LatestVersion::<T>::insert(first_version, id);
		Anchors::<T>::insert(id, RecordAnchor { first_version, ..anchor });
		Ok(id)
	}

	fn new_anchor(
		author: T::AccountId,
		patient: PatientId,
		custodian: OrgId,
		content_hash: H256,
		algorithm: HashAlgorithm,
		category: RecordCategory,
		locator: Option<H256>,
	) -> RecordAnchorOf<T> {
		RecordAnchor {
			patient,
			custodian,
			author,
			content_hash,
			algorithm,
			category,
			locator,
			anchored_at: frame_system::Pallet::<T>::block_number(),
			timestamp: T::Time::now(),
			first_version: Default::default(),
			version: 1,
			previous: None,
			status: RecordStatus::Active,
		}
	}

	pub(crate) fn do_anchor_record(
		who: T::AccountId,
		custodian: OrgId,
		patient: PatientId,
		content_hash: H256,
		algorithm: HashAlgorithm,
		category: RecordCategory,
		locator: Option<H256>,
	) -> DispatchResult {
		Self::ensure_may_hold(&patient, custodian, category)?;
		let anchor =
			Self::new_anchor(who, patient, custodian, content_hash, algorithm, category, locator);
		let record = Self::insert_version(anchor, None)?;
		Self::deposit_event(Event::RecordAnchored {
			record,
			patient,
			custodian,
			content_hash,
			algorithm,
			category,
		});
		Ok(())
	}

	/// The latest, active version `record`, if `provider` is its custodian.
	fn latest_held_by(
		provider: OrgId,
		record: RecordId,
	) -> Result<RecordAnchorOf<T>, DispatchError> {
		let anchor = Anchors::<T>::get(record).ok_or(Error::<T>::RecordNotFound)?;
		ensure!(provider == anchor.custodian, Error::<T>::NotCustodian);
		match anchor.status {
			RecordStatus::Active => Ok(anchor),
			RecordStatus::Amended { .. } => Err(Error::<T>::NotLatestVersion.into()),
			RecordStatus::Retracted { .. } => Err(Error::<T>::RecordIsRetracted.into()),
		}
	}

	pub(crate) fn do_amend_record(
		who: T::AccountId,
		provider: OrgId,
		previous: RecordId,
		content_hash: H256,
		algorithm: HashAlgorithm,
		locator: Option<H256>,
	) -> DispatchResult {
		let mut old = Self::latest_held_by(provider, previous)?;
		ensure!(old.version < T::MaxVersions::get(), Error::<T>::TooManyVersions);
		Self::ensure_may_hold(&old.patient, old.custodian, old.category)?;
		let version = old.version.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		let first_version = old.first_version;
		let anchor = RecordAnchor {
			version,
			previous: Some(previous),
			..Self::new_anchor(
				who,
				old.patient,
				old.custodian,
				content_hash,
				algorithm,
				old.category,
				locator,
			)
		};
		let record = Self::insert_version(anchor, Some(first_version))?;
		old.status = RecordStatus::Amended { by: record };
		Anchors::<T>::insert(previous, old);
		Self::deposit_event(Event::RecordAmended {
			record,
			previous,
			first_version,
			version,
			content_hash,
		});
		Ok(())
	}

	pub(crate) fn do_retract_record(
		provider: OrgId,
		record: RecordId,
		reason: RetractionReason,
	) -> DispatchResult {
		let mut anchor = Self::latest_held_by(provider, record)?;
		anchor.status = RecordStatus::Retracted { reason };
		Anchors::<T>::insert(record, anchor);
		Self::deposit_event(Event::RecordRetracted { record, reason });
		Ok(())
	}

	pub(crate) fn do_anchor_batch(
		who: T::AccountId,
		custodian: OrgId,
		root: H256,
		leaf_count: u32,
	) -> DispatchResult {
		ensure!((1..=T::MaxBatchLeaves::get()).contains(&leaf_count), Error::<T>::InvalidLeafCount);
		ensure!(!Batches::<T>::contains_key(root, custodian), Error::<T>::BatchAlreadyAnchored);
		Batches::<T>::insert(
			root,
			custodian,
			BatchAnchor {
				custodian,
				author: who,
				leaf_count,
				anchored_at: frame_system::Pallet::<T>::block_number(),
				timestamp: T::Time::now(),
			},
		);
		Self::deposit_event(Event::BatchAnchored { root, custodian, leaf_count });
		Ok(())
	}
}
