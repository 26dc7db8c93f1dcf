//! Medchain's Proof-of-Work: the seal format, its check, and the CPU miner.
//!
//! Only the consortium's admitted miners may author. A block's pre-runtime digest (engine
//! `pow_`) carries the author's mining key (sr25519, key type `mine`, 32 bytes SCALE), and its
//! seal is the SCALE encoding of [`Seal`] `{ nonce, work, signature }`:
//! - `work = blake2-256(pre_hash ‖ nonce)`, where `pre_hash` is the hash of the header before
//!   sealing (it commits to the block's contents and to the author's key);
//! - the work is valid for `difficulty` when `U256(work) * difficulty` does not overflow 256 bits,
//!   so on average `difficulty` hashes are needed to find one;
//! - `signature` is the mining key's sr25519 signature over [`seal_message`] (a domain tag, the
//!   pre-hash and the nonce), made once the work is found: hash power alone, without an admitted
//!   key, cannot seal a block, and a seal cannot be moved to another block or author.
//!
//! A node imports a block only if all of that holds and the runtime says, at the parent block,
//! that the key may author (`ConsortiumApi::can_author`: admitted by governance, bound to an
//! active organization). Difficulty comes from the runtime (`sp_consensus_pow::DifficultyApi`,
//! kept by `pallet-difficulty`).

use codec::{Decode, Encode};
use medchain_primitives::{mining, AccountId, MiningKey};
use medchain_runtime::apis::ConsortiumApi;
use sc_consensus_pow::{Error, MiningHandle, PowAlgorithm};
use sp_api::ProvideRuntimeApi;
use sp_consensus_pow::{DifficultyApi, Seal as RawSeal};
use sp_core::{
	sr25519::{Pair as Sr25519Pair, Public, Signature},
	Pair, H256, U256,
};
use sp_keystore::KeystorePtr;
use sp_runtime::traits::{BlakeTwo256, Hash};
use sp_runtime::{generic::BlockId, traits::Block as BlockT};
use std::{marker::PhantomData, sync::Arc, time::Duration};
use substrate_prometheus_endpoint::{register, CounterVec, Opts, PrometheusError, Registry, U64};

/// The proof of work and of authorship carried in a block's seal digest.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct Seal {
	/// The value the miner varied.
	pub nonce: u64,
	/// `blake2-256(pre_hash ‖ nonce)`.
	pub work: H256,
	/// The author's signature over [`seal_message`]`(pre_hash, nonce)`.
	pub signature: Signature,
}

/// `blake2-256(pre_hash ‖ nonce)`, with the nonce SCALE-encoded (8 bytes, little endian).
pub fn compute_work(pre_hash: &H256, nonce: u64) -> H256 {
	let mut input = [0u8; 40];
	let (hash_part, nonce_part) = input.split_at_mut(32);
	hash_part.copy_from_slice(pre_hash.as_bytes());
	nonce_part.copy_from_slice(&nonce.to_le_bytes());
	BlakeTwo256::hash(&input)
}

/// What the author signs: `"medchain/seal" ‖ pre_hash ‖ nonce` (SCALE, nonce little endian).
/// The domain tag keeps a seal signature from being valid for anything else the key signs.
pub fn seal_message(pre_hash: &H256, nonce: u64) -> Vec<u8> {
	(b"medchain/seal", pre_hash, nonce).encode()
}

/// Whether `work` meets `difficulty`: `U256(work) * difficulty` does not overflow.
pub fn work_meets_difficulty(work: &H256, difficulty: U256) -> bool {
	let (_, overflowed) = U256::from_big_endian(work.as_bytes()).overflowing_mul(difficulty);
	!overflowed
}

