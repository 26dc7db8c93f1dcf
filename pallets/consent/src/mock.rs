//! A test runtime with `frame-system`, `pallet-balances` and this pallet; identity and records
//! are simple in-memory stand-ins, set up per test.
#![allow(clippy::arithmetic_side_effects)]

use crate as pallet_consent;
use crate::*;
use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use medchain_primitives::DelegateRole;
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
		Consent: pallet_consent,
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

pub const GRANT_DEPOSIT: Balance = 5;
pub const REQUEST_DEPOSIT: Balance = 2;
pub const MAX_SCOPE_ITEMS: u32 = 3;
pub const MAX_GRANTS_PER_PATIENT: u32 = 5;
pub const MAX_GRANTS_PER_GRANTEE: u32 = 2;
pub const MAX_PENDING_REQUESTS: u32 = 2;
pub const BREAK_GLASS_PERIOD: u64 = 10;
pub const MAX_BREAK_GLASS_KEPT: u32 = 2;

parameter_types! {
	pub const GrantDeposit: Balance = GRANT_DEPOSIT;
	pub const RequestDeposit: Balance = REQUEST_DEPOSIT;
	pub const BreakGlassPeriod: u64 = BREAK_GLASS_PERIOD;
}

impl pallet_consent::Config for Test {
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockWorld;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Patients = MockWorld;
	type Organizations = MockWorld;
	type Records = MockWorld;
	type MaxScopeItems = ConstU32<MAX_SCOPE_ITEMS>;
	type MaxGrantsPerPatient = ConstU32<MAX_GRANTS_PER_PATIENT>;
	type MaxGrantsPerGrantee = ConstU32<MAX_GRANTS_PER_GRANTEE>;
	type MaxPendingRequests = ConstU32<MAX_PENDING_REQUESTS>;
	type BreakGlassPeriod = BreakGlassPeriod;
	type MaxBreakGlassKept = ConstU32<MAX_BREAK_GLASS_KEPT>;
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

/// A patient as the mock knows it: own key, custodian, delegates.
#[derive(Clone, Default)]
pub struct MockPatient {
	pub key: Option<AccountId>,
	pub custodian: Option<OrgId>,
	pub delegates: Vec<(AccountId, DelegateRole)>,
}

thread_local! {
	static PATIENTS: RefCell<BTreeMap<PatientId, MockPatient>> =
		const { RefCell::new(BTreeMap::new()) };
	static MEMBERS: RefCell<BTreeMap<AccountId, OrgId>> = const { RefCell::new(BTreeMap::new()) };
	static ORGS: RefCell<BTreeMap<OrgId, OrgKind>> = const { RefCell::new(BTreeMap::new()) };
	static SUSPENDED: RefCell<BTreeSet<OrgId>> = const { RefCell::new(BTreeSet::new()) };
	static RECORDS: RefCell<BTreeMap<RecordId, RecordSubject>> =
		const { RefCell::new(BTreeMap::new()) };
}

/// Identity and records for the tests.
pub struct MockWorld;

impl MockWorld {
	pub fn deactivate(patient: PatientId) {
		PATIENTS.with(|p| p.borrow_mut().remove(&patient));
	}
	pub fn suspend(org: OrgId) {
		SUSPENDED.with(|s| s.borrow_mut().insert(org));
	}
	pub fn add_record(id: RecordId, subject: RecordSubject) {
		RECORDS.with(|r| r.borrow_mut().insert(id, subject));
	}
}

impl PatientLookup<AccountId> for MockWorld {
	fn patient_of(who: &AccountId) -> Option<PatientId> {
		PATIENTS.with(|p| {
			p.borrow().iter().find(|(_, patient)| patient.key == Some(*who)).map(|(id, _)| *id)
		})
	}
	fn is_active_patient(patient: &PatientId) -> bool {
		PATIENTS.with(|p| p.borrow().contains_key(patient))
	}
	fn can_act_for(patient: &PatientId, who: &AccountId, purpose: DelegatePurpose) -> bool {
		let Some(record) = PATIENTS.with(|p| p.borrow().get(patient).cloned()) else {
			return false;
		};
		record.key == Some(*who)
			|| record
				.custodian
				.is_some_and(|org| MEMBERS.with(|m| m.borrow().get(who) == Some(&org)))
			|| record
				.delegates
				.iter()
				.any(|(delegate, role)| delegate == who && role.allows(purpose))
	}
}

impl OrganizationLookup<AccountId> for MockWorld {
	fn acting_for(who: &AccountId, kind: OrgKind) -> Option<OrgId> {
		let org = MEMBERS.with(|m| m.borrow().get(who).copied())?;
		Self::is_active(org, kind).then_some(org)
	}
	fn is_active(org: OrgId, kind: OrgKind) -> bool {
		ORGS.with(|o| o.borrow().get(&org) == Some(&kind))
			&& !SUSPENDED.with(|s| s.borrow().contains(&org))
	}
}

impl RecordLookup for MockWorld {
	fn subject(record: RecordId) -> Option<RecordSubject> {
		RECORDS.with(|r| r.borrow().get(&record).copied())
	}
	fn by_hash(_: &sp_core::H256) -> Option<(RecordId, RecordSubject)> {
		unreachable!("consent looks records up by id")
	}
}

#[cfg(feature = "runtime-benchmarks")]
use frame_support::traits::fungible::Mutate;

#[cfg(feature = "runtime-benchmarks")]
impl BenchmarkHelper<AccountId> for MockWorld {
	fn patient(seed: u32) -> (AccountId, PatientId) {
		let key = 1_000 + AccountId::from(seed);
		let patient = PatientId::from_low_u64_be(key);
		PATIENTS.with(|p| {
			p.borrow_mut().insert(patient, MockPatient { key: Some(key), ..Default::default() })
		});
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
	fn record(provider: &AccountId, patient: PatientId, category: RecordCategory) -> RecordId {
		let id = RECORDS.with(|r| r.borrow().len() as RecordId + 1_000);
		let custodian = MEMBERS.with(|m| m.borrow().get(provider).copied()).unwrap_or_default();
		Self::add_record(id, RecordSubject { patient, category, first_version: id, custodian });
		id
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
					MockPatient {
						key: Some(ALICE_KEY),
						custodian: None,
						delegates: vec![
							(GUARDIAN, DelegateRole::Guardian),
							(KIN, DelegateRole::NextOfKin),
						],
					},
				),
				(BOB, MockPatient { key: Some(BOB_KEY), ..Default::default() }),
				(CAROL, MockPatient { custodian: Some(HOSPITAL), ..Default::default() }),
				(DAN, MockPatient { key: Some(PAUPER), ..Default::default() }),
			]
			.into_iter()
			.collect()
		});
		ORGS.with(|o| {
			*o.borrow_mut() = [
				(HOSPITAL, OrgKind::Provider),
				(CLINIC, OrgKind::Provider),
				(INSURER, OrgKind::Payer),
				(AUDIT_FIRM, OrgKind::Auditor),
			]
			.into_iter()
			.collect()
		});
		MEMBERS.with(|m| {
			*m.borrow_mut() = [
				(DOCTOR, HOSPITAL),
				(NURSE, HOSPITAL),
				(INTERN, HOSPITAL),
				(CLINIC_DOCTOR, CLINIC),
				(CLERK, INSURER),
				(AUDITOR, AUDIT_FIRM),
			]
			.into_iter()
			.collect()
		});
		SUSPENDED.with(|s| s.borrow_mut().clear());
		RECORDS.with(|r| {
			let lab = |first_version| RecordSubject {
				patient: ALICE,
				category: RecordCategory::LabResult,
				first_version,
				custodian: HOSPITAL,
			};
			*r.borrow_mut() = [
				(LAB, lab(LAB)),
				(
					SCAN,
					RecordSubject {
						category: RecordCategory::Imaging,
						first_version: SCAN,
						..lab(LAB)
					},
				),
				(LAB_V2, lab(LAB)),
				(
					BOB_VISIT,
					RecordSubject {
						patient: BOB,
						category: RecordCategory::Encounter,
						first_version: BOB_VISIT,
						custodian: CLINIC,
					},
				),
			]
			.into_iter()
			.collect()
		});
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
		ext.execute_with(|| System::set_block_number(1));
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
