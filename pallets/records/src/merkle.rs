//! Batch anchoring: the Merkle tree a provider builds over many record hashes, and the check of
//! a proof that one hash is in an anchored batch.
//!
//! The tree is binary with **sorted pairs**, over blake2-256, with domain separation:
//!
//! - leaf: `blake2-256(0x00 ‖ content_hash)`, where `content_hash` is the 32-byte unsalted
//!   hash of a public document (blake2-256 or sha-256 of the file; a patient's records are
//!   anchored singly, with salted hashes);
//! - inner node: `blake2-256(0x01 ‖ min(a, b) ‖ max(a, b))` for children `a` and `b`, compared as
//!   32-byte strings;
//! - a level with an odd number of nodes carries its last node up unchanged;
//! - the root of one leaf is that leaf; there is no root of zero leaves.
//!
//! A proof is the list of sibling hashes from the leaf up to the root. With sorted pairs no
//! left/right flags or index are needed: the verifier folds `node = inner(node, sibling)`.
//! `scripts/record-hash.py` builds the same trees and proofs; the test vector below is shared with
//! it.

use alloc::vec::Vec;
use sp_core::H256;
use sp_io::hashing::blake2_256;

/// The longest proof checked: a tree of `MaxBatchLeaves` (at most 2^32) leaves is at most 32
/// levels deep.
pub const MAX_PROOF_LEN: usize = 32;

/// The leaf of a record's content hash.
pub fn leaf(content_hash: &H256) -> H256 {
	let mut input = [0u8; 33];
	let (tag, rest) = input.split_at_mut(1);
	tag.copy_from_slice(&[0x00]);
	rest.copy_from_slice(content_hash.as_bytes());
	H256(blake2_256(&input))
}

/// The inner node over two children, in sorted order.
pub fn inner(a: &H256, b: &H256) -> H256 {
	let (low, high) = if a <= b { (a, b) } else { (b, a) };
	let mut input = [0u8; 65];
	let (tag, rest) = input.split_at_mut(1);
	tag.copy_from_slice(&[0x01]);
	let (first, second) = rest.split_at_mut(32);
	first.copy_from_slice(low.as_bytes());
	second.copy_from_slice(high.as_bytes());
	H256(blake2_256(&input))
}

/// The root a proof leads to from `content_hash`.
pub fn root_from_proof(content_hash: &H256, proof: &[H256]) -> H256 {
	proof.iter().fold(leaf(content_hash), |node, sibling| inner(&node, sibling))
}

/// The level above `level`: pairs combined, an odd last node carried up.
fn next_level(level: &[H256]) -> Vec<H256> {
	level
		.chunks(2)
		.map(|pair| match pair {
			[a, b] => inner(a, b),
			[single] => *single,
			// `chunks(2)` yields one or two nodes.
			_ => H256::zero(),
		})
		.collect()
}

/// The root over `content_hashes` (in the provider's order); `None` for no hashes.
pub fn root(content_hashes: &[H256]) -> Option<H256> {
	let mut level: Vec<H256> = content_hashes.iter().map(leaf).collect();
	while level.len() > 1 {
		level = next_level(&level);
	}
	level.first().copied()
}

/// The proof for the hash at `index` among `content_hashes`; `None` if out of range.
pub fn proof(content_hashes: &[H256], index: usize) -> Option<Vec<H256>> {
	if index >= content_hashes.len() {
		return None;
	}
	let mut level: Vec<H256> = content_hashes.iter().map(leaf).collect();
	let mut position = index;
	let mut siblings = Vec::new();
	while level.len() > 1 {
		if let Some(sibling) = level.get(position ^ 1) {
			siblings.push(*sibling);
		}
		level = next_level(&level);
		position /= 2;
	}
	Some(siblings)
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod tests {
	use super::*;

	fn hashes(n: u8) -> Vec<H256> {
		(0..n).map(|i| H256(blake2_256(&[i]))).collect()
	}

	#[test]
	fn every_leaf_proves_into_the_root() {
		for n in 1..=9u8 {
			let all = hashes(n);
			let root = root(&all).expect("a root");
			for (i, h) in all.iter().enumerate() {
				let proof = proof(&all, i).expect("in range");
				assert_eq!(root_from_proof(h, &proof), root, "leaf {i} of {n}");
			}
		}
	}

	#[test]
	fn wrong_leaf_or_proof_does_not_prove() {
		let all = hashes(5);
		let root = root(&all).expect("a root");
		let proof_0 = proof(&all, 0).expect("in range");
		assert_ne!(root_from_proof(&H256::repeat_byte(9), &proof_0), root);
		assert_ne!(root_from_proof(&all[1], &proof_0), root);
		assert_ne!(root_from_proof(&all[0], &proof_0[1..]), root);
	}

	#[test]
	fn a_leaf_is_not_an_inner_node() {
		// Domain separation: an inner node's preimage cannot pass as a leaf.
		let all = hashes(2);
		let node = inner(&leaf(&all[0]), &leaf(&all[1]));
		assert_ne!(leaf(&node), node);
		assert_eq!(root(&[]), None);
		assert_eq!(proof(&all, 2), None);
	}

	/// Shared with `scripts/record-hash.py self-test`: content hashes are blake2-256 of the
	/// single bytes 0, 1 and 2.
	#[test]
	fn test_vector() {
		let all = hashes(3);
		assert_eq!(
			format!("{:?}", all[0]),
			"0x03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314"
		);
		let root = root(&all).expect("a root");
		assert_eq!(format!("{root:?}"), TEST_VECTOR_ROOT);
	}

	const TEST_VECTOR_ROOT: &str =
		"0xe13696916a40519dfef0ed54b55992e01bf1993215ba50ac94c75be929ebbeb8";
}
