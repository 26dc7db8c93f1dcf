//! The pallet's invariants, checked after every test and by `try-runtime`.

use crate::*;
use frame_support::{ensure, traits::Get};
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// - Every version has an id below `NextRecordId`, and is in the hash (under its
	///   custodian), patient and custodian indexes; every index entry points to a version that
	///   matches it.
	/// - Version chains are well formed, hence acyclic: a version's `previous` is the version
	///   numbered one lower, of the same record, patient and custodian, and marked amended by
	///   it; a first version has no `previous` and number 1.
	/// - No version is numbered above `MaxVersions`: with the chain rule, no record has more
	///   versions than that.
	/// - `LatestVersion` of each record points to its one version that is not amended.
	/// - Every batch is stored under its custodian, covers 1 to `MaxBatchLeaves` record hashes
	///   and was anchored in the current block or before.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let next = NextRecordId::<T>::get();
		let max_versions = T::MaxVersions::get();
		for (id, anchor) in Anchors::<T>::iter() {
			ensure!(id < next, "record id not below NextRecordId");
			ensure!(anchor.version <= max_versions, "version above MaxVersions");
			ensure!(
				RecordByHash::<T>::get(anchor.content_hash, anchor.custodian) == Some(id),
				"hash index missing"
			);
			ensure!(
				RecordsByPatient::<T>::contains_key(anchor.patient, id),
				"patient index missing"
			);
			ensure!(
				RecordsByCustodian::<T>::contains_key(anchor.custodian, id),
				"custodian index missing"
			);
			match anchor.previous {
				None => ensure!(
					anchor.version == 1 && anchor.first_version == id,
					"first version malformed"
				),
				Some(previous) => {
					let before = Anchors::<T>::get(previous).ok_or("previous version missing")?;
					ensure!(
						before.version.checked_add(1) == Some(anchor.version)
							&& before.first_version == anchor.first_version
							&& before.patient == anchor.patient
							&& before.custodian == anchor.custodian
							&& before.status == RecordStatus::Amended { by: id },
						"version chain broken"
					);
				}
			}
			let is_latest = LatestVersion::<T>::get(anchor.first_version) == Some(id);
			let amended = matches!(anchor.status, RecordStatus::Amended { .. });
			ensure!(is_latest != amended, "latest version inconsistent");
		}
		for (hash, custodian, id) in RecordByHash::<T>::iter() {
			ensure!(
				Anchors::<T>::get(id)
					.is_some_and(|a| a.content_hash == hash && a.custodian == custodian),
				"hash index stale"
			);
		}
		for (patient, id, ()) in RecordsByPatient::<T>::iter() {
			ensure!(
				Anchors::<T>::get(id).is_some_and(|a| a.patient == patient),
				"patient index stale"
			);
		}
		for (custodian, id, ()) in RecordsByCustodian::<T>::iter() {
			ensure!(
				Anchors::<T>::get(id).is_some_and(|a| a.custodian == custodian),
				"custodian index stale"
			);
		}
		for (first, latest) in LatestVersion::<T>::iter() {
			ensure!(
				Anchors::<T>::get(latest).is_some_and(|a| a.first_version == first),
				"LatestVersion stale"
			);
		}
		let now = frame_system::Pallet::<T>::block_number();
		for (_, custodian, batch) in Batches::<T>::iter() {
			ensure!(batch.custodian == custodian, "batch under another custodian");
			ensure!(
				(1..=T::MaxBatchLeaves::get()).contains(&batch.leaf_count),
				"batch leaf count out of range"
			);
			ensure!(batch.anchored_at <= now, "batch anchored after the current block");
		}
		Ok(())
	}
}
