//! A test runtime with `frame-system` and this pallet. Organizations and GRANDPA are stand-ins
//! kept in storage, so each test's externalities start them afresh and `assert_noop!` sees them.
#![allow(clippy::arithmetic_side_effects)]

use crate as pallet_consortium;
use crate::*;
use frame_support::{
	derive_impl,
	dispatch::DispatchResult,
	parameter_types,
	traits::{ConstU32, ConstU64},
};
use frame_system::EnsureRoot;
use medchain_primitives::OrgKind;
use sp_consensus_grandpa::AuthorityId;
use sp_runtime::{BuildStorage, DispatchError};

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type BlockNumber = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Consortium: pallet_consortium,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

pub const MAX_MINERS: u32 = 3;
pub const MAX_MINERS_PER_ORGANIZATION: u32 = 2;
pub const MAX_VOTERS: u32 = 3;
pub const VOTER_CHANGE_DELAY: BlockNumber = 5;

impl pallet_consortium::Config for Test {
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type Organizations = MockOrganizations;
	type FinalityVoters = MockGrandpa;
	type MaxMiners = ConstU32<MAX_MINERS>;
	type MaxMinersPerOrganization = ConstU32<MAX_MINERS_PER_ORGANIZATION>;
	type MaxVoters = ConstU32<MAX_VOTERS>;
	type VoterChangeDelay = ConstU64<VOTER_CHANGE_DELAY>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockOrganizations;
}

/// An admitted organization (genesis miner and voter of the default builder).
pub const HOSPITAL: OrgId = 0;
/// Another admitted organization.
pub const INSURER: OrgId = 1;
/// A suspended organization.
pub const SUSPENDED: OrgId = 2;
/// An organization that does not exist.
pub const UNKNOWN: OrgId = 7;
/// The hospital's payout account.
pub const HOSPITAL_ACCOUNT: AccountId = 10;
/// The insurer's payout account.
pub const INSURER_ACCOUNT: AccountId = 11;
/// An account with no role.
pub const OUTSIDER: AccountId = 99;

/// The `n`th mining key of the tests (any 32 bytes are an sr25519 public key).
pub fn miner(n: u8) -> MiningKey {
	sp_core::sr25519::Public::from_raw([n; 32]).into()
}

/// The `n`th GRANDPA key of the tests (any 32 bytes are an ed25519 public key).
pub fn voter(n: u8) -> AuthorityId {
	sp_core::ed25519::Public::from_raw([n; 32]).into()
}

parameter_types! {
	/// The organizations that exist, admitted or suspended.
	pub storage KnownOrganizations: Vec<OrgId> = vec![HOSPITAL, INSURER, SUSPENDED];
	/// The organizations that are suspended.
	pub storage SuspendedOrganizations: Vec<OrgId> = vec![SUSPENDED];
	/// The mock GRANDPA's voters in force.
	pub storage CurrentVoters: Vec<AuthorityId> = Vec::new();
	/// The change scheduled with the mock GRANDPA and not yet enacted: next voters and delay.
	pub storage ScheduledChange: Option<(Vec<AuthorityId>, BlockNumber)> = None;
	/// Whether the mock GRANDPA refuses to schedule a change for a reason of its own.
	pub storage RefuseSchedule: bool = false;
	/// The last finalized block a forced change was scheduled from, if the change is forced.
	pub storage ForcedFrom: Option<BlockNumber> = None;
}

/// Organizations for the tests: `HOSPITAL` and `INSURER` admitted, `SUSPENDED` suspended.
pub struct MockOrganizations;

impl MockOrganizations {
	pub fn suspend(org: OrgId) {
		let mut suspended = SuspendedOrganizations::get();
		suspended.push(org);
		SuspendedOrganizations::set(&suspended);
	}

	pub fn reactivate(org: OrgId) {
		let mut suspended = SuspendedOrganizations::get();
		suspended.retain(|o| *o != org);
		SuspendedOrganizations::set(&suspended);
	}
}

impl OrganizationLookup<AccountId> for MockOrganizations {
	fn organization_of(_: &AccountId) -> Option<(OrgId, OrgKind)> {
		None
	}

