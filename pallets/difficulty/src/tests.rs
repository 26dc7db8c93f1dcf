//! Tests of the pallet through the runtime: genesis, the timestamp hook, the window and events.
#![allow(clippy::arithmetic_side_effects)]

use crate::{mock::*, BlockSample, CurrentDifficulty, Event, RecentBlocks};
use frame_support::traits::OnTimestampSet;
use sp_core::U256;

fn difficulty() -> u64 {
	Difficulty::difficulty().low_u64()
}

/// Simulate `count` blocks, `interval` ms apart, after `start`.
fn blocks(start: u64, count: u64, interval: u64) -> u64 {
	let mut now = start;
	for _ in 0..count {
		now += interval;
		<Difficulty as OnTimestampSet<u64>>::on_timestamp_set(now);
	}
	now
}

#[test]
fn genesis_sets_initial_difficulty() {
	ExtBuilder::default().with_initial_difficulty(123_456).build_and_execute(|| {
		assert_eq!(difficulty(), 123_456);
		assert!(RecentBlocks::<Test>::get().is_empty());
	});
}

#[test]
fn genesis_difficulty_is_kept_within_bounds() {
	ExtBuilder::default().with_initial_difficulty(0).build_and_execute(|| {
		assert_eq!(difficulty(), MIN_DIFFICULTY);
	});
	ExtBuilder::default().with_initial_difficulty(u64::MAX).build_and_execute(|| {
		assert_eq!(difficulty(), MAX_DIFFICULTY);
	});
}

#[test]
fn first_block_records_sample_and_keeps_difficulty() {
	ExtBuilder::default().build_and_execute(|| {
		blocks(1_000_000, 1, TARGET_MS);
		assert_eq!(
			RecentBlocks::<Test>::get().into_inner(),
			vec![BlockSample { timestamp: 1_006_000, difficulty: U256::from(100_000u32) }]
		);
		assert_eq!(difficulty(), 100_000);
		assert_eq!(
			events(),
			vec![Event::DifficultyAdjusted {
				previous: U256::from(100_000u32),
				next: U256::from(100_000u32)
			}]
		);
	});
}

#[test]
fn steady_block_time_keeps_difficulty() {
	ExtBuilder::default().build_and_execute(|| {
		blocks(1_000_000, 20, TARGET_MS);
		assert_eq!(difficulty(), 100_000);
	});
}

#[test]
fn fast_blocks_raise_difficulty_and_slow_blocks_lower_it() {
	ExtBuilder::default().build_and_execute(|| {
		let now = blocks(1_000_000, 3, TARGET_MS / 3);
		let raised = difficulty();
		assert!(raised > 100_000, "fast blocks raise difficulty, got {raised}");
		blocks(now, 10, TARGET_MS * 3);
		assert!(difficulty() < raised, "slow blocks lower difficulty");
	});
}

#[test]
fn window_is_bounded_and_keeps_the_newest_blocks() {
	ExtBuilder::default().build_and_execute(|| {
		let last = blocks(1_000_000, u64::from(WINDOW) * 3, TARGET_MS);
		let window = RecentBlocks::<Test>::get();
		assert_eq!(window.len(), WINDOW as usize);
		assert_eq!(window.last().map(|s| s.timestamp), Some(last));
		assert_eq!(
			window.first().map(|s| s.timestamp),
			Some(last - TARGET_MS * (u64::from(WINDOW) - 1))
		);
	});
}

#[test]
fn difficulty_never_leaves_bounds_under_extreme_times() {
	ExtBuilder::default().with_initial_difficulty(MIN_DIFFICULTY).build_and_execute(|| {
		// Very slow blocks: pinned at the minimum.
		blocks(1_000_000, 30, TARGET_MS * 1_000);
		assert_eq!(difficulty(), MIN_DIFFICULTY);
	});
	ExtBuilder::default().with_initial_difficulty(MAX_DIFFICULTY).build_and_execute(|| {
		// Blocks with the same timestamp: pinned at the maximum.
		blocks(1_000_000, 30, 0);
		assert_eq!(difficulty(), MAX_DIFFICULTY);
	});
}

#[test]
fn timestamp_far_ahead_moves_difficulty_at_most_by_clamp() {
	ExtBuilder::default().build_and_execute(|| {
		blocks(1_000_000, 4, TARGET_MS);
		<Difficulty as OnTimestampSet<u64>>::on_timestamp_set(u64::MAX);
		let after_jump = difficulty();
		// Window 5 of 4 intervals, clamp 2, damping 3: at most expected / ((2e + 2e) / 3) = 3/4.
		assert_eq!(after_jump, 75_000);
	});
}

#[test]
fn converges_toward_target_from_too_easy() {
	// A simple miner model: a block takes `difficulty / hashrate` seconds.
	ExtBuilder::default().with_initial_difficulty(10_000).build_and_execute(|| {
		let hashrate_per_ms = 50u64; // equilibrium difficulty = 50 * 6000 = 300_000
		let mut now = 1_000_000u64;
		for _ in 0..300 {
			now += difficulty() / hashrate_per_ms;
			<Difficulty as OnTimestampSet<u64>>::on_timestamp_set(now);
		}
		let d = difficulty();
		assert!((270_000..=330_000).contains(&d), "difficulty {d} should settle near 300_000");
	});
}

#[test]
fn try_state_detects_broken_invariants() {
	ExtBuilder::default().build().execute_with(|| {
		CurrentDifficulty::<Test>::put(U256::zero());
		assert!(Difficulty::do_try_state().is_err());
		CurrentDifficulty::<Test>::put(U256::from(MIN_DIFFICULTY));
		RecentBlocks::<Test>::put(
			frame_support::BoundedVec::try_from(vec![
				BlockSample { timestamp: 2, difficulty: U256::one() },
				BlockSample { timestamp: 1, difficulty: U256::one() },
			])
			.expect("within bound"),
		);
		assert!(Difficulty::do_try_state().is_err());
	});
}
