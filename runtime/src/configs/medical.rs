//! The medical pallets: identity and records (and, as they arrive, consent and payments).

use crate::{AccountId, Balances, Patients, Runtime, RuntimeHoldReason, Timestamp};
use frame_support::traits::{ConstU128, ConstU32};
use frame_system::EnsureRoot;
use medchain_primitives::token::MILLI_MED;

impl pallet_patients::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	/// Sudo for now; a consortium council later.
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type MaxMembers = ConstU32<64>;
	type MaxDelegates = ConstU32<8>;
	type PatientDeposit = ConstU128<{ 100 * MILLI_MED }>;
	type DelegateDeposit = ConstU128<{ 20 * MILLI_MED }>;
	type MemberDeposit = ConstU128<{ 20 * MILLI_MED }>;
	type WeightInfo = pallet_patients::weights::SubstrateWeight<Runtime>;
}

impl pallet_records::Config for Runtime {
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmark_helpers::RecordsSetup;
	type Patients = Patients;
	type Organizations = Patients;
	/// Every active patient consents to every active provider until the consent pallet arrives.
	type Consent = ();
	type Time = Timestamp;
	type MaxVersions = ConstU32<100>;
	/// A batch covers at most 2^20 record hashes.
	type MaxBatchLeaves = ConstU32<1_048_576>;
	type WeightInfo = pallet_records::weights::SubstrateWeight<Runtime>;
}

#[cfg(feature = "runtime-benchmarks")]
mod benchmark_helpers {
	use super::*;
	use crate::RuntimeOrigin;
	use frame_support::traits::fungible::Mutate;
	use medchain_primitives::{token::MED, OrgKind, PatientId};

	/// Sets up, through `pallet-patients`' own calls, what the records benchmarks need.
	pub struct RecordsSetup;

	impl pallet_records::BenchmarkHelper<AccountId> for RecordsSetup {
		fn provider_and_patient() -> (AccountId, PatientId) {
			let admin: AccountId = frame_benchmarking::account("records-provider", 0, 0);
			let key: AccountId = frame_benchmarking::account("records-patient", 0, 0);
			for who in [&admin, &key] {
				Balances::set_balance(who, 1_000 * MED);
			}
			// Benchmark setup: a failure here must stop the benchmark loudly.
			#[allow(clippy::expect_used)]
			{
				Patients::admit_organization(
					RuntimeOrigin::root(),
					admin.clone(),
					OrgKind::Provider,
				)
				.expect("admits the provider");
				Patients::register_patient(RuntimeOrigin::signed(key.clone()), None)
					.expect("registers the patient");
			}
			let patient = pallet_patients::PatientOf::<Runtime>::get(&key).unwrap_or_default();
			(admin, patient)
		}
	}
}
