// The batch tree of pallets/records/src/merkle.rs, for provider systems: binary, blake2-256,
// sorted pairs, 0x00 leaf and 0x01 inner-node domain tags, an odd last node carried up.
// Levels are kept flat (32 bytes per node) so trees of a million leaves stay small.
import { blake2AsU8a } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';

const LEAF = new Uint8Array([0]);
const INNER = new Uint8Array([1]);

const node = (level, i) => level.subarray(i * 32, i * 32 + 32);

function compare(a, b) {
  for (let i = 0; i < 32; i += 1) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return 0;
}

/** Every level of the tree over `hashes` (32-byte content hashes), leaves first, root last. */
export function treeLevels(hashes) {
  let level = new Uint8Array(hashes.length * 32);
  const input = new Uint8Array(33);
  input.set(LEAF);
  hashes.forEach((hash, i) => {
    input.set(hash, 1);
    level.set(blake2AsU8a(input), i * 32);
  });
  const levels = [level];
  const pair = new Uint8Array(65);
  pair.set(INNER);
  while (level.length > 32) {
    const count = level.length / 32;
    const up = new Uint8Array(Math.ceil(count / 2) * 32);
    for (let i = 0; i < count; i += 2) {
      if (i + 1 < count) {
        const [a, b] = [node(level, i), node(level, i + 1)];
        const [low, high] = compare(a, b) <= 0 ? [a, b] : [b, a];
        pair.set(low, 1);
        pair.set(high, 33);
        up.set(blake2AsU8a(pair), (i / 2) * 32);
      } else {
        up.set(node(level, i), (i / 2) * 32);
      }
    }
    levels.push(up);
    level = up;
  }
  return levels;
}

/** The root of `levels`, as hex. */
export const treeRoot = (levels) => u8aToHex(levels[levels.length - 1]);

/** The proof of leaf `index`: sibling hashes from the leaf up, as hex. */
export function treeProof(levels, index) {
  const proof = [];
  for (const level of levels.slice(0, -1)) {
    const sibling = index ^ 1;
    if (sibling < level.length / 32) proof.push(u8aToHex(node(level, sibling)));
    index >>= 1;
  }
  return proof;
}
