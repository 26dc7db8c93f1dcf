//! Medchain's Proof-of-Work: the seal format, its check, and the CPU miner.
//!
//! A seal is the SCALE encoding of [`Seal`] `{ nonce, work }`, where
//! `work = blake2-256(pre_hash ‖ nonce)` and `pre_hash` is the hash of the block header before
//! sealing (it commits to the block's contents and its author). The seal is valid for
//! `difficulty` when `U256(work) * difficulty` does not overflow 256 bits, so on average
//! `difficulty` hashes are needed to find one. Difficulty itself comes from the runtime
//! (`sp_consensus_pow::DifficultyApi`, kept by `pallet-difficulty`).

use codec::{Decode, Encode};
use medchain_primitives::AccountId;
use sc_consensus_pow::{Error, MiningHandle, PowAlgorithm};
use sp_api::ProvideRuntimeApi;
use sp_consensus_pow::{DifficultyApi, Seal as RawSeal};
use sp_core::{H256, U256};
use sp_runtime::traits::{BlakeTwo256, Hash};
use sp_runtime::{generic::BlockId, traits::Block as BlockT};
use std::{marker::PhantomData, sync::Arc, time::Duration};

/// The proof of work carried in a block's seal digest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode)]
pub struct Seal {
	/// The value the miner varied.
	pub nonce: u64,
	/// `blake2-256(pre_hash ‖ nonce)`.
	pub work: H256,
}

/// `blake2-256(pre_hash ‖ nonce)`, with the nonce SCALE-encoded (8 bytes, little endian).
pub fn compute_work(pre_hash: &H256, nonce: u64) -> H256 {
	let mut input = [0u8; 40];
	let (hash_part, nonce_part) = input.split_at_mut(32);
	hash_part.copy_from_slice(pre_hash.as_bytes());
	nonce_part.copy_from_slice(&nonce.to_le_bytes());
	BlakeTwo256::hash(&input)
}

/// Whether `work` meets `difficulty`: `U256(work) * difficulty` does not overflow.
pub fn work_meets_difficulty(work: &H256, difficulty: U256) -> bool {
	let (_, overflowed) = U256::from_big_endian(work.as_bytes()).overflowing_mul(difficulty);
	!overflowed
}

/// Checks an encoded seal against the pre-hash and difficulty. Any malformed input (garbage
/// bytes, trailing bytes, a work value that does not match the nonce) is simply invalid: this
/// function never panics.
pub fn verify_seal(pre_hash: &H256, seal: &[u8], difficulty: U256) -> bool {
	let Ok(seal) = Seal::decode(&mut &seal[..]).and_then(|s| {
		// Exactly one encoding per seal: no trailing bytes.
		(s.encoded_size() == seal.len())
			.then_some(s)
			.ok_or_else(|| codec::Error::from("trailing bytes after seal"))
	}) else {
		return false;
	};
	if difficulty.is_zero() {
		// Difficulty 0 would accept anything; the runtime never asks for it.
		return false;
	}
	seal.work == compute_work(pre_hash, seal.nonce) && work_meets_difficulty(&seal.work, difficulty)
}

/// Tries nonces `start, start + 1, ...` (at most `attempts` of them) and returns the first
/// valid seal.
pub fn mine(pre_hash: &H256, difficulty: U256, start: u64, attempts: u64) -> Option<Seal> {
	(0..attempts).find_map(|i| {
		let nonce = start.wrapping_add(i);
		let work = compute_work(pre_hash, nonce);
		work_meets_difficulty(&work, difficulty).then_some(Seal { nonce, work })
	})
}

/// The [`PowAlgorithm`] of Medchain: difficulty from the runtime, seals as above, and the
/// author's pre-runtime digest must be a valid account id.
pub struct MedchainPow<B, C> {
	client: Arc<C>,
	_block: PhantomData<B>,
}

impl<B, C> MedchainPow<B, C> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _block: PhantomData }
	}
}

impl<B, C> Clone for MedchainPow<B, C> {
	fn clone(&self) -> Self {
		Self::new(self.client.clone())
	}
}

impl<B, C> PowAlgorithm<B> for MedchainPow<B, C>
where
	B: BlockT<Hash = H256>,
	C: ProvideRuntimeApi<B>,
	C::Api: DifficultyApi<B, U256>,
{
	type Difficulty = U256;

	fn difficulty(&self, parent: B::Hash) -> Result<U256, Error<B>> {
		self.client
			.runtime_api()
			.difficulty(parent)
			.map_err(|e| Error::Environment(format!("Fetching difficulty from runtime: {e}")))
	}

	fn verify(
		&self,
		_parent: &BlockId<B>,
		pre_hash: &H256,
		pre_digest: Option<&[u8]>,
		seal: &RawSeal,
		difficulty: U256,
	) -> Result<bool, Error<B>> {
		if let Some(mut author) = pre_digest {
			if AccountId::decode(&mut author).is_err() || !author.is_empty() {
				return Ok(false);
			}
		}
		Ok(verify_seal(pre_hash, seal, difficulty))
	}
}

