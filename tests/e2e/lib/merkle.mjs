// The batch tree of pallets/records/src/merkle.rs, for provider systems: binary, blake2-256,
// sorted pairs, 0x00 leaf and 0x01 inner-node domain tags, an odd last node carried up.
// Levels are kept flat (32 bytes per node) so trees of a million leaves stay small and fast.
import { blake2AsU8a } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';

/** Whether node `a` of `level` sorts after node `b` (byte-wise, as the runtime compares). */
function after(level, a, b) {
  for (let i = 0; i < 32; i += 1) {
    const [x, y] = [level[a * 32 + i], level[b * 32 + i]];
    if (x !== y) return x > y;
  }
  return false;
}

/** Every level of the tree over `hashes` (32-byte content hashes), leaves first, root last. */
export function treeLevels(hashes) {
  let level = new Uint8Array(hashes.length * 32);
  const leafInput = new Uint8Array(33); // 0x00 ‖ hash
  hashes.forEach((hash, i) => {
    leafInput.set(hash, 1);
    level.set(blake2AsU8a(leafInput), i * 32);
  });
  const levels = [level];
  const pair = new Uint8Array(65); // 0x01 ‖ low ‖ high
  pair[0] = 1;
  while (level.length > 32) {
    const count = level.length / 32;
    const up = new Uint8Array(Math.ceil(count / 2) * 32);
    for (let i = 0; i < count; i += 2) {
      if (i + 1 < count) {
        const [low, high] = after(level, i, i + 1) ? [i + 1, i] : [i, i + 1];
        for (let j = 0; j < 32; j += 1) {
          pair[1 + j] = level[low * 32 + j];
          pair[33 + j] = level[high * 32 + j];
        }
        up.set(blake2AsU8a(pair), (i / 2) * 32);
      } else {
        up.set(level.subarray(i * 32, i * 32 + 32), (i / 2) * 32);
      }
    }
    levels.push(up);
    level = up;
  }
  return levels;
}

/** The root of `levels`, as hex. */
export const treeRoot = (levels) => u8aToHex(levels[levels.length - 1]);

/** The proof of leaf `index` as bytes: the sibling hashes from the leaf up, concatenated. */
export function treeProofBytes(levels, index) {
  const siblings = [];
  for (const level of levels.slice(0, -1)) {
    const sibling = index ^ 1;
    if (sibling < level.length / 32) siblings.push(sibling * 32, level);
    index >>= 1;
  }
  const proof = new Uint8Array((siblings.length / 2) * 32);
  for (let i = 0; i < siblings.length; i += 2) {
    const [offset, level] = [siblings[i], siblings[i + 1]];
    proof.set(level.subarray(offset, offset + 32), (i / 2) * 32);
  }
  return proof;
}

/** The proof of leaf `index`, as the runtime API takes it: sibling hashes from the leaf up, hex. */
export function treeProof(levels, index) {
  const bytes = treeProofBytes(levels, index);
  return Array.from({ length: bytes.length / 32 }, (_, i) => u8aToHex(bytes.subarray(i * 32, i * 32 + 32)));
}