/// Why a block's seal was refused. The label names the reason in logs and in the
/// `medchain_pow_blocks_refused_total` metric.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
	/// The header has no `pow_` pre-runtime digest naming the author's key.
	NoPreDigest,
	/// The pre-runtime digest is not exactly one mining key.
	MalformedPreDigest,
	/// The seal does not decode as exactly one [`Seal`].
	MalformedSeal,
	/// The work does not match the nonce, or does not meet the difficulty (or the difficulty is
	/// zero, which the runtime never asks for).
	InsufficientWork,
	/// The signature is not the key's over this block's pre-hash and nonce.
	BadSignature,
	/// The key is not an admitted miner of an active organization at the parent block.
	NotAdmitted,
}

impl Refusal {
	/// A stable, short name of the reason.
	pub fn label(self) -> &'static str {
		match self {
			Self::NoPreDigest => "no_pre_digest",
			Self::MalformedPreDigest => "malformed_pre_digest",
			Self::MalformedSeal => "malformed_seal",
			Self::InsufficientWork => "insufficient_work",
			Self::BadSignature => "bad_signature",
			Self::NotAdmitted => "not_admitted",
		}
	}
}

/// Decodes `bytes` as exactly one `T`: trailing bytes make the input invalid, so every valid
/// seal and digest has one encoding.
fn decode_exact<T: Decode>(mut bytes: &[u8]) -> Option<T> {
	let value = T::decode(&mut bytes).ok()?;
	bytes.is_empty().then_some(value)
}

/// Checks everything about a seal that needs no chain state: the author's key in the
/// pre-runtime digest, the work against the difficulty, and the signature. Returns the key, whose
/// admission the caller checks at the parent block. Cheap checks run first; never panics.
pub fn check_seal(
	pre_hash: &H256,
	pre_digest: Option<&[u8]>,
	seal: &[u8],
	difficulty: U256,
) -> Result<MiningKey, Refusal> {
	let key: MiningKey =
		decode_exact(pre_digest.ok_or(Refusal::NoPreDigest)?).ok_or(Refusal::MalformedPreDigest)?;
	let seal: Seal = decode_exact(seal).ok_or(Refusal::MalformedSeal)?;
	if difficulty.is_zero()
		|| seal.work != compute_work(pre_hash, seal.nonce)
		|| !work_meets_difficulty(&seal.work, difficulty)
	{
		return Err(Refusal::InsufficientWork);
	}
	let public: &Public = key.as_ref();
	if !Sr25519Pair::verify(&seal.signature, seal_message(pre_hash, seal.nonce), public) {
		return Err(Refusal::BadSignature);
	}
	Ok(key)
}

/// [`check_seal`], then whether the key may author at the parent block (`can_author`, which
/// asks the runtime): the whole check of a block's authorship and work. The outer error is the
/// environment's (the runtime could not be asked); the inner one is the block's.
pub fn check_block<E>(
	pre_hash: &H256,
	pre_digest: Option<&[u8]>,
	seal: &[u8],
	difficulty: U256,
	can_author: impl FnOnce(MiningKey) -> Result<bool, E>,
) -> Result<Result<MiningKey, Refusal>, E> {
	let key = match check_seal(pre_hash, pre_digest, seal, difficulty) {
		Ok(key) => key,
		Err(refusal) => return Ok(Err(refusal)),
	};
	Ok(if can_author(key.clone())? { Ok(key) } else { Err(Refusal::NotAdmitted) })
}

/// Tries nonces `start, start + 1, ...` (at most `attempts` of them) and returns the first one
/// whose work meets `difficulty`, with that work.
pub fn mine(pre_hash: &H256, difficulty: U256, start: u64, attempts: u64) -> Option<(u64, H256)> {
	(0..attempts).find_map(|i| {
		let nonce = start.wrapping_add(i);
		let work = compute_work(pre_hash, nonce);
		work_meets_difficulty(&work, difficulty).then_some((nonce, work))
	})
}

/// The [`PowAlgorithm`] of Medchain: difficulty from the runtime, seals as above, authors
/// admitted by the runtime.
pub struct MedchainPow<B, C> {
	client: Arc<C>,
	refused: Option<CounterVec<U64>>,
	/// `false` only on a node started with `--unsafe-ignore-miner-admission` (tests).
	enforce_admission: bool,
	_block: PhantomData<B>,
}

