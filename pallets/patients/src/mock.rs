//! A test runtime with `frame-system`, `pallet-balances` and this pallet.
#![allow(clippy::arithmetic_side_effects)]

use crate as pallet_patients;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Patients: pallet_patients,
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

pub const PATIENT_DEPOSIT: Balance = 10;
pub const DELEGATE_DEPOSIT: Balance = 3;
pub const MEMBER_DEPOSIT: Balance = 5;
pub const MAX_MEMBERS: u32 = 3;
pub const MAX_DELEGATES: u32 = 2;
pub const CONTROL_TRANSFER_DELAY: u64 = 5;

/// The council the tests' organizations seat their admins on, sorted (in the externalities'
/// storage, so each test and benchmark run starts empty).
#[frame_support::storage_alias]
pub type CouncilSeats =
	StorageValue<MockCouncil, Vec<AccountId>, frame_support::pallet_prelude::ValueQuery>;

parameter_types! {
	/// How many seats the council has.
	pub static SeatLimit: usize = 4;
}

/// A council of at most `SeatLimit` seats, kept as the runtime keeps its collective.
pub struct Council;

impl medchain_primitives::OrganizationAdmins<AccountId> for Council {
	fn joined(admin: &AccountId) -> Result<(), medchain_primitives::NoSeatLeft> {
		let mut seats = CouncilSeats::get();
		let at = seats.binary_search(admin).err().ok_or(medchain_primitives::NoSeatLeft)?;
		if seats.len() >= SeatLimit::get() {
			return Err(medchain_primitives::NoSeatLeft);
		}
		seats.insert(at, *admin);
		CouncilSeats::put(seats);
		Ok(())
	}

	fn left(admin: &AccountId) -> Result<(), medchain_primitives::LastSeat> {
		CouncilSeats::try_mutate(|seats| {
			if seats.len() <= 1 && seats.contains(admin) {
				return Err(medchain_primitives::LastSeat);
			}
			seats.retain(|a| a != admin);
			Ok(())
		})
	}

	fn max_weight() -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}
}

parameter_types! {
	pub const PatientDeposit: Balance = PATIENT_DEPOSIT;
	pub const DelegateDeposit: Balance = DELEGATE_DEPOSIT;
	pub const MemberDeposit: Balance = MEMBER_DEPOSIT;
	pub const ControlTransferDelay: u64 = CONTROL_TRANSFER_DELAY;
}

impl pallet_patients::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type Admins = Council;
	type ProviderOrigin = medchain_primitives::origins::EnsureMember<
		AccountId,
		Patients,
		medchain_primitives::origins::kind::Provider,
	>;
	type MaxMembers = ConstU32<MAX_MEMBERS>;
	type MaxDelegates = ConstU32<MAX_DELEGATES>;
	type PatientDeposit = PatientDeposit;
	type DelegateDeposit = DelegateDeposit;
	type MemberDeposit = MemberDeposit;
	type ControlTransferDelay = ControlTransferDelay;
	type Erasure = ();
	type SponsoredCalls = ConstU32<SPONSORED_CALLS>;
	type SponsorPeriod = ConstU64<SPONSOR_PERIOD>;
	type WeightInfo = ();
}

/// The calls a sponsor pays for per period.
pub const SPONSORED_CALLS: u32 = 4;
/// The sponsorship period, in blocks.
pub const SPONSOR_PERIOD: u64 = 10;

// Well-known accounts of the tests.
/// Admin of the provider organization 0 (with `with_provider`).
pub const HOSPITAL: AccountId = 1;
/// A member (doctor) of the provider organization 0 (with `with_provider`).
pub const DOCTOR: AccountId = 2;
/// Admin of the payer organization (with `with_payer`).
pub const INSURER: AccountId = 3;
pub const ALICE: AccountId = 10;
pub const BOB: AccountId = 11;
pub const CHARLIE: AccountId = 12;
/// An account with no funds.
pub const PAUPER: AccountId = 99;

pub const ENDOWMENT: Balance = 1_000;

/// Builds test externalities; see [`ExtBuilder::build_and_execute`].
#[derive(Default)]
pub struct ExtBuilder {
	provider: bool,
	payer: bool,
}

impl ExtBuilder {
	/// Org 0: a provider with admin `HOSPITAL` and member `DOCTOR`.
	pub fn with_provider(mut self) -> Self {
		self.provider = true;
		self
	}

	/// The next org: a payer with admin `INSURER`.
	pub fn with_payer(mut self) -> Self {
		self.payer = true;
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		let endowed = [HOSPITAL, DOCTOR, INSURER, ALICE, BOB, CHARLIE];
		let storage = RuntimeGenesisConfig {
			balances: pallet_balances::GenesisConfig {
				balances: endowed.iter().map(|who| (*who, ENDOWMENT)).collect(),
				..Default::default()
			},
			..Default::default()
		}
		.build_storage()
		.expect("genesis builds");
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			if self.provider {
				Patients::admit_organization(
					RuntimeOrigin::root(),
					HOSPITAL,
					crate::OrgKind::Provider,
				)
				.expect("admits provider");
				Patients::add_member(RuntimeOrigin::signed(HOSPITAL), DOCTOR).expect("adds doctor");
			}
			if self.payer {
				Patients::admit_organization(RuntimeOrigin::root(), INSURER, crate::OrgKind::Payer)
					.expect("admits payer");
			}
			System::reset_events();
		});
		ext
	}

	/// Run `test`, then check the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Patients::do_try_state().expect("try_state invariants hold");
		});
	}
}

/// This pallet's events so far, oldest first.
pub fn events() -> Vec<pallet_patients::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Patients(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// What `who` has on hold for `reason`.
pub fn held(reason: pallet_patients::HoldReason, who: AccountId) -> Balance {
	use frame_support::traits::fungible::InspectHold;
	Balances::balance_on_hold(&reason.into(), &who)
}

pub fn run_to_block(n: u64) {
	System::set_block_number(n);
}
