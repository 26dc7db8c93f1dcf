// Crashes under load, and a full disk. Two nodes of a dev chain on loopback, each with its own
// database: `miner` (--dev: mines, and votes in GRANDPA as the chain's one voter) and `second`
// (mines with the same admitted key, does not vote). While a load generator sends records to
// anchor through the miner, the second node is killed with SIGKILL several times as it imports
// blocks, and restarted from its database each time. Afterwards every transaction the clients
// saw finalized is in both nodes' chains, the two agree block by block, and every restart found
// its finalized blocks where it left them, without a repair.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { randomAsHex } from '@polkadot/util-crypto';
import { NODE_BINARY, START_TIMEOUT_MS, freePorts, rpc, startNode, waitFor } from './lib/node.mjs';
import { dev as k, send } from './lib/chain.mjs';

const WAIT_MS = 240_000;
const LONG = { timeout: 4 * WAIT_MS };
/** How many times the second node is killed while it imports. */
const KILLS = 3;

const finalizedNumber = async (node) => {
  const hash = await rpc(node.rpcPort, 'chain_getFinalizedHead');
  return { hash, number: parseInt((await rpc(node.rpcPort, 'chain_getHeader', [hash])).number, 16) };
};
const bestNumber = async (node) => parseInt((await rpc(node.rpcPort, 'chain_getHeader')).number, 16);

/** Lines of a node's log that say its database is damaged or was repaired. */
const DAMAGE = /corrupt|repair|Database error|Backend error|Failed to open database/i;