/// How many nonces a mining thread tries before it looks for new work.
const NONCES_PER_ROUND: u64 = 20_000;

/// Starts `threads` CPU mining threads for the mining worker; they run until the process ends.
/// Each thread searches its own part of the nonce space and moves to the new block whenever the
/// worker has one (a new best block, or new transactions to include).
pub fn spawn_miners<B, A, L>(worker: MiningHandle<B, A, L>, threads: usize) -> std::io::Result<()>
where
	B: BlockT<Hash = H256>,
	A: PowAlgorithm<B, Difficulty = U256> + Send + Sync + 'static,
	L: sc_consensus::JustificationSyncLink<B> + 'static,
{
	for thread in 0..threads {
		let worker = worker.clone();
		// Threads start far apart in the nonce space so their searches do not overlap.
		let mut nonce = (thread as u64) << 48;
		std::thread::Builder::new().name(format!("pow-miner-{thread}")).spawn(move || loop {
			let Some(metadata) = worker.metadata() else {
				std::thread::sleep(Duration::from_millis(50));
				continue;
			};
			let version = worker.version();
			let found = mine(&metadata.pre_hash, metadata.difficulty, nonce, NONCES_PER_ROUND);
			nonce = nonce.wrapping_add(NONCES_PER_ROUND);
			if let Some(seal) = found {
				// Only submit for the block that was mined: the worker may have moved on.
				if worker.version() == version {
					futures::executor::block_on(worker.submit(seal.encode()));
				}
			}
		})?;
	}
	Ok(())
}

#[cfg(test)]
mod tests {
	use super::*;

	const PRE_HASH: H256 = H256([7u8; 32]);

	#[test]
	fn work_is_blake2_of_pre_hash_and_nonce() {
		let mut input = PRE_HASH.as_bytes().to_vec();
		input.extend_from_slice(&42u64.encode());
		assert_eq!(compute_work(&PRE_HASH, 42), H256(sp_io::hashing::blake2_256(&input)));
	}

	#[test]
	fn mined_seal_verifies_and_roundtrips() {
		let difficulty = U256::from(1_000u32);
		let seal = mine(&PRE_HASH, difficulty, 0, 1_000_000).expect("a seal within 10^6 tries");
		let encoded = seal.encode();
		assert_eq!(Seal::decode(&mut &encoded[..]), Ok(seal));
		assert!(verify_seal(&PRE_HASH, &encoded, difficulty));
	}

	#[test]
	fn wrong_nonce_is_rejected() {
		let difficulty = U256::from(1_000u32);
		let seal = mine(&PRE_HASH, difficulty, 0, 1_000_000).expect("a seal");
		let forged = Seal { nonce: seal.nonce.wrapping_add(1), ..seal };
		assert!(!verify_seal(&PRE_HASH, &forged.encode(), difficulty));
	}

	#[test]
	fn seal_for_another_block_is_rejected() {
		let difficulty = U256::from(1_000u32);
		let seal = mine(&PRE_HASH, difficulty, 0, 1_000_000).expect("a seal");
		assert!(!verify_seal(&H256([8u8; 32]), &seal.encode(), difficulty));
	}

	#[test]
	fn too_low_work_is_rejected() {
		// A seal whose work is correct but does not meet a higher difficulty.
		let seal = (0u64..)
			.map(|nonce| Seal { nonce, work: compute_work(&PRE_HASH, nonce) })
			.find(|s| !work_meets_difficulty(&s.work, U256::from(1_000_000u32)))
			.expect("most hashes fail a difficulty of 10^6");
		assert!(verify_seal(&PRE_HASH, &seal.encode(), U256::one()));
		assert!(!verify_seal(&PRE_HASH, &seal.encode(), U256::from(1_000_000u32)));
	}

	#[test]
	fn difficulty_boundary_is_exact() {
		// work = 2^255 - 1 ... meets difficulty 2 (no overflow) and fails 3.
		let mut bytes = [0xffu8; 32];
		bytes[0] = 0x7f;
		let work = H256(bytes);
		assert!(work_meets_difficulty(&work, U256::from(2u8)));
		assert!(!work_meets_difficulty(&work, U256::from(3u8)));
		assert!(work_meets_difficulty(&H256::zero(), U256::MAX));
	}

	#[test]
	fn garbage_bytes_are_invalid_and_never_panic() {
		let difficulty = U256::from(1u8);
		for garbage in [&b""[..], &[0u8; 3][..], &[0xffu8; 39][..], &[1u8; 100][..]] {
			assert!(!verify_seal(&PRE_HASH, garbage, difficulty));
		}
		// A valid seal with a trailing byte is not accepted either.
		let seal = mine(&PRE_HASH, difficulty, 0, 10).expect("difficulty 1 accepts anything");
		let mut encoded = seal.encode();
		encoded.push(0);
		assert!(!verify_seal(&PRE_HASH, &encoded, difficulty));
	}

	#[test]
	fn zero_difficulty_is_rejected() {
		let seal = Seal { nonce: 0, work: compute_work(&PRE_HASH, 0) };
		assert!(!verify_seal(&PRE_HASH, &seal.encode(), U256::zero()));
	}
}
