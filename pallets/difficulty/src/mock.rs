//! A runtime with just `frame-system` and this pallet, for the pallet's tests.
#![allow(clippy::arithmetic_side_effects)]

use crate as pallet_difficulty;
use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use sp_core::U256;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Difficulty: pallet_difficulty,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

pub const TARGET_MS: u64 = 6_000;
pub const MIN_DIFFICULTY: u64 = 1_000;
pub const MAX_DIFFICULTY: u64 = 1_000_000_000;
pub const WINDOW: u32 = 5;

parameter_types! {
	pub const TargetBlockTime: u64 = TARGET_MS;
	pub MinDifficulty: U256 = U256::from(MIN_DIFFICULTY);
	pub MaxDifficulty: U256 = U256::from(MAX_DIFFICULTY);
}

impl pallet_difficulty::Config for Test {
	type TargetBlockTime = TargetBlockTime;
	type WindowSize = ConstU32<WINDOW>;
	type DampingFactor = ConstU32<3>;
	type ClampFactor = ConstU32<2>;
	type MinDifficulty = MinDifficulty;
	type MaxDifficulty = MaxDifficulty;
}

/// Builds the test externalities; see [`ExtBuilder::build_and_execute`].
pub struct ExtBuilder {
	initial_difficulty: U256,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { initial_difficulty: U256::from(100_000u32) }
	}
}

impl ExtBuilder {
	/// Start from this genesis difficulty.
	pub fn with_initial_difficulty(mut self, difficulty: u64) -> Self {
		self.initial_difficulty = U256::from(difficulty);
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		let storage = RuntimeGenesisConfig {
			system: Default::default(),
			difficulty: pallet_difficulty::GenesisConfig {
				initial_difficulty: self.initial_difficulty,
				..Default::default()
			},
		}
		.build_storage()
		.expect("genesis builds");
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Run `test`, then check the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Difficulty::do_try_state().expect("try_state invariants hold");
		});
	}
}

/// The pallet's events so far, oldest first.
pub fn events() -> Vec<pallet_difficulty::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Difficulty(event) => Some(event),
			_ => None,
		})
		.collect()
}
