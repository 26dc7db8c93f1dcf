//! Benchmarks of every call.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use frame_system::RawOrigin;
use sp_core::H256;

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(<T as frame_system::Config>::RuntimeEvent::from(
		event,
	));
}

const FIRST: H256 = H256::repeat_byte(0x11);
const SECOND: H256 = H256::repeat_byte(0x22);

/// A provider account and a record it anchored; returns both.
fn anchored<T: Config>() -> Result<(T::AccountId, RecordId), BenchmarkError> {
	let (provider, patient) = T::BenchmarkHelper::provider_and_patient();
	let id = NextRecordId::<T>::get();
	Pallet::<T>::anchor_record(
		RawOrigin::Signed(provider.clone()).into(),
		patient,
		FIRST,
		HashAlgorithm::HmacSha2_256,
		RecordCategory::LabResult,
		Some(H256::repeat_byte(0xaa)),
	)?;
	Ok((provider, id))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn anchor_record() {
		let (provider, patient) = T::BenchmarkHelper::provider_and_patient();
		#[extrinsic_call]
		_(
			RawOrigin::Signed(provider),
			patient,
			FIRST,
			HashAlgorithm::HmacSha2_256,
			RecordCategory::LabResult,
			Some(H256::repeat_byte(0xaa)),
		);
		assert_eq!(RecordByHash::<T>::iter_prefix(FIRST).count(), 1);
	}

	#[benchmark]
	fn amend_record() -> Result<(), BenchmarkError> {
		let (provider, previous) = anchored::<T>()?;
		let record = NextRecordId::<T>::get();
		#[extrinsic_call]
		_(RawOrigin::Signed(provider), previous, SECOND, HashAlgorithm::KeyedBlake2_256, None);
		assert_last_event::<T>(Event::RecordAmended {
			record,
			previous,
			first_version: previous,
			version: 2,
			content_hash: SECOND,
		});
		Ok(())
	}

	#[benchmark]
	fn retract_record() -> Result<(), BenchmarkError> {
		let (provider, record) = anchored::<T>()?;
		#[extrinsic_call]
		_(RawOrigin::Signed(provider), record, RetractionReason::EnteredInError);
		assert_last_event::<T>(Event::RecordRetracted {
			record,
			reason: RetractionReason::EnteredInError,
		});
		Ok(())
	}

	#[benchmark]
	fn anchor_batch() {
		let (provider, _) = T::BenchmarkHelper::provider_and_patient();
		let leaf_count = T::MaxBatchLeaves::get();
		#[extrinsic_call]
		_(RawOrigin::Signed(provider), FIRST, leaf_count);
		assert_eq!(Batches::<T>::iter_prefix(FIRST).count(), 1);
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
