//! A test runtime with `frame-system`, `pallet-balances` and this pallet; identity, records and
//! consent are simple in-memory stand-ins, set up per test.
#![allow(clippy::arithmetic_side_effects)]

use crate as pallet_payments;
use crate::*;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, Hooks},
};
use medchain_primitives::{DelegateRole, RecordId, RecordSubject};
use sp_core::H256;
use sp_runtime::BuildStorage;
use std::{
	cell::RefCell,
	collections::{BTreeMap, BTreeSet},
};

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
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

/// A patient as the mock knows it: own key and delegates.
type MockPatient = (AccountId, Vec<(AccountId, DelegateRole)>);

thread_local! {
	static PATIENTS: RefCell<BTreeMap<PatientId, MockPatient>> =
		const { RefCell::new(BTreeMap::new()) };
	static MEMBERS: RefCell<BTreeMap<AccountId, OrgId>> = const { RefCell::new(BTreeMap::new()) };
	static ORGS: RefCell<BTreeMap<OrgId, OrgKind>> = const { RefCell::new(BTreeMap::new()) };
	static RECORDS: RefCell<BTreeMap<H256, (RecordId, RecordSubject)>> =
		const { RefCell::new(BTreeMap::new()) };
	static CONSENTS: RefCell<BTreeSet<(PatientId, OrgId, RecordId)>> =
		const { RefCell::new(BTreeSet::new()) };
}

/// Identity, records and consent for the tests.
pub struct MockWorld;

impl MockWorld {
	pub fn deactivate(patient: PatientId) {
		PATIENTS.with(|p| p.borrow_mut().remove(&patient));
	}
	pub fn suspend(org: OrgId) {
		ORGS.with(|o| o.borrow_mut().remove(&org));
	}
	pub fn revoke_payment_consent(patient: PatientId, org: OrgId, record: RecordId) {
		CONSENTS.with(|c| c.borrow_mut().remove(&(patient, org, record)));
	}
	fn add_record(hash: H256, id: RecordId, patient: PatientId, custodian: OrgId) {
		let subject = RecordSubject {
			patient,
			category: RecordCategory::LabResult,
			first_version: id,
			custodian,
		};
		RECORDS.with(|r| r.borrow_mut().insert(hash, (id, subject)));
	}
}

impl PatientLookup<AccountId> for MockWorld {
	fn patient_of(who: &AccountId) -> Option<PatientId> {
		PATIENTS.with(|p| p.borrow().iter().find(|(_, (key, _))| key == who).map(|(id, _)| *id))
	}
	fn is_active_patient(patient: &PatientId) -> bool {
		PATIENTS.with(|p| p.borrow().contains_key(patient))
	}
	fn can_act_for(patient: &PatientId, who: &AccountId, purpose: DelegatePurpose) -> bool {
		PATIENTS.with(|p| {
			p.borrow().get(patient).is_some_and(|(key, delegates)| {
				key == who
					|| delegates
						.iter()
						.any(|(delegate, role)| delegate == who && role.allows(purpose))
			})
		})
	}
}

impl OrganizationLookup<AccountId> for MockWorld {
	fn acting_for(who: &AccountId, kind: OrgKind) -> Option<OrgId> {
		let org = MEMBERS.with(|m| m.borrow().get(who).copied())?;
		Self::is_active(org, kind).then_some(org)
	}
	fn is_active(org: OrgId, kind: OrgKind) -> bool {
		ORGS.with(|o| o.borrow().get(&org) == Some(&kind))
	}
}

impl RecordLookup for MockWorld {
	fn subject(_: RecordId) -> Option<RecordSubject> {
		unreachable!("payments looks records up by hash")
	}
	fn by_hash(content_hash: &H256) -> Option<(RecordId, RecordSubject)> {
		RECORDS.with(|r| r.borrow().get(content_hash).copied())
	}
}

impl ConsentCheck for MockWorld {
	fn has_access(_: &PatientId, _: OrgId, _: RecordCategory, _: Purpose) -> bool {
		unreachable!("payments asks about the records a claim cites")
	}
	fn has_record_access(
		patient: &PatientId,
		org: OrgId,
		record: RecordId,
		purpose: Purpose,
	) -> bool {
		purpose == Purpose::Payment
			&& CONSENTS.with(|c| c.borrow().contains(&(*patient, org, record)))
	}
}

#[cfg(feature = "runtime-benchmarks")]
use frame_support::traits::fungible::Mutate;

#[cfg(feature = "runtime-benchmarks")]
impl BenchmarkHelper<AccountId> for MockWorld {
	fn patient(seed: u32) -> (AccountId, PatientId) {
		let key = 1_000 + AccountId::from(seed);
		let patient = PatientId::from_low_u64_be(key);
		PATIENTS.with(|p| p.borrow_mut().insert(patient, (key, Vec::new())));
		Balances::set_balance(&key, ENDOWMENT);
		(key, patient)
	}
	fn organization(kind: OrgKind, seed: u32) -> (AccountId, OrgId) {
		let org = 1_000 + seed;
		let admin = 2_000 + AccountId::from(seed);
		ORGS.with(|o| o.borrow_mut().insert(org, kind));
		MEMBERS.with(|m| m.borrow_mut().insert(admin, org));
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
		let custodian = MEMBERS.with(|m| m.borrow().get(provider).copied()).unwrap_or_default();
		(0..count)
			.map(|i| {
				let id = RECORDS.with(|r| r.borrow().len() as RecordId + 1_000);
				let hash = H256::from_low_u64_be(id + u64::from(i));
				Self::add_record(hash, id, patient, custodian);
				CONSENTS.with(|c| c.borrow_mut().insert((patient, payer, id)));
				hash
			})
			.collect()
	}
}

/// Builds test externalities; see [`ExtBuilder::build_and_execute`].
pub struct ExtBuilder;

impl ExtBuilder {
	pub fn build(self) -> sp_io::TestExternalities {
		PATIENTS.with(|p| {
			*p.borrow_mut() = [
				(
					ALICE,
					(ALICE_KEY, vec![(PROXY, DelegateRole::Proxy), (KIN, DelegateRole::NextOfKin)]),
				),
				(BOB, (BOB_KEY, vec![])),
			]
			.into_iter()
			.collect()
		});
		ORGS.with(|o| {
			*o.borrow_mut() = [
				(HOSPITAL, OrgKind::Provider),
				(CLINIC, OrgKind::Provider),
				(INSURER, OrgKind::Payer),
				(OTHER_INSURER, OrgKind::Payer),
			]
			.into_iter()
			.collect()
		});
		MEMBERS.with(|m| {
			*m.borrow_mut() = [
				(BILLING, HOSPITAL),
				(DOCTOR, HOSPITAL),
				(CLINIC_CLERK, CLINIC),
				(ADJUSTER, INSURER),
				(TREASURY, INSURER),
				(OTHER_ADJUSTER, OTHER_INSURER),
			]
			.into_iter()
			.collect()
		});
		RECORDS.with(|r| r.borrow_mut().clear());
		Self::add_record_now(ALICE_LAB, 100, ALICE);
		Self::add_record_now(ALICE_SCAN, 101, ALICE);
		Self::add_record_now(BOB_VISIT, 200, BOB);
		CONSENTS.with(|c| *c.borrow_mut() = [(ALICE, INSURER, 100)].into_iter().collect());
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

	fn add_record_now(hash: H256, id: RecordId, patient: PatientId) {
		MockWorld::add_record(hash, id, patient, HOSPITAL);
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
