// Chain spec test: `medchain-node new-consortium` turns a founding file of freshly generated keys
// into a raw spec of a live chain with no development key in its genesis state; a node started on
// it with the founder's keys mines and finalizes. A chain whose genesis gives development keys a
// role (the `local` chain) does not start without --allow-development-keys.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { base58Decode, cryptoWaitReady } from '@polkadot/util-crypto';
import { NODE_BINARY, freePorts, rpc, runNode, slow, startNode, waitFor } from './lib/node.mjs';

const BLOCKS_WITHIN_MS = 180_000;
/** The raw storage key of the runtime's code, `:code`. */
const CODE_KEY = '0x3a636f6465';
const DEV_SEEDS = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie']
  .flatMap((name) => [`//${name}`, `//${name}//stash`]);

/** `[name, public key in hex without 0x]` of every development key, sr25519 and ed25519. */
function developmentKeys() {
  return ['sr25519', 'ed25519'].flatMap((type) => {
    const keyring = new Keyring({ type });
    return DEV_SEEDS.map((seed) =>
      [`${seed} (${type})`, u8aToHex(keyring.addFromUri(seed).publicKey).slice(2)]);
  });
}

/** A fresh key from `medchain-node key generate`: `{ secretPhrase, publicKey, ss58Address… }`. */
const generateKey = (scheme) => JSON.parse(execFileSync(NODE_BINARY,
  ['key', 'generate', '--scheme', scheme, '--output-type', 'json']).toString());

/** Run `new-consortium` on `founding` (written to `dir`); resolves the spec's path and the run. */
async function newConsortium(dir, founding) {
  const foundingPath = join(dir, 'founding.json');
  const specPath = join(dir, 'spec.json');
  writeFileSync(foundingPath, JSON.stringify(founding, null, 2));
  const run = await runNode(['new-consortium', '--founding', foundingPath, '--output', specPath]);
  return { specPath, run };
}

/** The number of the block `hash` (best if absent) on `node`. */
const numberOf = async (node, hash) =>
  parseInt((await rpc(node.rpcPort, 'chain_getHeader', hash ? [hash] : [])).number, 16);