	/// Every known organization is a provider here; the consortium asks only whether it is
	/// active.
	fn active_kind(org: OrgId) -> Option<OrgKind> {
		(KnownOrganizations::get().contains(&org) && !SuspendedOrganizations::get().contains(&org))
			.then_some(OrgKind::Provider)
	}

	fn is_admin(_: &AccountId, _: OrgId) -> bool {
		false
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl BenchmarkHelper<AccountId> for MockOrganizations {
	fn organization(seed: u32) -> (AccountId, OrgId) {
		let org = 100 + seed;
		let mut known = KnownOrganizations::get();
		known.push(org);
		KnownOrganizations::set(&known);
		(1_000 + AccountId::from(seed), org)
	}
}

/// GRANDPA for the tests: a change is scheduled, then enacted by [`MockGrandpa::enact`].
pub struct MockGrandpa;

impl MockGrandpa {
	/// Enacts the scheduled change, as GRANDPA does once the block that scheduled it plus the
	/// delay is finalized.
	pub fn enact() {
		if let Some((next, _)) = ScheduledChange::get() {
			CurrentVoters::set(&next);
			ScheduledChange::set(&None);
		}
	}

	/// The change scheduled and not yet enacted: the next voters and the delay.
	pub fn scheduled() -> Option<(Vec<AuthorityId>, BlockNumber)> {
		ScheduledChange::get()
	}
}

/// What the mock GRANDPA answers when it refuses a change.
pub const GRANDPA_REFUSES: DispatchError = DispatchError::Other("mock GRANDPA refuses");

impl FinalityVoterSet<BlockNumber> for MockGrandpa {
	fn current() -> Vec<AuthorityId> {
		CurrentVoters::get()
	}

	fn schedule(next: Vec<AuthorityId>, delay: BlockNumber) -> DispatchResult {
		if RefuseSchedule::get() || ScheduledChange::get().is_some() {
			return Err(GRANDPA_REFUSES);
		}
		ScheduledChange::set(&Some((next, delay)));
		Ok(())
	}

	fn force(
		next: Vec<AuthorityId>,
		delay: BlockNumber,
		best_finalized: BlockNumber,
	) -> DispatchResult {
		if RefuseSchedule::get() || ScheduledChange::get().is_some() {
			return Err(GRANDPA_REFUSES);
		}
		ScheduledChange::set(&Some((next, delay)));
		ForcedFrom::set(&Some(best_finalized));
		Ok(())
	}

	fn change_pending() -> bool {
		ScheduledChange::get().is_some()
	}
}

/// Builds test externalities; see [`ExtBuilder::build_and_execute`].
pub struct ExtBuilder {
	miners: Vec<(MiningKey, OrgId, AccountId)>,
	voters: Vec<(AuthorityId, OrgId)>,
}

impl Default for ExtBuilder {
	/// Genesis: miner 1 and voter 1, both of `HOSPITAL`.
	fn default() -> Self {
		Self {
			miners: vec![(miner(1), HOSPITAL, HOSPITAL_ACCOUNT)],
			voters: vec![(voter(1), HOSPITAL)],
		}
	}
}

impl ExtBuilder {
	/// Genesis miners instead of the default one: `(key, org, payout)`.
	pub fn with_miners(mut self, miners: Vec<(MiningKey, OrgId, AccountId)>) -> Self {
		self.miners = miners;
		self
	}

	/// Genesis voters instead of the default one: `(key, org)`.
	pub fn with_voters(mut self, voters: Vec<(AuthorityId, OrgId)>) -> Self {
		self.voters = voters;
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		let keys: Vec<AuthorityId> = self.voters.iter().map(|(key, _)| key.clone()).collect();
		let storage = RuntimeGenesisConfig {
			consortium: pallet_consortium::GenesisConfig {
				miners: self.miners,
				voters: self.voters,
			},
			..Default::default()
		}
		.build_storage()
		.expect("genesis builds");
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			// GRANDPA's genesis holds the same voters, as the runtime's presets do.
			CurrentVoters::set(&keys);
		});
		ext
	}

	/// Run `test`, then check the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Consortium::do_try_state().expect("try_state invariants hold");
		});
	}
}

/// The default externalities (for the benchmarks' test suite).
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}

/// This pallet's events so far, oldest first.
pub fn events() -> Vec<pallet_consortium::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Consortium(event) => Some(event),
			_ => None,
		})
		.collect()
}
