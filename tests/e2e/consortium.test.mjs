// Consortium test: four organizations' nodes on the `local` chain, on loopback, peering only with
// each other (reserved-only, stable node keys from scripts/consortium; the chain holds their peer
// ids as its well-known nodes). node1 and node2 mine; all four vote in GRANDPA (the development
// keys of --alice, --bob, --charlie and --dave, which the local chain admits). Then an outsider
// with hash power tries to write, and the council (the admins of the four organizations; the
// local chain has no sudo key) admits a fifth organization's miner, voter and node by motions with
// at least two thirds of its members' ayes: the four take the new node as a peer from the chain,
// without a restart.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { base58Decode, encodeAddress } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import { NODE_BINARY, START_TIMEOUT_MS, freePorts, rpc, startNode, waitFor } from './lib/node.mjs';
import { find, send } from './lib/chain.mjs';
import { close, councilMotion, propose, vote } from './lib/council.mjs';

const KEYS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scripts', 'consortium');
const CONSORTIUM = [1, 2, 3, 4];
const DEV_KEY = { 1: 'alice', 2: 'bob', 3: 'charlie', 4: 'dave', 5: 'ferdie', outsider: 'eve' };
const MINERS = new Set([1, 2]);
const WAIT_MS = 240_000;
/** Each test waits for the network several times: it may take a few waits' time. */
const LONG = { timeout: 3 * WAIT_MS };

const sr25519 = new Keyring({ type: 'sr25519' });
const ed25519 = new Keyring({ type: 'ed25519' });
const cap = (name) => name[0].toUpperCase() + name.slice(1);
/** The mining key (sr25519) and finality key (ed25519) `--<name>` puts in a node's keystore. */
const miningKey = (name) => u8aToHex(sr25519.addFromUri(`//${cap(name)}`).publicKey);
const finalityKey = (name) => ed25519.addFromUri(`//${cap(name)}`).publicKey;
/** How the node's RPC writes a finality key (Medchain's SS58 format). */
const voterAddress = (name) => encodeAddress(finalityKey(name), 4747);

const best = async (node) => parseInt((await rpc(node.rpcPort, 'chain_getHeader')).number, 16);
const finalized = async (node) => {
  const hash = await rpc(node.rpcPort, 'chain_getFinalizedHead');
  return parseInt((await rpc(node.rpcPort, 'chain_getHeader', [hash])).number, 16);
};
const hashAt = async (node, n) => rpc(node.rpcPort, 'chain_getBlockHash', [n]);
const peers = async (node) => (await rpc(node.rpcPort, 'system_health')).peers;
const roundState = async (node) => rpc(node.rpcPort, 'grandpa_roundState');

/** The mining key in a header's `pow_` pre-runtime digest (hex), or undefined. */
function authorKey(header) {
  // A pre-runtime digest item: 0x06, the engine id 'pow_', the compact length 32 (0x80), the key.
  const prefix = '0x06706f775f80';
  const log = header.digest.logs.find((l) => l.startsWith(prefix));
  return log && `0x${log.slice(prefix.length)}`;
}

/** The mining keys of blocks 1..=`upTo` of `node`'s best chain. */
async function authorsOf(node, upTo) {
  const keys = [];
  for (let n = 1; n <= upTo; n++) {
    keys.push(authorKey(await rpc(node.rpcPort, 'chain_getHeader', [await hashAt(node, n)])));
  }
  return keys;
}

