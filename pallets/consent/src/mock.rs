//! A test runtime with `frame-system`, `pallet-balances` and this pallet; identity and records
//! come from the medical pallets' shared test world (`medchain_primitives::mock`).
#![allow(clippy::arithmetic_side_effects)]

use crate as pallet_consent;
use crate::*;
use frame_support::{derive_impl, parameter_types, traits::ConstU32};
pub use medchain_primitives::mock::{AccountId, BuildWorld, MockWorld, World};
use medchain_primitives::{
	origins::{kind, purpose, EnsureAnyMember, EnsureMember, EnsurePatientAgent},
	DelegateRole,
};
use sp_runtime::{testing::TestSignature, BuildStorage};

type Block = frame_system::mocking::MockBlock<Test>;
pub type Balance = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Timestamp: pallet_timestamp,
		Consent: pallet_consent,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Test {}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

pub const GRANT_DEPOSIT: Balance = 5;
pub const REQUEST_DEPOSIT: Balance = 2;
pub const MAX_SCOPE_ITEMS: u32 = 3;
pub const MAX_GRANTS_PER_PATIENT: u32 = 5;
pub const MAX_GRANTS_PER_GRANTEE: u32 = 2;
pub const MAX_PENDING_REQUESTS: u32 = 3;
pub const MAX_REQUESTS_PER_ORGANIZATION: u32 = 2;
pub const REQUEST_LIFETIME: u64 = 20;
pub const BREAK_GLASS_PERIOD: u64 = 10;
pub const MAX_BREAK_GLASS_KEPT: u32 = 2;
pub const MAX_BREAK_GLASS_PER_PERIOD: u32 = 2;
pub const BREAK_GLASS_QUOTA_PERIOD: u64 = 50;
/// A release request is logged within a minute of its issue.
pub const RELEASE_WINDOW: u64 = 60_000;
/// The time of every block the tests make, unless a test sets another.
pub const NOW: u64 = 1_750_000_000_000;

parameter_types! {
	pub const GrantDeposit: Balance = GRANT_DEPOSIT;
	pub const RequestDeposit: Balance = REQUEST_DEPOSIT;
	pub const BreakGlassPeriod: u64 = BREAK_GLASS_PERIOD;
	pub const RequestLifetime: u64 = REQUEST_LIFETIME;
	pub const BreakGlassQuotaPeriod: u64 = BREAK_GLASS_QUOTA_PERIOD;
	pub const ReleaseWindow: u64 = RELEASE_WINDOW;
}

impl pallet_consent::Config for Test {
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockWorld;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Patients = MockWorld;
	type Organizations = MockWorld;
	type ConsentManagerOrigin = EnsurePatientAgent<AccountId, MockWorld, purpose::ManageConsent>;
	type MemberOrigin = EnsureAnyMember<AccountId, MockWorld>;
	type ProviderOrigin = EnsureMember<AccountId, MockWorld, kind::Provider>;
	type Records = MockWorld;
	type Signature = TestSignature;
	type Time = Timestamp;
	type ReleaseWindow = ReleaseWindow;
	type MaxScopeItems = ConstU32<MAX_SCOPE_ITEMS>;
	type MaxGrantsPerPatient = ConstU32<MAX_GRANTS_PER_PATIENT>;
	type MaxGrantsPerGrantee = ConstU32<MAX_GRANTS_PER_GRANTEE>;
	type MaxPendingRequests = ConstU32<MAX_PENDING_REQUESTS>;
	type MaxRequestsPerOrganization = ConstU32<MAX_REQUESTS_PER_ORGANIZATION>;
	type RequestLifetime = RequestLifetime;
	type BreakGlassPeriod = BreakGlassPeriod;
	type MaxBreakGlassKept = ConstU32<MAX_BREAK_GLASS_KEPT>;
	type MaxBreakGlassPerPeriod = ConstU32<MAX_BREAK_GLASS_PER_PERIOD>;
	type BreakGlassQuotaPeriod = BreakGlassQuotaPeriod;
	type GrantDeposit = GrantDeposit;
	type RequestDeposit = RequestDeposit;
	type WeightInfo = ();
}

