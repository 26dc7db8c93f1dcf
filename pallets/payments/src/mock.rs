//! A test runtime with `frame-system`, `pallet-balances` and this pallet; identity, records and
//! consent come from the medical pallets' shared test world (`medchain_primitives::mock`).
#![allow(clippy::arithmetic_side_effects)]

use crate as pallet_payments;
use crate::*;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, Hooks},
};
pub use medchain_primitives::mock::{AccountId, BuildWorld, MockWorld, World};
use medchain_primitives::{
	origins::{kind, purpose, EnsureAdmin, EnsureMember, EnsurePatientAgent},
	DelegateRole, RecordId, RecordSubject,
};
use sp_core::H256;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;
pub type Balance = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Payments: pallet_payments,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

pub const MAX_LINES: u32 = 3;
pub const MAX_EVIDENCE: u32 = 2;
pub const DEADLINE: u64 = 10;
pub const APPEAL_WINDOW: u64 = 5;
pub const MAX_DUE_PER_BLOCK: u32 = 2;

parameter_types! {
	pub const AdjudicationDeadline: u64 = DEADLINE;
	pub const AppealWindow: u64 = APPEAL_WINDOW;
}

impl pallet_payments::Config for Test {
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockWorld;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Patients = MockWorld;
	type Organizations = MockWorld;
	type ProviderOrigin = EnsureMember<AccountId, MockWorld, kind::Provider>;
	type ProviderAdminOrigin = EnsureAdmin<AccountId, MockWorld, kind::Provider>;
	type PayerOrigin = EnsureMember<AccountId, MockWorld, kind::Payer>;
	type PatientPayerOrigin = EnsurePatientAgent<AccountId, MockWorld, purpose::Pay>;
	type Records = MockWorld;
	type Consent = MockWorld;
	type MaxLines = ConstU32<MAX_LINES>;
	type MaxEvidence = ConstU32<MAX_EVIDENCE>;
	type AdjudicationDeadline = AdjudicationDeadline;
	type AppealWindow = AppealWindow;
	type MaxDuePerBlock = ConstU32<MAX_DUE_PER_BLOCK>;
	type WeightInfo = ();
}

// Organizations.
pub const HOSPITAL: OrgId = 0;
pub const CLINIC: OrgId = 1;
pub const INSURER: OrgId = 2;
pub const OTHER_INSURER: OrgId = 3;
// Accounts.
/// The hospital's billing system.
pub const BILLING: AccountId = 1;
/// A doctor of the hospital.
pub const DOCTOR: AccountId = 2;
/// The clinic's clerk.
pub const CLINIC_CLERK: AccountId = 3;
/// A claims adjuster of the insurer.
pub const ADJUSTER: AccountId = 4;
/// The insurer's treasury account.
pub const TREASURY: AccountId = 5;
/// An adjuster of the other insurer.
pub const OTHER_ADJUSTER: AccountId = 6;
/// Acts for nobody.
pub const OUTSIDER: AccountId = 9;
/// Alice's own key.
pub const ALICE_KEY: AccountId = 10;
/// Bob's own key.
pub const BOB_KEY: AccountId = 11;
/// Alice's proxy (may pay).
pub const PROXY: AccountId = 12;
/// Alice's next of kin (may not pay).
pub const KIN: AccountId = 13;
// Patients.
pub const ALICE: PatientId = PatientId::repeat_byte(0xa1);
pub const BOB: PatientId = PatientId::repeat_byte(0xb0);
pub const NOBODY: PatientId = PatientId::repeat_byte(0xff);
// Records, by content hash.
/// Alice's lab result: the insurer may see it for payment.
pub const ALICE_LAB: H256 = H256::repeat_byte(0x11);
/// Alice's imaging: nobody may see it for payment.
pub const ALICE_SCAN: H256 = H256::repeat_byte(0x12);
/// Bob's encounter.
pub const BOB_VISIT: H256 = H256::repeat_byte(0x21);
/// Never anchored.
pub const UNANCHORED: H256 = H256::repeat_byte(0x99);

pub const ENDOWMENT: Balance = 10_000;

#[cfg(feature = "runtime-benchmarks")]
use frame_support::traits::fungible::Mutate;

