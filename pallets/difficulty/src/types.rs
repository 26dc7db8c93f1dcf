//! The retarget rule, as pure functions on plain values.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::U256;

/// Proof-of-Work difficulty: a seal is valid when `U256(work) * difficulty` does not overflow, so
/// on average `difficulty` hashes are needed to find one.
pub type Difficulty = U256;

/// One block as the retarget rule sees it: when it was made and how hard it was to make.
#[derive(
	Clone,
	Copy,
	Debug,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct BlockSample {
	/// The block's timestamp, in milliseconds since the Unix epoch.
	pub timestamp: u64,
	/// The difficulty the block was mined at.
	pub difficulty: Difficulty,
}

/// The moving-average retarget rule, dampened and clamped.
///
/// Over a window of recent blocks, the average difficulty is scaled by
/// `expected_time / observed_time`, where:
/// - `expected_time` is `target_block_time` times the number of intervals in the window;
/// - `observed_time` is the time the window took, first clamped into
///   `[expected_time / clamp_factor, expected_time * clamp_factor]` (so one bad timestamp moves
///   difficulty by at most that factor), then dampened toward `expected_time`:
///   `(observed + (damping_factor - 1) * expected) / damping_factor`.
///
/// The result is kept within `[min_difficulty, max_difficulty]`. Every step is checked or
/// saturating: the rule never panics, whatever the timestamps (going backwards, equal, or far
/// ahead).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetargetRule {
	/// The block time to aim for, in milliseconds.
	pub target_block_time: u64,
	/// How much of the observed deviation is applied at once: `1` applies all of it, `n` one n-th.
	pub damping_factor: u32,
	/// The largest factor by which the observed window time is believed to differ from the
	/// expected one.
	pub clamp_factor: u32,
	/// Difficulty never goes below this (must be at least 1: difficulty 0 accepts any seal).
	pub min_difficulty: Difficulty,
	/// Difficulty never goes above this.
	pub max_difficulty: Difficulty,
}

impl RetargetRule {
	/// `difficulty` kept within the rule's bounds.
	pub fn bound(&self, difficulty: Difficulty) -> Difficulty {
		let min = self.min_difficulty.max(U256::one());
		difficulty.max(min).min(self.max_difficulty.max(min))
	}

	/// The difficulty of the next block, given the window of recent blocks (oldest first) and the
	/// current difficulty. With fewer than two samples there is no interval to measure, and the
	/// current difficulty (bounded) is kept.
	pub fn next_difficulty(&self, current: Difficulty, window: &[BlockSample]) -> Difficulty {
		let (Some(first), Some(last)) = (window.first(), window.last()) else {
			return self.bound(current);
		};
		let intervals = u64::try_from(window.len()).unwrap_or(u64::MAX).saturating_sub(1);
		if intervals == 0 {
			return self.bound(current);
		}
		let expected = self.target_block_time.max(1).saturating_mul(intervals);
		// A timestamp going backwards reads as a window that took no time: the fastest case.
		let observed = last.timestamp.saturating_sub(first.timestamp);

		let clamp = u64::from(self.clamp_factor.max(1));
		let lower = expected.checked_div(clamp).unwrap_or(expected).max(1);
		let upper = expected.saturating_mul(clamp);
		let clamped = observed.clamp(lower, upper);

		let damping = u128::from(self.damping_factor.max(1));
		let damped = u128::from(clamped)
			.saturating_add(damping.saturating_sub(1).saturating_mul(u128::from(expected)))
			.checked_div(damping)
			.unwrap_or(u128::from(clamped))
			.max(1);

		let average = Self::average_difficulty(window).unwrap_or(current);
		let next = match average.checked_mul(U256::from(expected)) {
			Some(scaled) => scaled.checked_div(U256::from(damped)).unwrap_or(scaled),
			// Only reachable near the top of the range: divide first, losing a little precision.
			None => average
				.checked_div(U256::from(damped))
				.unwrap_or(average)
				.saturating_mul(U256::from(expected)),
		};
		self.bound(next)
	}