impl<B, C> MedchainPow<B, C> {
	/// The algorithm over `client`, counting refused blocks in `registry` when there is one.
	/// Without `enforce_admission`, keys the runtime has not admitted may author too.
	pub fn new(
		client: Arc<C>,
		registry: Option<&Registry>,
		enforce_admission: bool,
	) -> Result<Self, PrometheusError> {
		let refused = registry
			.map(|registry| {
				register(
					CounterVec::new(
						Opts::new(
							"medchain_pow_blocks_refused_total",
							"Blocks whose Proof-of-Work seal this node refused, by reason",
						),
						&["reason"],
					)?,
					registry,
				)
			})
			.transpose()?;
		Ok(Self { client, refused, enforce_admission, _block: PhantomData })
	}
}

impl<B, C> Clone for MedchainPow<B, C> {
	fn clone(&self) -> Self {
		Self {
			client: self.client.clone(),
			refused: self.refused.clone(),
			enforce_admission: self.enforce_admission,
			_block: PhantomData,
		}
	}
}

impl<B, C> MedchainPow<B, C> {
	fn refuse(&self, pre_hash: &H256, refusal: Refusal) -> Result<bool, Error<B>>
	where
		B: BlockT,
	{
		log::warn!(
			target: "pow",
			"⛔ Refused block with pre-hash {pre_hash:?}: {} ({refusal:?})",
			refusal.label()
		);
		if let Some(refused) = &self.refused {
			refused.with_label_values(&[refusal.label()]).inc();
		}
		Ok(false)
	}
}

impl<B, C> PowAlgorithm<B> for MedchainPow<B, C>
where
	B: BlockT<Hash = H256>,
	C: ProvideRuntimeApi<B> + sp_blockchain::HeaderBackend<B>,
	C::Api: DifficultyApi<B, U256> + ConsortiumApi<B, AccountId>,
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
		parent: &BlockId<B>,
		pre_hash: &H256,
		pre_digest: Option<&[u8]>,
		seal: &RawSeal,
		difficulty: U256,
	) -> Result<bool, Error<B>> {
		let parent = match parent {
			BlockId::Hash(hash) => *hash,
			BlockId::Number(number) => self
				.client
				.hash(*number)
				.map_err(|e| Error::Environment(format!("Parent block {number}: {e}")))?
				.ok_or_else(|| Error::Environment(format!("Parent block {number} is unknown")))?,
		};
		let checked = check_block(pre_hash, pre_digest, seal, difficulty, |key| {
			if !self.enforce_admission {
				return Ok(true);
			}
			self.client.runtime_api().can_author(parent, key).map_err(|e| {
				Error::Environment(format!("Asking the runtime for admitted miners: {e}"))
			})
		})?;
		match checked {
			Ok(_) => Ok(true),
			Err(refusal) => self.refuse(pre_hash, refusal),
		}
	}
}

/// The import queue's check of a block from the network: the whole of [`check_block`] against
/// the parent's difficulty and admitted miners, before the block is imported (and again by the
/// PoW block import). A block that fails is a verification failure, for which the network drops
/// the peer that sent it; checked at import only, it would be a plain import error, and the
/// peer could send forged blocks for ever.
pub struct MedchainVerifier<B: BlockT, C> {
	algorithm: MedchainPow<B, C>,
	inner: sc_consensus_pow::PowVerifier<B, MedchainPow<B, C>>,
}

impl<B: BlockT, C> MedchainVerifier<B, C> {
	/// The verifier of blocks sealed for `algorithm`.
	pub fn new(algorithm: MedchainPow<B, C>) -> Self {
		Self { inner: sc_consensus_pow::PowVerifier::new(algorithm.clone()), algorithm }
	}
}