describe('nodes that are killed under load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'medchain-crash-'));
  const nodeKey = '0000000000000000000000000000000000000000000000000000000000000001';
  let miner;
  let second;
  let secondPorts;
  let secondArgs;
  let api;
  const damage = [];

  async function startSecond() {
    second = await startNode(secondArgs, secondPorts);
    second.onLine((line) => { if (DAMAGE.test(line)) damage.push(line); });
    return second;
  }

  before(async () => {
    miner = await startNode(['--dev', '--base-path', join(dir, 'miner'), '--node-key', nodeKey,
      '--mining-threads', '1']);
    miner.onLine((line) => { if (DAMAGE.test(line)) damage.push(line); });
    const peerId = await rpc(miner.rpcPort, 'system_localPeerId');
    // The second node mines with Alice's (admitted) mining key but has no finality key.
    const base = join(dir, 'second');
    execFileSync(NODE_BINARY, ['key', 'insert', '--chain', 'dev', '--base-path', base,
      '--scheme', 'sr25519', '--suri', '//Alice', '--key-type', 'mine']);
    secondPorts = await freePorts();
    secondArgs = ['--chain', 'dev', '--base-path', base, '--mine', '--mining-threads', '1',
      '--bootnodes', `/ip4/127.0.0.1/tcp/${miner.p2pPort}/p2p/${peerId}`];
    await startSecond();
    api = await ApiPromise.create({ provider: new WsProvider(miner.wsUrl), noInitWarn: true });
  }, { timeout: START_TIMEOUT_MS });

  after(async () => {
    await api?.disconnect();
    await second?.stop();
    await miner?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every finalized transaction through SIGKILLs during import, and no database needs repair', LONG, async () => {
    const bob = (await api.query.patients.patientOf(k('//Bob').address)).unwrap();
    await send(api, api.tx.consent.grantConsent(bob, { Organization: 0 }, 'All', 'Treatment', null, null), k('//Bob'));
    await waitFor('the second node to follow', async () => (await bestNumber(second)) >= (await bestNumber(miner)) - 1, WAIT_MS);

    // The load: Dave and Charlie (provider 0) each anchor a new record about every 400 ms.
    const seen = []; // { tx, block } of every transaction seen finalized
    let sent = 0;
    let refused = 0;
    let stop = false;
    const loaders = ['//Dave', '//Charlie'].map(async (uri) => {
      const signer = k(uri);
      let nonce = (await api.rpc.system.accountNextIndex(signer.address)).toNumber();
      while (!stop) {
        const tx = api.tx.records.anchorRecord(bob, randomAsHex(32), 'HmacSha2_256', 'LabResult', null);
        try {
          await tx.signAndSend(signer, { nonce }, ({ status }) => {
            if (status.isFinalized) seen.push({ tx: tx.hash.toHex(), block: status.asFinalized.toHex() });
          });
          nonce += 1;
          sent += 1;
        } catch {
          refused += 1;
          nonce = (await api.rpc.system.accountNextIndex(signer.address)).toNumber();
        }
        await sleep(400);
      }
    });

    // Each round: wait for the second node to import a block (on the first round a new one; on
    // later ones the first of those mined while it was down, which it catches up on), kill it
    // 0-300 ms later with SIGKILL, leave it down for 15 s (two or three blocks), restart it.
    const restarts = [];
    let imported = new Promise((resolve) => {
      const off = second.onLine((line) => { if (/Imported #/.test(line)) { off(); resolve(true); } });
    });
    for (let kill = 0; kill < KILLS; kill++) {
      assert.ok(await Promise.race([imported, sleep(90_000).then(() => false)]),
        `the second node imports a block before kill ${kill + 1}`);
      await sleep(Math.floor(Math.random() * 300));
      const before = await finalizedNumber(second);
      const killed = await second.kill();
      assert.equal(killed.signal, 'SIGKILL');
      await sleep(15_000);
      await startSecond();
      imported = new Promise((resolve) => {
        const off = second.onLine((line) => { if (/Imported #/.test(line)) { off(); resolve(true); } });
      });
      // Right after the restart, before it syncs anything: the finalized block it had is there.
      const after = await finalizedNumber(second);
      restarts.push({ before: before.number, after: after.number });
      assert.ok(after.number >= before.number, `finalized #${before.number} kept, found #${after.number}`);
      assert.equal(await rpc(second.rpcPort, 'chain_getBlockHash', [before.number]), before.hash);
    }
    stop = true;
    await Promise.all(loaders);

    // Everything seen finalized is final on both nodes, which agree block by block.
    const final = seen.slice();
    const target = Math.max(0, ...await Promise.all(final.map(async ({ block }) =>
      parseInt((await rpc(miner.rpcPort, 'chain_getHeader', [block])).number, 16))));
    for (const node of [miner, second]) {
      await waitFor(`node to finalize #${target}`, async () => (await finalizedNumber(node)).number >= target, WAIT_MS);
    }
    assert.ok(final.length >= 20, `at least 20 transactions seen finalized (${final.length} of ${sent} sent)`);
    for (let n = 1; n <= target; n++) {
      assert.equal(await rpc(second.rpcPort, 'chain_getBlockHash', [n]),
        await rpc(miner.rpcPort, 'chain_getBlockHash', [n]), `both nodes' block #${n}`);
    }
    for (const { tx, block } of final) {
      for (const node of [miner, second]) {
        const { block: { header, extrinsics } } = await rpc(node.rpcPort, 'chain_getBlock', [block]);
        assert.equal(await rpc(node.rpcPort, 'chain_getBlockHash', [parseInt(header.number, 16)]), block);
        const hashes = extrinsics.map((xt) => api.registry.hash(xt).toHex());
        assert.ok(hashes.includes(tx), `${tx} in block ${block}`);
      }
    }
    assert.deepEqual(damage, [], 'no node logged a damaged database');
    console.log(`crash: ${KILLS} SIGKILLs during import, restarts (finalized before/after): ${JSON.stringify(restarts)}; ` +
      `${sent} transactions sent, ${refused} refused at submission, ${final.length} seen finalized, all kept; ` +
      `chains agree up to #${target}`);
  });
});

describe('a node whose disk fills up', () => {
  it('stops with a clear error, and restarts cleanly once space is freed', LONG, async (t) => {
    const mount = mkdtempSync(join(tmpdir(), 'medchain-disk-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256m', 'tmpfs', mount], { stdio: 'ignore' });
    } catch (error) {
      rmSync(mount, { recursive: true, force: true });
      t.skip(`cannot mount a tmpfs here (needs root): ${error.message}`);
      return;
    }
    const ports = await freePorts();
    const base = join(mount, 'node');
    // The node stops once less than 64 MiB are free on its database's disk.
    const args = ['--dev', '--base-path', base, '--db-storage-threshold', '64', '--mining-threads', '1'];
    let node;
    try {
      node = await startNode(args, ports);
      await waitFor('a few blocks', async () => (await bestNumber(node)) >= 3, WAIT_MS);
      const kept = await finalizedNumber(node);
      // Fill the disk to 32 MiB free.
      const free = statfsSync(mount).bavail * statfsSync(mount).bsize;
      writeFileSync(join(mount, 'filler'), Buffer.alloc(Math.max(0, free - 32 * 1024 * 1024)));
      const exit = await Promise.race([node.exited(), sleep(60_000).then(() => null)]);
      assert.ok(exit, `the node stops on a full disk\n${node.logs()}`);
      assert.notEqual(exit.code, 0, `it exits with an error: ${JSON.stringify(exit)}`);
      await sleep(500); // the last lines of its output
      assert.match(node.logs(200), /Available space \d+MiB for path .* dropped below threshold: 64MiB/, 'it says why');
      // Freed: it starts from the same database, with its chain.
      rmSync(join(mount, 'filler'));
      node = await startNode(args, ports);
      assert.equal(await rpc(node.rpcPort, 'chain_getBlockHash', [kept.number]), kept.hash);
      const start = await bestNumber(node);
      await waitFor('a new block after the restart', async () => (await bestNumber(node)) > start, WAIT_MS);
      assert.doesNotMatch(node.logs(400), DAMAGE);
    } finally {
      await node?.stop();
      execFileSync('umount', [mount]);
      rmSync(mount, { recursive: true, force: true });
    }
  });
});