#[cfg(feature = "runtime-benchmarks")]
impl BenchmarkHelper<AccountId> for MockWorld {
	fn patient(seed: u32) -> (AccountId, PatientId) {
		let key = 1_000 + AccountId::from(seed);
		let patient = PatientId::from_low_u64_be(key);
		MockWorld::edit(|world| {
			world.add_patient(
				patient,
				medchain_primitives::mock::MockPatient { key: Some(key), ..Default::default() },
			)
		});
		Balances::set_balance(&key, ENDOWMENT);
		(key, patient)
	}
	fn organization(kind: OrgKind, seed: u32) -> (AccountId, OrgId) {
		let org = 1_000 + seed;
		let admin = 2_000 + AccountId::from(seed);
		MockWorld::edit(|world| world.add_organization(org, kind, &[admin]));
		Balances::set_balance(&admin, ENDOWMENT);
		(admin, org)
	}
	fn evidence(
		provider: &AccountId,
		_: &AccountId,
		patient: PatientId,
		payer: OrgId,
		count: u32,
	) -> Vec<H256> {
		let custodian = MockWorld::member_of(provider).unwrap_or_default();
		(0..count)
			.map(|i| {
				let id = MockWorld::record_count() as RecordId + 1_000;
				let hash = H256::from_low_u64_be(id + u64::from(i));
				MockWorld::edit(|world| {
					world.add_record(id, hash, lab_result(id, patient, custodian));
					world.add_grant(patient, payer, Some(id), Purpose::Payment);
				});
				hash
			})
			.collect()
	}
}

/// A lab result of `patient` held by `custodian`, anchored as `id`.
pub fn lab_result(id: RecordId, patient: PatientId, custodian: OrgId) -> RecordSubject {
	RecordSubject {
		patient,
		category: RecordCategory::LabResult,
		first_version: id,
		custodian,
		retracted: false,
	}
}

/// Builds test externalities; see [`ExtBuilder::build_and_execute`].
pub struct ExtBuilder {
	world: World,
}

/// Two providers and two payers with their accounts; Alice (with a proxy and a next of kin) and
/// Bob; their records at the hospital; the insurer may see Alice's lab result for payment.
impl Default for ExtBuilder {
	fn default() -> Self {
		let world = World::default()
			.with_provider(HOSPITAL, &[BILLING, DOCTOR])
			.with_provider(CLINIC, &[CLINIC_CLERK])
			.with_payer(INSURER, &[ADJUSTER, TREASURY])
			.with_payer(OTHER_INSURER, &[OTHER_ADJUSTER])
			.with_patient(ALICE, ALICE_KEY)
			.with_delegate(ALICE, PROXY, DelegateRole::Proxy)
			.with_delegate(ALICE, KIN, DelegateRole::NextOfKin)
			.with_patient(BOB, BOB_KEY)
			.with_record(100, ALICE_LAB, lab_result(100, ALICE, HOSPITAL))
			.with_record(101, ALICE_SCAN, lab_result(101, ALICE, HOSPITAL))
			.with_record(200, BOB_VISIT, lab_result(200, BOB, HOSPITAL))
			.with_record_grant(ALICE, INSURER, 100, Purpose::Payment);
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
		let mut storage =
			frame_system::GenesisConfig::<Test>::default().build_storage().expect("genesis builds");
		pallet_balances::GenesisConfig::<Test> {
			balances: [
				BILLING,
				DOCTOR,
				CLINIC_CLERK,
				ADJUSTER,
				TREASURY,
				OTHER_ADJUSTER,
				ALICE_KEY,
				BOB_KEY,
				PROXY,
				KIN,
			]
			.into_iter()
			.map(|who| (who, ENDOWMENT))
			.collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.expect("balances genesis builds");
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Run `test`, then check the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Payments::do_try_state().expect("try_state invariants hold");
		});
	}
}

/// Move to block `n`, running this pallet's `on_initialize` in each block on the way.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Payments::on_initialize(next);
	}
}

/// This pallet's events so far, oldest first.
pub fn events() -> Vec<pallet_payments::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Payments(event) => Some(event),
			_ => None,
		})
		.collect()
}