#[async_trait::async_trait]
impl<B, C> sc_consensus::Verifier<B> for MedchainVerifier<B, C>
where
	B: BlockT<Hash = H256>,
	C: ProvideRuntimeApi<B> + sp_blockchain::HeaderBackend<B> + Send + Sync,
	C::Api: DifficultyApi<B, U256> + ConsortiumApi<B, AccountId>,
{
	async fn verify(
		&self,
		block: sc_consensus::BlockImportParams<B>,
	) -> Result<sc_consensus::BlockImportParams<B>, String> {
		use sp_runtime::{traits::Header as _, DigestItem};
		let mut unsealed = block.header.clone();
		let seal = match unsealed.digest_mut().pop() {
			Some(DigestItem::Seal(engine, seal)) if engine == sp_consensus_pow::POW_ENGINE_ID => {
				seal
			}
			_ => return Err(format!("block {:?} has no Proof-of-Work seal", block.header.hash())),
		};
		let mut pre_digests = unsealed.digest().logs().iter().filter_map(|item| match item {
			DigestItem::PreRuntime(engine, data) if *engine == sp_consensus_pow::POW_ENGINE_ID => {
				Some(data.as_slice())
			}
			_ => None,
		});
		let pre_digest = pre_digests.next();
		if pre_digests.next().is_some() {
			return Err("block names more than one author".into());
		}
		let parent = *unsealed.parent_hash();
		let pre_hash = unsealed.hash();
		let difficulty = self.algorithm.difficulty(parent).map_err(|e| e.to_string())?;
		let valid = self
			.algorithm
			.verify(&BlockId::Hash(parent), &pre_hash, pre_digest, &seal, difficulty)
			.map_err(|e| e.to_string())?;
		if !valid {
			return Err(format!("block with pre-hash {pre_hash:?} refused (see the log above)"));
		}
		self.inner.verify(block).await
	}
}

/// How many nonces a mining thread tries before it looks for new work.
const NONCES_PER_ROUND: u64 = 20_000;

