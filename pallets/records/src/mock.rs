//! A test runtime with `frame-system`, `pallet-timestamp` and this pallet; identity and consent
//! come from the medical pallets' shared test world (`medchain_primitives::mock`).
#![allow(clippy::arithmetic_side_effects)]

use crate as pallet_records;
use crate::*;
use frame_support::{derive_impl, traits::ConstU32};
pub use medchain_primitives::mock::{AccountId, BuildWorld, MockWorld, World};
use medchain_primitives::origins::{kind, EnsureMember};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Timestamp: pallet_timestamp,
		Records: pallet_records,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Test {}

pub const MAX_VERSIONS: u32 = 3;
pub const MAX_BATCH_LEAVES: u32 = 1_000;

impl pallet_records::Config for Test {
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockWorld;
	type Patients = MockWorld;
	type ProviderOrigin = EnsureMember<AccountId, MockWorld, kind::Provider>;
	type Consent = MockWorld;
	type Time = Timestamp;
	type MaxVersions = ConstU32<MAX_VERSIONS>;
	type MaxBatchLeaves = ConstU32<MAX_BATCH_LEAVES>;
	type WeightInfo = ();
}

/// A doctor of provider 0.
pub const DOCTOR: AccountId = 1;
/// A doctor of provider 1.
pub const OTHER_DOCTOR: AccountId = 2;
/// An account of payer 2.
pub const INSURER: AccountId = 3;
/// An account that acts for nobody.
pub const OUTSIDER: AccountId = 4;
pub const HOSPITAL: OrgId = 0;
pub const CLINIC: OrgId = 1;
pub const ALICE: PatientId = PatientId::repeat_byte(0xa1);
pub const BOB: PatientId = PatientId::repeat_byte(0xb0);
pub const NOBODY: PatientId = PatientId::repeat_byte(0xff);

#[cfg(feature = "runtime-benchmarks")]
impl BenchmarkHelper<AccountId> for MockWorld {
	fn provider_and_patient() -> (AccountId, PatientId) {
		(DOCTOR, ALICE)
	}
}

pub const NOW: u64 = 1_700_000_000_000;

/// Builds test externalities; see [`ExtBuilder::build_and_execute`].
pub struct ExtBuilder {
	world: World,
}

/// Two providers and a payer; Alice and Bob let both providers hold their records.
impl Default for ExtBuilder {
	fn default() -> Self {
		let world = World::default()
			.with_provider(HOSPITAL, &[DOCTOR])
			.with_provider(CLINIC, &[OTHER_DOCTOR])
			.with_payer(2, &[INSURER])
			.with_patient(ALICE, 10)
			.with_patient(BOB, 11);
		let world = [ALICE, BOB].into_iter().fold(world, |world, patient| {
			world.with_grant(patient, HOSPITAL, Purpose::Treatment).with_grant(
				patient,
				CLINIC,
				Purpose::Treatment,
			)
		});
		Self { world }
	}
}

impl BuildWorld for ExtBuilder {
	fn world(&mut self) -> &mut World {
		&mut self.world
	}
}

impl ExtBuilder {
	pub fn build(self) -> sp_io::TestExternalities {
		self.world.install();
		let storage = RuntimeGenesisConfig::default().build_storage().expect("genesis builds");
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			Timestamp::set_timestamp(NOW);
		});
		ext
	}

	/// Run `test`, then check the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Records::do_try_state().expect("try_state invariants hold");
		});
	}
}

/// This pallet's events so far, oldest first.
pub fn events() -> Vec<pallet_records::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Records(event) => Some(event),
			_ => None,
		})
		.collect()
}
