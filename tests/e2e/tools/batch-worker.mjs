// A worker of tools/throughput.mjs: for each batch it is given, hash `leaves` documents of
// `docBytes` bytes, build the tree and every leaf's proof, and post back the root and one proof.
import { parentPort } from 'node:worker_threads';
import { blake2AsU8a, cryptoWaitReady } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import { treeLevels, treeRoot, treeProof, treeProofBytes } from '../lib/merkle.mjs';

await cryptoWaitReady();
parentPort.on('message', ({ batch, leaves, docBytes }) => {
  const doc = new Uint8Array(docBytes);
  doc[0] = batch;
  const hashes = new Array(leaves);
  for (let i = 0; i < leaves; i += 1) {
    doc[1] = i & 255;
    doc[2] = (i >> 8) & 255;
    doc[3] = (i >> 16) & 255;
    hashes[i] = blake2AsU8a(doc);
  }
  const levels = treeLevels(hashes);
  let proofBytes = 0;
  for (let i = 0; i < leaves; i += 1) proofBytes += treeProofBytes(levels, i).length;
  parentPort.postMessage({
    batch,
    root: treeRoot(levels),
    sample: { leaf: u8aToHex(hashes[leaves - 1]), proof: treeProof(levels, leaves - 1) },
    proofBytes,
  });
});