/** `medchain_pow_blocks_refused_total{reason}` on `node`'s Prometheus endpoint. */
async function refused(node, reason) {
  const text = await (await fetch(`http://127.0.0.1:${node.prometheusPort}/metrics`)).text();
  const line = text.split('\n').find((l) =>
    l.startsWith('medchain_pow_blocks_refused_total{') && l.includes(`reason="${reason}"`));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('a consortium of four organizations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'medchain-consortium-'));
  const nodes = {};
  const ports = {};
  const peerIds = {};
  let api;

  const addr = (i) => `/ip4/127.0.0.1/tcp/${ports[i].p2p}/p2p/${peerIds[i]}`;
  /** Node i's peer id as the chain holds it (pallet-node-authorization): libp2p's bytes, in hex. */
  const peerIdHex = (i) => u8aToHex(base58Decode(peerIds[i]));
  /** Node i's command line: the local chain, its node key, data and consortium keys, only the
   * consortium (`peersOf`) as peers; miners mine with one thread. */
  const args = (i, peersOf = CONSORTIUM) => [
    '--chain', 'local', '--allow-development-keys', `--${DEV_KEY[i]}`,
    '--base-path', join(dir, `node${i}`),
    '--node-key-file', join(dir, `node${i}.key`), '--reserved-only',
    ...peersOf.filter((j) => j !== i).flatMap((j) => ['--reserved-nodes', addr(j)]),
    ...(MINERS.has(i) ? ['--mine'] : []),
  ];

  /** Fail with the last log lines of every node. */
  const explain = (e) => {
    const logs = Object.entries(nodes).map(([i, n]) => `--- node${i} ---\n${n.logs(15)}`);
    return new Error(`${e.message}\n${logs.join('\n')}`);
  };
  const waitAll = (what, check, ms = WAIT_MS) =>
    waitFor(what, check, ms).catch((e) => { throw explain(e); });

  /** A node key file and its peer id: the consortium's stable ones, or a fresh one. */
  const nodeKey = (i) => {
    const file = join(dir, `node${i}.key`);
    const stable = join(KEYS, `node${i}.key`);
    writeFileSync(file, CONSORTIUM.includes(i)
      ? readFileSync(stable) : randomBytes(32).toString('hex'));
    peerIds[i] = execFileSync(NODE_BINARY, ['key', 'inspect-node-key', '--file', file])
      .toString().trim();
  };

  before(async () => {
    for (const i of [...CONSORTIUM, 5, 'outsider']) {
      ports[i] = await freePorts();
      nodeKey(i);
    }
    for (const i of CONSORTIUM) nodes[i] = await startNode(args(i), ports[i]);
    api = await ApiPromise.create({ provider: new WsProvider(nodes[1].wsUrl), noInitWarn: true });
  }, { timeout: CONSORTIUM.length * START_TIMEOUT_MS });

  after(async () => {
    await api?.disconnect();
    for (const node of Object.values(nodes)) await node.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('peers: every node sees the other three', LONG, async () => {
    await waitAll('3 peers on every node', async () =>
      (await Promise.all(CONSORTIUM.map((i) => peers(nodes[i])))).every((c) => c >= 3));
  });

  it('is governed by its council: no sudo key; the admins of the four organizations hold the seats', LONG, async () => {
    assert.ok((await api.query.sudo.key()).isNone, 'no sudo key');
    const seats = ['Alice', 'Charlie', 'Eve', 'Ferdie'].map((n) => u8aToHex(sr25519.addFromUri(`//${n}`).publicKey));
    assert.deepEqual((await api.query.council.members()).map((m) => m.toHex()), seats.sort());
    // The chain holds the four nodes as its well-known nodes, each owned by the admin of the
    // organization whose keys it runs: node1 (--alice) organization 0's, Charlie; node2 Eve;
    // node3 Ferdie; node4 Alice.
    const wellKnown = [...await api.query.nodeAuthorization.wellKnownNodes()].map((p) => p.toHex());
    assert.deepEqual(wellKnown.sort(), CONSORTIUM.map(peerIdHex).sort());
    const owners = await Promise.all(CONSORTIUM.map(async (i) =>
      (await api.query.nodeAuthorization.owners(peerIdHex(i))).unwrap().toHex()));
    assert.deepEqual(owners, ['Charlie', 'Eve', 'Ferdie', 'Alice']
      .map((n) => u8aToHex(sr25519.addFromUri(`//${n}`).publicKey)));
    // Alice, sudo on the dev chain, is no sudo here.
    await assert.rejects(send(api, api.tx.sudo.sudo(api.tx.patients.suspendOrganization(0)),
      sr25519.addFromUri('//Alice')), /^Error: sudo\.RequireSudo$/);
    assert.ok((await api.query.patients.organizations(0)).unwrap().status.isActive);
  });

  it('mines, and all four voters finalize the same blocks', LONG, async () => {
    await waitAll('block 5 finalized on every node', async () =>
      (await Promise.all(CONSORTIUM.map((i) => finalized(nodes[i])))).every((f) => f >= 5));
    const height = Math.min(...await Promise.all(CONSORTIUM.map((i) => finalized(nodes[i]))));
    const hashes = await Promise.all(CONSORTIUM.map((i) => hashAt(nodes[i], height)));
    assert.ok(hashes.every((h) => h === hashes[0]), `finalized block ${height}: ${hashes}`);
    const state = await roundState(nodes[1]);
    assert.equal(state.setId, 0);
    assert.equal(state.best.totalWeight, 4, 'four voters');
    // Every block so far was sealed by an admitted miner's key.
    const admitted = new Set([miningKey('alice'), miningKey('bob')]);
    for (const key of await authorsOf(nodes[1], height)) assert.ok(admitted.has(key), key);
  });

  it('finalizes with a voter (and miner) down; the voter restarts from its database, catches up and votes again', LONG, async () => {
    const kept = await finalized(nodes[2]);
    const keptHash = await hashAt(nodes[2], kept);
    assert.equal((await nodes[2].stop()).code, 0, 'node2 stopped cleanly');
    delete nodes[2];

    const from = await finalized(nodes[1]);
    await waitAll('3 more finalized blocks with three of four voters', async () =>
      (await finalized(nodes[3])) >= from + 3);
    // Positive control for the check below: the stopped voter is missing from the votes.
    const down = await roundState(nodes[1]);
    assert.ok(down.best.prevotes.missing.includes(voterAddress('bob')), JSON.stringify(down.best));

    const startedAt = Date.now();
    nodes[2] = await startNode(args(2), ports[2]);
    assert.equal(await hashAt(nodes[2], kept), keptHash, 'node2 kept its finalized blocks');
    await waitAll('node2 to peer again', async () => (await peers(nodes[2])) >= 3);
    // The positive control of the outsider test below: a known node peers well within the
    // 15 s in which the outsider gets no peer.
    const peeredMs = Date.now() - startedAt;
    assert.ok(peeredMs < 15_000, `node2 (known) peered ${peeredMs} ms after its start`);
    const target = await finalized(nodes[1]);
    await waitAll('node2 to catch up with finality', async () => (await finalized(nodes[2])) >= target);
    await waitAll('node2 to vote again', async () => {
      const state = await roundState(nodes[1]);
      return !state.best.prevotes.missing.includes(voterAddress('bob'));
    });
  });

  it('includes and finalizes a transaction submitted to a node that does not mine', LONG, async () => {
    const client = await ApiPromise.create({ provider: new WsProvider(nodes[3].wsUrl), noInitWarn: true });
    try {
      const dave = sr25519.addFromUri('//Dave');
      const ferdie = sr25519.addFromUri('//Ferdie');
      const amount = 777_000_000_000n;
      const before = (await client.query.system.account(ferdie.address)).data.free.toBigInt();
      const blockHash = await new Promise((resolve, reject) => {
        client.tx.balances.transferKeepAlive(ferdie.address, amount)
          .signAndSend(dave, ({ status, dispatchError }) => {
            if (dispatchError) reject(new Error(dispatchError.toString()));
            if (status.isFinalized) resolve(status.asFinalized);
            if (status.isInvalid || status.isDropped || status.isUsurped) reject(new Error(status.type));
          })
          .catch(reject);
      });
      const after = await (await client.at(blockHash)).query.system.account(ferdie.address);
      assert.equal(after.data.free.toBigInt() - before, amount);
    } finally {
      await client.disconnect();
    }
  });

  it('an outsider with more hash power is refused: first as a peer, then each of its blocks', LONG, async () => {
    // The outsider holds a key the chain never admitted (Eve's), mines with two threads (the
    // consortium mines with one per miner) and, unlike the consortium's nodes, accepts its own
    // blocks (--unsafe-ignore-miner-admission). It keeps dialling node1 (its boot node and
    // reserved node), and runs no offchain worker (the chain names no peers for it anyway).
    const outsider = (extra) => startNode(['--chain', 'local', '--allow-development-keys',
      '--eve', '--base-path', join(dir, 'outsider'),
      '--node-key-file', join(dir, 'nodeoutsider.key'), '--bootnodes', addr(1),
      '--reserved-nodes', addr(1), '--offchain-worker', 'never', ...extra],
    ports.outsider);

    // It dials node1 for 15 s and is refused: node1 peers only with the consortium. (The
    // positive control: node2, a known node, peered again after its restart.)
    nodes.outsider = await outsider([]);
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    assert.equal(await peers(nodes.outsider), 0, 'the outsider has no peers');
    assert.equal(await peers(nodes[1]), 3, 'node1 still has only the consortium as peers');

    // For the test, node1's owner (Charlie, admin of organization 0) lets it connect to node1,
    // on chain: node1's offchain worker makes it a reserved peer at the next block. The outsider
    // syncs the chain, then mines on it and offers node1 its blocks.
    const charlie = sr25519.addFromUri('//Charlie');
    const connection = [peerIdHex(1), [peerIdHex('outsider')]];
    find(await send(api, api.tx.nodeAuthorization.addConnections(...connection), charlie),
      'nodeAuthorization', 'ConnectionsAdded');
    try {
      await waitAll('the outsider to peer and sync', async () =>
        (await peers(nodes.outsider)) >= 1 &&
        (await finalized(nodes.outsider)) >= (await finalized(nodes[1])) - 1);
      await nodes.outsider.stop();
      nodes.outsider = await outsider(['--mine', '--mining-threads', '2',
        '--unsafe-ignore-miner-admission']);
      await waitAll('the outsider to mine blocks of its own', async () =>
        authorKey(await rpc(nodes.outsider.rpcPort, 'chain_getHeader')) === miningKey('eve'));
      await waitAll('node1 to refuse blocks of the unadmitted key', async () =>
        (await refused(nodes[1], 'not_admitted')) > 0);
      assert.match(nodes[1].logs(400), /Refused block with pre-hash .*: not_admitted/);
    } finally {
      await nodes.outsider.stop();
      delete nodes.outsider;
      await send(api, api.tx.nodeAuthorization.removeConnections(...connection), charlie);
    }
    assert.equal((await api.query.nodeAuthorization.additionalConnections(peerIdHex(1))).size, 0);
    // Neither the consortium's best chain nor its finalized chain holds an outsider block.
    const eve = miningKey('eve');
    for (const i of CONSORTIUM) {
      const keys = await authorsOf(nodes[i], await best(nodes[i]));
      assert.ok(!keys.includes(eve), `node${i}'s chain has no block of the outsider`);
    }
  });

  it('council motions admit a fifth organization: its blocks are accepted and its voter joins finality', LONG, async () => {
    const [alice, charlie, eve, ferdie] = ['Alice', 'Charlie', 'Eve', 'Ferdie']
      .map((n) => sr25519.addFromUri(`//${n}`));
    const admin = sr25519.addFromUri('//Hospital5');
    const org = (await api.query.patients.nextOrgId()).toNumber();
    const admit = api.tx.patients.admitOrganization(admin.address, 'Provider');
    // Two ayes of four are fewer than two thirds: a motion asking for two is refused at
    // submission, and one asking for three with two ayes and two nays is disapproved.
    await assert.rejects(propose(api, admit, alice, 2), /1010.*Custom error: 4/);
    const motion = await propose(api, admit, alice, 3);
    for (const [voter, aye] of [[alice, true], [charlie, true], [eve, false], [ferdie, false]]) {
      await vote(api, motion, voter, aye);
    }
    const closed = await close(api, motion, alice);
    assert.ok(closed.some((e) => e.section === 'council' && e.method === 'Disapproved'),
      closed.map((e) => `${e.section}.${e.method}`).join());
    assert.ok((await api.query.patients.organizationOf(admin.address)).isNone);
    // Three of four pass.
    const admitted = find(await councilMotion(api, admit, alice, [alice, charlie, eve]),
      'patients', 'OrganizationAdmitted');
    assert.equal(admitted.data.org.toNumber(), org);
    // Its admin takes a fifth seat: from now on four ayes of five are needed (3 of 5 < 2/3).
    const seats = (await api.query.council.members()).map((m) => m.toHex());
    assert.equal(seats.length, 5);
    assert.ok(seats.includes(u8aToHex(admin.publicKey)));
    const council = [alice, charlie, eve, ferdie];
    find(await councilMotion(api, api.tx.consortium.addMiner(miningKey('ferdie'), org, admin.address),
      alice, council), 'consortium', 'MinerAdded');
    const events = await councilMotion(api, api.tx.consortium.addVoter(u8aToHex(finalityKey('ferdie')), org),
      alice, council);
    find(events, 'consortium', 'VoterAdded');
    find(events, 'consortium', 'VoterSetChangeScheduled');
    const scheduledAt = (await api.rpc.chain.getHeader(events.blockHash)).number.toNumber();
    const delay = api.consts.consortium.voterChangeDelay.toNumber();

    // Its node starts, with the four as its reserved nodes, and dials them: an unknown node,
    // they refuse it.
    const identity = async (i) =>
      ({ pid: nodes[i].pid, peerId: await rpc(nodes[i].rpcPort, 'system_localPeerId') });
    const identities = await Promise.all(CONSORTIUM.map(identity));
    MINERS.add(5);
    nodes[5] = await startNode(args(5, [...CONSORTIUM, 5]), ports[5]);
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    assert.equal(await peers(nodes[5]), 0, 'node5 has no peers before the council adds it');
    assert.deepEqual(await Promise.all(CONSORTIUM.map((i) => peers(nodes[i]))), [3, 3, 3, 3]);

    // The council adds it as a well-known node, owned by its organization's admin: the four's
    // offchain workers make it a reserved peer at the next block, and it peers with all four.
    const addNode = api.tx.nodeAuthorization.addWellKnownNode(peerIdHex(5), admin.address);
    find(await councilMotion(api, addNode, alice, council), 'nodeAuthorization', 'NodeAdded');
    assert.equal((await api.query.nodeAuthorization.owners(peerIdHex(5))).unwrap().toHex(),
      u8aToHex(admin.publicKey));
    await waitAll('node5 to peer with the four, and each of them with four', async () =>
      (await peers(nodes[5])) >= 4 &&
      (await Promise.all(CONSORTIUM.map((i) => peers(nodes[i])))).every((c) => c >= 4));
    // Without a restart: the same processes, with the same identities.
    assert.deepEqual(await Promise.all(CONSORTIUM.map(identity)), identities);

    await waitAll('a block of the fifth organization in node1\'s best chain', async () => {
      const keys = await authorsOf(nodes[1], await best(nodes[1]));
      return keys.includes(miningKey('ferdie'));
    });
    await waitAll('the five-voter set to be enacted and finalizing', async () => {
      const state = await roundState(nodes[1]);
      return state.setId === 1 && state.best.totalWeight === 5 &&
        (await finalized(nodes[1])) > scheduledAt + delay;
    });
    await waitAll('node5 to finalize with the others', async () =>
      (await finalized(nodes[5])) > scheduledAt + delay);
    // The runtime counts the set as the nodes do (warp sync and light clients read it).
    const at = await api.at(await api.rpc.chain.getFinalizedHead());
    assert.equal((await at.query.grandpa.currentSetId()).toNumber(), 1);
    find(await (await api.at(await hashAt(nodes[1], scheduledAt + delay))).query.system.events()
      .then((records) => records.map(({ event }) => event)), 'grandpa', 'NewAuthorities');
  });
});