	/// The mean difficulty of the samples, rounded down and exact even where their sum would not
	/// fit in 256 bits; `None` for an empty window.
	fn average_difficulty(window: &[BlockSample]) -> Option<Difficulty> {
		let count = U256::from(window.len());
		if count.is_zero() {
			return None;
		}
		let (quotients, remainders) =
			window.iter().fold((U256::zero(), U256::zero()), |(q, r), sample| {
				let (dq, dr) = sample.difficulty.div_mod(count);
				(q.saturating_add(dq), r.saturating_add(dr))
			});
		remainders.checked_div(count).map(|extra| quotients.saturating_add(extra))
	}
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod tests {
	use super::*;

	const TARGET: u64 = 6_000;

	fn rule() -> RetargetRule {
		RetargetRule {
			target_block_time: TARGET,
			damping_factor: 3,
			clamp_factor: 2,
			min_difficulty: U256::from(100u32),
			max_difficulty: U256::from(u128::MAX),
		}
	}

	/// `count` samples at `difficulty`, `interval` ms apart, starting at `start`.
	fn window(count: u64, interval: u64, difficulty: u64) -> Vec<BlockSample> {
		(0..count)
			.map(|i| BlockSample {
				timestamp: 1_000_000 + i * interval,
				difficulty: U256::from(difficulty),
			})
			.collect()
	}

	#[test]
	fn steady_blocks_keep_difficulty() {
		let d = rule().next_difficulty(U256::from(1_000_000u32), &window(10, TARGET, 1_000_000));
		assert_eq!(d, U256::from(1_000_000u32));
	}

	#[test]
	fn too_fast_blocks_raise_difficulty_dampened() {
		// Blocks at half the target: undamped would double; damping by 3 gives
		// expected / ((expected/2 + 2 expected) / 3) = 6/5.
		let d =
			rule().next_difficulty(U256::from(1_000_000u32), &window(11, TARGET / 2, 1_000_000));
		assert_eq!(d, U256::from(1_200_000u32));
	}

	#[test]
	fn too_slow_blocks_lower_difficulty_dampened() {
		// Blocks at twice the target: expected / ((2 expected + 2 expected) / 3) = 3/4.
		let d =
			rule().next_difficulty(U256::from(1_000_000u32), &window(11, TARGET * 2, 1_000_000));
		assert_eq!(d, U256::from(750_000u32));
	}

	#[test]
	fn very_fast_blocks_are_clamped() {
		// Blocks 100 times too fast count as only clamp_factor (2) times too fast.
		let fast =
			rule().next_difficulty(U256::from(1_000_000u32), &window(11, TARGET / 100, 1_000_000));
		let half =
			rule().next_difficulty(U256::from(1_000_000u32), &window(11, TARGET / 2, 1_000_000));
		assert_eq!(fast, half);
	}

	#[test]
	fn very_slow_blocks_are_clamped() {
		let slow =
			rule().next_difficulty(U256::from(1_000_000u32), &window(11, TARGET * 100, 1_000_000));
		let twice =
			rule().next_difficulty(U256::from(1_000_000u32), &window(11, TARGET * 2, 1_000_000));
		assert_eq!(slow, twice);
	}

	#[test]
	fn timestamps_going_backwards_count_as_fastest() {
		let mut samples = window(5, TARGET, 1_000_000);
		samples.reverse();
		let d = rule().next_difficulty(U256::from(1_000_000u32), &samples);
		let fastest = rule().next_difficulty(U256::from(1_000_000u32), &window(5, 0, 1_000_000));
		assert_eq!(d, fastest);
		assert!(d > U256::from(1_000_000u32));
	}

	#[test]
	fn timestamp_jumping_far_ahead_is_clamped_and_never_panics() {
		let mut samples = window(5, TARGET, 1_000_000);
		if let Some(last) = samples.last_mut() {
			last.timestamp = u64::MAX;
		}
		let d = rule().next_difficulty(U256::from(1_000_000u32), &samples);
		let twice =
			rule().next_difficulty(U256::from(1_000_000u32), &window(5, TARGET * 2, 1_000_000));
		assert_eq!(d, twice);
	}

	#[test]
	fn difficulty_stays_within_bounds() {
		let r = rule();
		// Falling below the minimum.
		assert_eq!(
			r.next_difficulty(U256::from(100u32), &window(3, TARGET * 2, 100)),
			r.min_difficulty
		);
		// Rising above the maximum.
		let capped = RetargetRule { max_difficulty: U256::from(1_100_000u32), ..r };
		assert_eq!(
			capped.next_difficulty(U256::from(1_000_000u32), &window(3, 0, 1_000_000)),
			U256::from(1_100_000u32)
		);
		// Huge difficulties do not overflow.
		let top = RetargetRule { max_difficulty: U256::MAX, ..r };
		assert_eq!(
			top.next_difficulty(
				U256::MAX,
				&window(3, 0, 0)
					.iter()
					.map(|s| BlockSample { difficulty: U256::MAX, ..*s })
					.collect::<Vec<_>>()
			),
			U256::MAX
		);
	}

	#[test]
	fn zero_minimum_is_treated_as_one() {
		let r = RetargetRule { min_difficulty: U256::zero(), ..rule() };
		assert_eq!(r.bound(U256::zero()), U256::one());
	}

	#[test]
	fn fewer_than_two_samples_keep_current() {
		let r = rule();
		assert_eq!(r.next_difficulty(U256::from(5_000u32), &[]), U256::from(5_000u32));
		assert_eq!(
			r.next_difficulty(U256::from(5_000u32), &window(1, TARGET, 7)),
			U256::from(5_000u32)
		);
	}

	#[test]
	fn average_difficulty_over_window_is_used() {
		// Steady timing with mixed difficulties converges on their mean.
		let mut samples = window(4, TARGET, 0);
		for (sample, d) in samples.iter_mut().zip([1_000u32, 2_000, 3_000, 2_000]) {
			sample.difficulty = U256::from(d);
		}
		assert_eq!(rule().next_difficulty(U256::from(9_999u32), &samples), U256::from(2_000u32));
	}
}