describe('medchain-node new-consortium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'medchain-founding-'));
  let node;
  let api;

  before(async () => {
    await cryptoWaitReady();
  });

  after(async () => {
    await api?.disconnect();
    const stopped = await node?.stop();
    rmSync(dir, { recursive: true, force: true });
    if (stopped) {
      assert.equal(stopped.code, 0,
        `node exited with code ${stopped.code} signal ${stopped.signal}\n${node.logs()}`);
    }
  });

  it('writes a raw live spec without development keys; a node on it mines and finalizes', slow, async () => {
    // Each founding institution generates its keys; the provider also runs a node.
    const admin = generateKey('sr25519');
    const miner = generateKey('sr25519');
    const voter = generateKey('ed25519');
    const payer = generateKey('sr25519');
    const nodeKey = join(dir, 'node.key');
    execFileSync(NODE_BINARY, ['key', 'generate-node-key', '--file', nodeKey], { stdio: 'ignore' });
    const peerId = execFileSync(NODE_BINARY, ['key', 'inspect-node-key', '--file', nodeKey])
      .toString().trim();
    const ports = await freePorts();
    const bootNode = `/ip4/127.0.0.1/tcp/${ports.p2p}/p2p/${peerId}`;
    const founding = {
      name: 'E2E Health Consortium',
      id: 'e2e_health',
      initialDifficulty: 1_000_000,
      organizations: [
        {
          kind: 'provider', admin: admin.ss58Address, endowment: 1000,
          miningKey: miner.ss58PublicKey, finalityKey: voter.ss58PublicKey, bootNode,
        },
        { kind: 'payer', admin: payer.ss58Address, endowment: 10 },
      ],
    };
    const { specPath, run } = await newConsortium(dir, founding);
    assert.equal(run.code, 0, run.stderr);

    const spec = JSON.parse(readFileSync(specPath, 'utf8'));
    assert.equal(spec.chainType, 'Live');
    assert.equal(spec.id, 'e2e_health');
    assert.equal(spec.protocolId, 'e2e-health');
    assert.deepEqual(spec.bootNodes, [bootNode]);
    const top = spec.genesis.raw?.top;
    assert.ok(top && Object.keys(top).length > 0, `a raw genesis: ${Object.keys(spec.genesis)}`);
    // The genesis state as hex text, but the runtime's code (it embeds the development keys'
    // public keys for its own development presets).
    const state = Object.entries(top).filter(([key]) => key !== CODE_KEY)
      .map(([key, value]) => `${key} ${value}`).join('\n').toLowerCase();
    for (const [name, hex] of developmentKeys()) {
      assert.ok(!state.includes(hex), `the development key ${name} is in the genesis state`);
    }
    // The founders' keys are.
    for (const key of [admin.publicKey, miner.publicKey, voter.publicKey, payer.publicKey]) {
      assert.ok(state.includes(key.slice(2).toLowerCase()), `${key} is in the genesis state`);
    }

    // The provider inserts its keys and starts its node, which mines and votes alone.
    const base = join(dir, 'node');
    for (const [type, scheme, key] of [['mine', 'sr25519', miner], ['gran', 'ed25519', voter]]) {
      execFileSync(NODE_BINARY, ['key', 'insert', '--chain', specPath, '--base-path', base,
        '--key-type', type, '--scheme', scheme, '--suri', key.secretPhrase]);
    }
    node = await startNode(['--chain', specPath, '--base-path', base, '--node-key-file', nodeKey,
      '--validator', '--mine'], ports);
    const explain = (e) => new Error(`${e.message}\n--- last node log lines ---\n${node.logs()}`);
    await waitFor('a finalized block', async () =>
      (await numberOf(node, await rpc(node.rpcPort, 'chain_getFinalizedHead'))) >= 1,
    BLOCKS_WITHIN_MS).catch((e) => { throw explain(e); });

    // Block 1 is sealed by the founder's mining key (the `pow_` pre-runtime digest).
    const header = await rpc(node.rpcPort, 'chain_getHeader',
      [await rpc(node.rpcPort, 'chain_getBlockHash', [1])]);
    const preRuntime = '0x06706f775f80';
    assert.ok(header.digest.logs.includes(`${preRuntime}${miner.publicKey.slice(2)}`),
      `block 1 names the founder's mining key: ${header.digest.logs}`);

    // On chain: the two founding organizations in file order, the miner, and no sudo key.
    api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
    assert.ok((await api.query.sudo.key()).isNone, 'no sudo key');
    const provider = (await api.query.patients.organizations(0)).unwrap();
    assert.equal(provider.admin.toHex(), admin.accountId);
    assert.equal(provider.kind.toString(), 'Provider');
    const insurer = (await api.query.patients.organizations(1)).unwrap();
    assert.equal(insurer.admin.toHex(), payer.accountId);
    assert.equal(insurer.kind.toString(), 'Payer');
    const admitted = (await api.query.consortium.miners(miner.publicKey)).unwrap();
    assert.equal(admitted.org.toNumber(), 0);
    assert.equal(admitted.payout.toHex(), admin.accountId, 'the payout defaults to the admin');
    // The provider's boot node is the one well-known node, owned by its admin.
    const node0 = u8aToHex(base58Decode(peerId));
    const wellKnown = [...await api.query.nodeAuthorization.wellKnownNodes()].map((p) => p.toHex());
    assert.deepEqual(wellKnown, [node0]);
    assert.equal((await api.query.nodeAuthorization.owners(node0)).unwrap().toHex(), admin.accountId);
  });

  it('refuses a founding file with a development key, naming the organization and field', slow, async () => {
    const alice = new Keyring({ type: 'sr25519', ss58Format: 4747 }).addFromUri('//Alice');
    const founding = {
      name: 'Bad', id: 'bad', initialDifficulty: 1_000_000,
      organizations: [{
        kind: 'provider', admin: generateKey('sr25519').ss58Address, endowment: 1000,
        miningKey: alice.address, finalityKey: generateKey('ed25519').ss58PublicKey,
      }],
    };
    const refusedDir = mkdtempSync(join(dir, 'refused-'));
    const { run } = await newConsortium(refusedDir, founding);
    assert.notEqual(run.code, 0, 'new-consortium fails');
    assert.match(run.stderr, /organization 0: `miningKey`: the development key \/\/Alice/);
  });
});

describe('a chain whose genesis gives development keys a role', () => {
  it('does not start without --allow-development-keys, and says why', slow, async () => {
    const refused = await runNode(['--chain', 'local', '--tmp', '--no-telemetry', '--no-mdns']);
    assert.ok(!refused.timedOut, `the node did not refuse to start:\n${refused.stderr}`);
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr,
      /this chain's genesis makes the development key \/\/\w+ an? [a-z ]+ \(and \d+ more roles/);
    assert.match(refused.stderr,
      /Use a chain spec from `medchain-node new-consortium`, or pass --allow-development-keys/);
  });

  it('starts with --allow-development-keys', slow, async () => {
    const node = await startNode(['--chain', 'local', '--tmp', '--allow-development-keys']);
    assert.equal(await rpc(node.rpcPort, 'system_chain'), 'Medchain Local Testnet');
    // Running, not only started: its informant reports (every 5 s) once every service is up.
    await waitFor('the node to report its state', () => node.logs(400).includes('💤 Idle'), 30_000);
    // Its exit status is not asserted here: a node stopped with SIGINT sometimes aborts in its
    // shutdown (`txpool-background` fails, then `pthread lock: Invalid argument`), a known bug
    // of the node's shutdown, not of the development-key check this test is about.
    await node.stop();
  });
});
