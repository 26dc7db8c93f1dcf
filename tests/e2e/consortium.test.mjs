// Consortium test: three nodes on the `local` chain, on loopback, peering only with each other
// (reserved-only, stable node keys from scripts/consortium). Two mine, one does not.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { NODE_BINARY, freePorts, rpc, startNode, waitFor } from './lib/node.mjs';

const KEYS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scripts', 'consortium');
const AUTHORS = {
  1: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY', // Alice
  2: '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty', // Bob
};
const WAIT_MS = 180_000;

const best = async (node) => parseInt((await rpc(node.rpcPort, 'chain_getHeader')).number, 16);
const hashAt = async (node, n) => rpc(node.rpcPort, 'chain_getBlockHash', [n]);
const peers = async (node) => (await rpc(node.rpcPort, 'system_health')).peers;

describe('a consortium of three nodes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'medchain-consortium-'));
  const nodes = {};
  const ports = {};
  const peerIds = {};
  let api;

  /** Node i's command line: the local chain, its key and data, only the other two as peers. */
  const args = (i) => {
    const reserved = [1, 2, 3].filter((j) => j !== i).flatMap((j) => [
      '--reserved-nodes', `/ip4/127.0.0.1/tcp/${ports[j].p2p}/p2p/${peerIds[j]}`,
    ]);
    const mining = AUTHORS[i] ? ['--mine', '--author', AUTHORS[i]] : [];
    return ['--chain', 'local', '--name', `node${i}`, '--base-path', join(dir, `node${i}`),
      '--node-key-file', join(KEYS, `node${i}.key`), '--reserved-only', ...reserved, ...mining];
  };

  /** Fail with the last log lines of every node. */
  const explain = (e) => {
    const logs = Object.entries(nodes).map(([i, n]) => `--- node${i} ---\n${n.logs(15)}`);
    return new Error(`${e.message}\n${logs.join('\n')}`);
  };
  const waitAll = (what, check) => waitFor(what, check, WAIT_MS).catch((e) => { throw explain(e); });

  before(async () => {
    for (const i of [1, 2, 3]) {
      ports[i] = await freePorts();
      peerIds[i] = execFileSync(NODE_BINARY, ['key', 'inspect-node-key', '--file',
        join(KEYS, `node${i}.key`)]).toString().trim();
    }
    for (const i of [1, 2, 3]) nodes[i] = await startNode(args(i), ports[i]);
  });

  after(async () => {
    await api?.disconnect();
    for (const node of Object.values(nodes)) await node.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('peers: every node sees the other two', async () => {
    await waitAll('2 peers on every node', async () => {
      const counts = await Promise.all([1, 2, 3].map((i) => peers(nodes[i])));
      return counts.every((c) => c >= 2);
    });
  });

  it('mines at least 10 blocks and all three agree on them', async () => {
    await waitAll('10 blocks on every node', async () =>
      (await Promise.all([1, 2, 3].map((i) => best(nodes[i])))).every((b) => b >= 10));
    // The tip may differ for a moment; a block a few below it must be the same everywhere.
    await waitAll('the same block hash at a common height', async () => {
      const height = Math.min(...await Promise.all([1, 2, 3].map((i) => best(nodes[i])))) - 3;
      const hashes = await Promise.all([1, 2, 3].map((i) => hashAt(nodes[i], height)));
      return height >= 7 && hashes.every((h) => h === hashes[0]);
    });
  });

  it('keeps going without a miner, and the miner re-syncs from its own database', async () => {
    // A block node2 holds before it stops, deep enough to be final in practice.
    const kept = (await best(nodes[2])) - 3;
    const keptHash = await hashAt(nodes[2], kept);
    assert.equal((await nodes[2].stop()).code, 0, 'node2 stopped cleanly');
    delete nodes[2];

    const before = await best(nodes[1]);
    await waitAll('3 more blocks with node2 stopped', async () =>
      (await best(nodes[3])) >= before + 3);

    nodes[2] = await startNode(args(2), ports[2]);
    assert.equal(await hashAt(nodes[2], kept), keptHash, 'node2 kept its blocks');
    const target = await best(nodes[1]);
    await waitAll('node2 to catch up', async () => (await best(nodes[2])) >= target);
    await waitAll('node2 to peer again', async () => (await peers(nodes[2])) >= 2);
  });

  it('includes a transaction submitted to the node that does not mine', async () => {
    api = await ApiPromise.create({ provider: new WsProvider(nodes[3].wsUrl), noInitWarn: true });
    const keyring = new Keyring({ type: 'sr25519' });
    const dave = keyring.addFromUri('//Dave');
    const ferdie = keyring.addFromUri('//Ferdie');
    const amount = 777_000_000_000n;
    const beforeBalance = (await api.query.system.account(ferdie.address)).data.free.toBigInt();
    const blockHash = await new Promise((resolve, reject) => {
      api.tx.balances.transferKeepAlive(ferdie.address, amount)
        .signAndSend(dave, ({ status, dispatchError }) => {
          if (dispatchError) reject(new Error(dispatchError.toString()));
          if (status.isInBlock) resolve(status.asInBlock);
        })
        .catch(reject);
    });
    const after = await (await api.at(blockHash)).query.system.account(ferdie.address);
    assert.equal(after.data.free.toBigInt() - beforeBalance, amount);
  });

  it('refuses a node that is not one of the three', async () => {
    const strangerPorts = await freePorts();
    const stranger = await startNode(['--chain', 'local', '--base-path', join(dir, 'stranger'),
      '--bootnodes', `/ip4/127.0.0.1/tcp/${ports[1].p2p}/p2p/${peerIds[1]}`], strangerPorts);
    try {
      // Give it time to dial and be refused.
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      assert.equal(await peers(stranger), 0, 'the stranger has no peers');
      assert.equal(await best(stranger), 0, 'the stranger synced nothing');
      assert.equal(await peers(nodes[1]), 2, 'node1 still has only its two peers');
    } finally {
      await stranger.stop();
    }
  });
});