// Organizations.
pub const HOSPITAL: OrgId = 0;
pub const CLINIC: OrgId = 1;
pub const INSURER: OrgId = 2;
pub const AUDIT_FIRM: OrgId = 3;
// Accounts.
/// A doctor of the hospital.
pub const DOCTOR: AccountId = 1;
/// Another doctor of the hospital.
pub const NURSE: AccountId = 2;
/// A doctor of the clinic.
pub const CLINIC_DOCTOR: AccountId = 3;
/// A clerk of the insurer.
pub const CLERK: AccountId = 4;
/// An auditor.
pub const AUDITOR: AccountId = 5;
/// Acts for nobody.
pub const OUTSIDER: AccountId = 6;
/// Alice's own key.
pub const ALICE_KEY: AccountId = 10;
/// Bob's own key.
pub const BOB_KEY: AccountId = 11;
/// Alice's guardian.
pub const GUARDIAN: AccountId = 12;
/// Alice's next of kin (may not manage consent).
pub const KIN: AccountId = 13;
/// A member of the hospital with no funds.
pub const INTERN: AccountId = 7;
/// An account with no funds, controlling patient Dan.
pub const PAUPER: AccountId = 99;
// Patients.
pub const ALICE: PatientId = PatientId::repeat_byte(0xa1);
pub const BOB: PatientId = PatientId::repeat_byte(0xb0);
/// A custodial patient of the hospital.
pub const CAROL: PatientId = PatientId::repeat_byte(0xc0);
pub const DAN: PatientId = PatientId::repeat_byte(0xd0);
pub const NOBODY: PatientId = PatientId::repeat_byte(0xff);
// Records.
/// Alice's lab result, held by the hospital.
pub const LAB: RecordId = 100;
/// Alice's imaging, held by the hospital.
pub const SCAN: RecordId = 101;
/// The amendment of `LAB`.
pub const LAB_V2: RecordId = 102;
/// Bob's encounter, held by the clinic.
pub const BOB_VISIT: RecordId = 200;

pub const ENDOWMENT: Balance = 1_000;

#[cfg(feature = "runtime-benchmarks")]
use frame_support::traits::fungible::Mutate;

#[cfg(feature = "runtime-benchmarks")]
impl BenchmarkHelper<AccountId, TestSignature> for MockWorld {
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
	fn record(provider: &AccountId, patient: PatientId, category: RecordCategory) -> RecordId {
		let id = MockWorld::record_count() as RecordId + 1_000;
		let custodian = MockWorld::member_of(provider).unwrap_or_default();
		let subject =
			RecordSubject { patient, category, first_version: id, custodian, retracted: false };
		MockWorld::edit(|world| world.add_record(id, record_hash(id), subject));
		id
	}
	fn signing_organization(kind: OrgKind, seed: u32) -> (AccountId, OrgId) {
		<Self as BenchmarkHelper<AccountId, TestSignature>>::organization(kind, seed)
	}
	fn sign(who: &AccountId, payload: &[u8]) -> TestSignature {
		TestSignature(*who, payload.to_vec())
	}
}

/// The content hash the world gives record `id` (consent looks records up by id only).
fn record_hash(id: RecordId) -> sp_core::H256 {
	sp_core::H256::from_low_u64_be(id)
}

/// Builds test externalities; see [`ExtBuilder::build_and_execute`].
pub struct ExtBuilder {
	world: World,
}

/// Two providers, a payer and an auditor with their members; Alice (with a guardian and a next
/// of kin), Bob and Dan with their own keys, Carol in the hospital's custody; Alice's lab result
/// (and its amendment) and imaging at the hospital, Bob's visit at the clinic.
impl Default for ExtBuilder {
	fn default() -> Self {
		let lab = |first_version| RecordSubject {
			patient: ALICE,
			category: RecordCategory::LabResult,
			first_version,
			custodian: HOSPITAL,
			retracted: false,
		};
		let world = World::default()
			.with_provider(HOSPITAL, &[DOCTOR, NURSE, INTERN])
			.with_provider(CLINIC, &[CLINIC_DOCTOR])
			.with_payer(INSURER, &[CLERK])
			.with_auditor(AUDIT_FIRM, &[AUDITOR])
			.with_patient(ALICE, ALICE_KEY)
			.with_delegate(ALICE, GUARDIAN, DelegateRole::Guardian)
			.with_delegate(ALICE, KIN, DelegateRole::NextOfKin)
			.with_patient(BOB, BOB_KEY)
			.with_custodial_patient(CAROL, HOSPITAL)
			.with_patient(DAN, PAUPER)
			.with_record(LAB, record_hash(LAB), lab(LAB))
			.with_record(
				SCAN,
				record_hash(SCAN),
				RecordSubject {
					category: RecordCategory::Imaging,
					first_version: SCAN,
					..lab(LAB)
				},
			)
			.with_record(LAB_V2, record_hash(LAB_V2), lab(LAB))
			.with_record(
				BOB_VISIT,
				record_hash(BOB_VISIT),
				RecordSubject {
					patient: BOB,
					category: RecordCategory::Encounter,
					first_version: BOB_VISIT,
					custodian: CLINIC,
					retracted: false,
				},
			);
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
				DOCTOR,
				NURSE,
				CLINIC_DOCTOR,
				CLERK,
				AUDITOR,
				ALICE_KEY,
				BOB_KEY,
				GUARDIAN,
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
			Consent::do_try_state().expect("try_state invariants hold");
		});
	}
}

/// This pallet's events so far, oldest first.
pub fn events() -> Vec<pallet_consent::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Consent(event) => Some(event),
			_ => None,
		})
		.collect()
}