/// Starts `threads` CPU mining threads for the mining worker; they run until the process ends.
/// Each thread searches its own part of the nonce space, moves to the new block whenever the
/// worker has one (a new best block, or new transactions to include), and signs the seal it
/// finds with `key` from the keystore. It mines only while `admitted(best)` says the key may
/// author on the worker's best block (asked once per new piece of work): a removed miner, or one
/// not admitted yet, idles instead of hashing for blocks every node refuses.
pub fn spawn_miners<B, A, L>(
	worker: MiningHandle<B, A, L>,
	threads: usize,
	keystore: KeystorePtr,
	key: Public,
	admitted: impl Fn(H256) -> bool + Clone + Send + 'static,
) -> std::io::Result<()>
where
	B: BlockT<Hash = H256>,
	A: PowAlgorithm<B, Difficulty = U256> + Send + Sync + 'static,
	L: sc_consensus::JustificationSyncLink<B> + 'static,
{
	for thread in 0..threads {
		let worker = worker.clone();
		let keystore = keystore.clone();
		let admitted = admitted.clone();
		// Threads start far apart in the nonce space so their searches do not overlap.
		let mut nonce = (thread as u64) << 48;
		// The work version last checked, and whether the key could author on it.
		let mut checked = None;
		std::thread::Builder::new().name(format!("pow-miner-{thread}")).spawn(move || loop {
			let Some(metadata) = worker.metadata() else {
				std::thread::sleep(Duration::from_millis(50));
				continue;
			};
			let version = worker.version();
			let may_author = match checked {
				Some((checked_version, may)) if checked_version == version => may,
				_ => {
					let may = admitted(metadata.best_hash);
					if !may && thread == 0 && checked.is_none_or(|(_, before)| before) {
						log::warn!(
							target: "pow",
							"⛏️  The mining key {key} may not author on the best block: idle until \
							 governance admits it"
						);
					}
					checked = Some((version, may));
					may
				}
			};
			if !may_author {
				std::thread::sleep(Duration::from_millis(500));
				continue;
			}
			let found = mine(&metadata.pre_hash, metadata.difficulty, nonce, NONCES_PER_ROUND);
			nonce = nonce.wrapping_add(NONCES_PER_ROUND);
			let Some((found_nonce, work)) = found else { continue };
			// Only submit for the block that was mined: the worker may have moved on.
			if worker.version() != version {
				continue;
			}
			let message = seal_message(&metadata.pre_hash, found_nonce);
			match keystore.sr25519_sign(mining::KEY_TYPE, &key, &message) {
				Ok(Some(signature)) => {
					let seal = Seal { nonce: found_nonce, work, signature };
					futures::executor::block_on(worker.submit(seal.encode()));
				}
				Ok(None) => {
					log::error!(target: "pow", "The mining key {key} left the keystore: not sealing");
					std::thread::sleep(Duration::from_secs(1));
				}
				Err(e) => {
					log::error!(target: "pow", "Signing a seal with the mining key failed: {e}");
					std::thread::sleep(Duration::from_secs(1));
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

	fn miner() -> Sr25519Pair {
		Sr25519Pair::from_string("//Alice", None).expect("a dev seed")
	}

	fn key_of(pair: &Sr25519Pair) -> Vec<u8> {
		MiningKey::from(pair.public()).encode()
	}

	/// A valid seal for `PRE_HASH` at `difficulty`, signed by `pair`.
	fn sealed(pair: &Sr25519Pair, difficulty: U256) -> Seal {
		let (nonce, work) = mine(&PRE_HASH, difficulty, 0, 1_000_000).expect("a seal within 10^6");
		Seal { nonce, work, signature: pair.sign(&seal_message(&PRE_HASH, nonce)) }
	}

	#[test]
	fn work_is_blake2_of_pre_hash_and_nonce() {
		let mut input = PRE_HASH.as_bytes().to_vec();
		input.extend_from_slice(&42u64.encode());
		assert_eq!(compute_work(&PRE_HASH, 42), H256(sp_io::hashing::blake2_256(&input)));
	}

	#[test]
	fn signed_seal_verifies_and_roundtrips() {
		let difficulty = U256::from(1_000u32);
		let pair = miner();
		let seal = sealed(&pair, difficulty);
		let encoded = seal.encode();
		assert_eq!(Seal::decode(&mut &encoded[..]), Ok(seal));
		assert_eq!(
			check_seal(&PRE_HASH, Some(&key_of(&pair)), &encoded, difficulty),
			Ok(MiningKey::from(pair.public()))
		);
	}

	#[test]
	fn missing_or_malformed_pre_digest_is_refused() {
		let difficulty = U256::from(1_000u32);
		let pair = miner();
		let seal = sealed(&pair, difficulty).encode();
		assert_eq!(check_seal(&PRE_HASH, None, &seal, difficulty), Err(Refusal::NoPreDigest));
		// An account-sized digest with a trailing byte, and a short one.
		let mut long = key_of(&pair);
		long.push(0);
		assert_eq!(
			check_seal(&PRE_HASH, Some(&long), &seal, difficulty),
			Err(Refusal::MalformedPreDigest)
		);
		assert_eq!(
			check_seal(&PRE_HASH, Some(&[1u8; 31]), &seal, difficulty),
			Err(Refusal::MalformedPreDigest)
		);
	}

	#[test]
	fn seal_signed_by_another_key_is_refused() {
		let difficulty = U256::from(1_000u32);
		let (alice, mallory) =
			(miner(), Sr25519Pair::from_string("//Mallory", None).expect("seed"));
		// Mallory mines a block that names Alice's key: the work is right, the signature is not.
		let seal = sealed(&mallory, difficulty).encode();
		assert_eq!(
			check_seal(&PRE_HASH, Some(&key_of(&alice)), &seal, difficulty),
			Err(Refusal::BadSignature)
		);
	}

	#[test]
	fn signature_for_another_nonce_or_block_is_refused() {
		let difficulty = U256::from(1u8);
		let pair = miner();
		let mut seal = sealed(&pair, difficulty);
		// Difficulty 1 accepts any work: only the signature can fail.
		seal.nonce = seal.nonce.wrapping_add(1);
		seal.work = compute_work(&PRE_HASH, seal.nonce);
		assert_eq!(
			check_seal(&PRE_HASH, Some(&key_of(&pair)), &seal.encode(), difficulty),
			Err(Refusal::BadSignature)
		);
		let seal = sealed(&pair, difficulty);
		let other = H256([8u8; 32]);
		let moved = Seal { work: compute_work(&other, seal.nonce), ..seal };
		assert_eq!(
			check_seal(&other, Some(&key_of(&pair)), &moved.encode(), difficulty),
			Err(Refusal::BadSignature)
		);
	}

	#[test]
	fn key_not_admitted_at_the_parent_is_refused() {
		let difficulty = U256::from(1_000u32);
		let pair = miner();
		let seal = sealed(&pair, difficulty).encode();
		let key = key_of(&pair);
		let admitted = MiningKey::from(pair.public());
		let check = |allowed: bool| {
			check_block::<()>(&PRE_HASH, Some(&key), &seal, difficulty, |asked| {
				assert_eq!(asked, admitted, "the runtime is asked about the digest's key");
				Ok(allowed)
			})
		};
		assert_eq!(check(true), Ok(Ok(admitted.clone())));
		assert_eq!(check(false), Ok(Err(Refusal::NotAdmitted)));
		// The runtime is not asked about a block whose seal is already invalid, and an error
		// asking it is the environment's, not a refusal.
		assert_eq!(
			check_block::<()>(&PRE_HASH, None, &seal, difficulty, |_| unreachable!()),
			Ok(Err(Refusal::NoPreDigest))
		);
		assert_eq!(
			check_block(&PRE_HASH, Some(&key), &seal, difficulty, |_| Err("down")),
			Err("down")
		);
	}

	#[test]
	fn wrong_work_is_refused() {
		let difficulty = U256::from(1_000u32);
		let pair = miner();
		let seal = sealed(&pair, difficulty);
		let forged = Seal { work: H256::zero(), ..seal };
		assert_eq!(
			check_seal(&PRE_HASH, Some(&key_of(&pair)), &forged.encode(), difficulty),
			Err(Refusal::InsufficientWork)
		);
	}

	#[test]
	fn too_low_work_is_refused() {
		let pair = miner();
		// A correctly signed seal whose work does not meet a higher difficulty.
		let nonce = (0u64..)
			.find(|n| {
				!work_meets_difficulty(&compute_work(&PRE_HASH, *n), U256::from(1_000_000u32))
			})
			.expect("most hashes fail a difficulty of 10^6");
		let seal = Seal {
			nonce,
			work: compute_work(&PRE_HASH, nonce),
			signature: pair.sign(&seal_message(&PRE_HASH, nonce)),
		}
		.encode();
		let key = key_of(&pair);
		assert!(check_seal(&PRE_HASH, Some(&key), &seal, U256::one()).is_ok());
		assert_eq!(
			check_seal(&PRE_HASH, Some(&key), &seal, U256::from(1_000_000u32)),
			Err(Refusal::InsufficientWork)
		);
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
	fn garbage_seals_are_refused_and_never_panic() {
		let difficulty = U256::from(1u8);
		let pair = miner();
		let key = key_of(&pair);
		for garbage in [&b""[..], &[0u8; 3][..], &[0xffu8; 39][..], &[1u8; 100][..]] {
			assert_eq!(
				check_seal(&PRE_HASH, Some(&key), garbage, difficulty),
				Err(Refusal::MalformedSeal)
			);
		}
		// A valid seal with a trailing byte is not accepted either.
		let mut encoded = sealed(&pair, difficulty).encode();
		encoded.push(0);
		assert_eq!(
			check_seal(&PRE_HASH, Some(&key), &encoded, difficulty),
			Err(Refusal::MalformedSeal)
		);
	}

	#[test]
	fn zero_difficulty_is_refused() {
		let pair = miner();
		let seal = sealed(&pair, U256::one()).encode();
		assert_eq!(
			check_seal(&PRE_HASH, Some(&key_of(&pair)), &seal, U256::zero()),
			Err(Refusal::InsufficientWork)
		);
	}
}
