//! A test runtime with `frame-system`, `pallet-timestamp` and this pallet; identity and consent
//! are simple in-memory stand-ins, set up per test.
#![allow(clippy::arithmetic_side_effects)]

use crate as pallet_records;
use crate::*;
use frame_support::{derive_impl, traits::ConstU32};
use sp_runtime::BuildStorage;
use std::{
	cell::RefCell,
	collections::{BTreeMap, BTreeSet},
};

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;

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
	type BenchmarkHelper = MockIdentity;
	type Patients = MockIdentity;
	type Organizations = MockIdentity;
	type Consent = MockIdentity;
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

thread_local! {
	static ACTIVE_PATIENTS: RefCell<BTreeSet<PatientId>> = const { RefCell::new(BTreeSet::new()) };
	static MEMBERS: RefCell<BTreeMap<AccountId, (OrgId, OrgKind)>> =
		const { RefCell::new(BTreeMap::new()) };
	static SUSPENDED: RefCell<BTreeSet<OrgId>> = const { RefCell::new(BTreeSet::new()) };
	static NO_CONSENT: RefCell<BTreeSet<(PatientId, OrgId)>> =
		const { RefCell::new(BTreeSet::new()) };
}

/// Identity and consent for the tests.
pub struct MockIdentity;

impl MockIdentity {
	pub fn deactivate(patient: PatientId) {
		ACTIVE_PATIENTS.with(|p| p.borrow_mut().remove(&patient));
	}
	pub fn suspend(org: OrgId) {
		SUSPENDED.with(|s| s.borrow_mut().insert(org));
	}
	pub fn revoke_consent(patient: PatientId, org: OrgId) {
		NO_CONSENT.with(|c| c.borrow_mut().insert((patient, org)));
	}
}

impl PatientLookup<AccountId> for MockIdentity {
	fn patient_of(_: &AccountId) -> Option<PatientId> {
		None
	}
	fn is_active_patient(patient: &PatientId) -> bool {
		ACTIVE_PATIENTS.with(|p| p.borrow().contains(patient))
	}
	fn can_act_for(_: &PatientId, _: &AccountId, _: medchain_primitives::DelegatePurpose) -> bool {
		false
	}
}

impl OrganizationLookup<AccountId> for MockIdentity {
	fn acting_for(who: &AccountId, kind: OrgKind) -> Option<OrgId> {
		let (org, org_kind) = MEMBERS.with(|m| m.borrow().get(who).copied())?;
		(org_kind == kind && Self::is_active(org, kind)).then_some(org)
	}
	fn is_active(org: OrgId, _: OrgKind) -> bool {
		!SUSPENDED.with(|s| s.borrow().contains(&org))
	}
}

impl ConsentCheck for MockIdentity {
	fn has_access(patient: &PatientId, org: OrgId, _: RecordCategory, _: Purpose) -> bool {
		!NO_CONSENT.with(|c| c.borrow().contains(&(*patient, org)))
	}
	fn has_record_access(_: &PatientId, _: OrgId, _: RecordId, _: Purpose) -> bool {
		unreachable!("records only checks consent by category")
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl BenchmarkHelper<AccountId> for MockIdentity {
	fn provider_and_patient() -> (AccountId, PatientId) {
		(DOCTOR, ALICE)
	}
}

pub const NOW: u64 = 1_700_000_000_000;

/// Builds test externalities; see [`ExtBuilder::build_and_execute`].
pub struct ExtBuilder;

impl ExtBuilder {
	pub fn build(self) -> sp_io::TestExternalities {
		ACTIVE_PATIENTS.with(|p| *p.borrow_mut() = [ALICE, BOB].into_iter().collect());
		MEMBERS.with(|m| {
			*m.borrow_mut() = [
				(DOCTOR, (HOSPITAL, OrgKind::Provider)),
				(OTHER_DOCTOR, (CLINIC, OrgKind::Provider)),
				(INSURER, (2, OrgKind::Payer)),
			]
			.into_iter()
			.collect()
		});
		SUSPENDED.with(|s| s.borrow_mut().clear());
		NO_CONSENT.with(|c| c.borrow_mut().clear());
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
