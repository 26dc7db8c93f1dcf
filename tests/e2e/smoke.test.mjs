// Node smoke test: a fresh dev node mines blocks sealed and signed by Alice's mining key,
// finalizes them with Alice's finality key, accepts a signed transfer over RPC (its fee is
// burned, not paid to the payout account of Alice's miner: governance.test.mjs checks the burn
// and the tip that does go there), and stops cleanly.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE_BINARY, startNode, rpc, waitFor, slow, START_TIMEOUT_MS } from './lib/node.mjs';
import { send, find } from './lib/chain.mjs';

const BLOCKS_WITHIN_MS = 180_000;
const keyring = new Keyring({ type: 'sr25519' });
const ALICE_MINING_KEY = u8aToHex(keyring.addFromUri('//Alice').publicKey);
const CHARLIE = keyring.addFromUri('//Charlie').address;

describe('medchain-node --dev', () => {
  let node;
  let api;

  before(async () => {
    node = await startNode(['--dev', '--tmp']);
    api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
  }, { timeout: START_TIMEOUT_MS });

  after(async () => {
    await api?.disconnect();
    if (node) {
      const { code, signal } = await node.stop();
      assert.equal(code, 0, `node exited with code ${code} signal ${signal}\n${node.logs()}`);
    }
  });

  it('mines at least 3 blocks, each sealed by PoW and signed by the admitted miner', slow, async () => {
    await waitFor('3 mined blocks', async () => {
      const header = await rpc(node.rpcPort, 'chain_getHeader');
      return parseInt(header.number, 16) >= 3;
    }, BLOCKS_WITHIN_MS).catch((e) => {
      throw new Error(`${e.message}\n--- last node log lines ---\n${node.logs()}`);
    });

    for (let n = 1; n <= 3; n++) {
      const hash = await api.rpc.chain.getBlockHash(n);
      const header = await api.rpc.chain.getHeader(hash);
      const seal = header.digest.logs.find((log) => log.isSeal);
      assert.ok(seal, `block ${n} has a seal digest`);
      assert.equal(seal.asSeal[0].toString(), 'pow_', `block ${n} is sealed by the PoW engine`);
      // The seal is SCALE { nonce: u64, work: H256, signature: sr25519 }: 104 bytes.
      assert.equal(seal.asSeal[1].length, 104, `block ${n} seal is { nonce, work, signature }`);
      const preRuntime = header.digest.logs.find((log) => log.isPreRuntime);
      assert.ok(preRuntime, `block ${n} names its author's mining key`);
      assert.equal(preRuntime.asPreRuntime[1].toHex(), ALICE_MINING_KEY);
    }
    const miner = (await api.query.consortium.miners(ALICE_MINING_KEY)).unwrap();
    assert.equal(miner.payout.toString(), api.createType('AccountId', CHARLIE).toString());
  });

  it('finalizes: the finalized head advances within 30 s, voted by Alice alone', slow, async () => {
    const finalizedNumber = async () => {
      const hash = await rpc(node.rpcPort, 'chain_getFinalizedHead');
      return parseInt((await rpc(node.rpcPort, 'chain_getHeader', [hash])).number, 16);
    };
    const from = await finalizedNumber();
    await waitFor('the finalized head to advance', async () => (await finalizedNumber()) > from, 30_000)
      .catch((e) => { throw new Error(`${e.message}\n${node.logs()}`); });
    const state = await rpc(node.rpcPort, 'grandpa_roundState');
    assert.equal(state.setId, 0);
    assert.equal(state.best.totalWeight, 1, 'one voter');
    // A client that reads at the finalized block (as polkadot-api does by default) sees the
    // chain, not genesis.
    const at = await api.at(await api.rpc.chain.getFinalizedHead());
    assert.ok((await at.query.system.number()).toNumber() > 0, 'System.Number at the finalized head');
    await waitFor('the finalized height gauge above 0', async () => {
      const metrics = await (await fetch(`http://127.0.0.1:${node.prometheusPort}/metrics`)).text();
      const gauge = metrics.match(/substrate_block_height\{status="finalized"[^}]*\} (\d+)/);
      return gauge && Number(gauge[1]) > 0;
    }, 30_000);
  });

  it('reports MED with 12 decimals and its own SS58 format', slow, async () => {
    const properties = await rpc(node.rpcPort, 'system_properties');
    assert.equal(properties.tokenSymbol, 'MED');
    assert.equal(properties.tokenDecimals, 12);
    assert.equal(properties.ss58Format, 4747);
    assert.equal(api.registry.chainSS58, 4747);
  });

  it('includes and finalizes a signed balance transfer; its fee does not go to the miner\'s payout account', slow, async () => {
    const alice = keyring.addFromUri('//Alice');
    const bob = keyring.addFromUri('//Bob');
    const amount = 1_234_567_890_000n;

    const bobBefore = (await api.query.system.account(bob.address)).data.free.toBigInt();
    const charlieBefore = (await api.query.system.account(CHARLIE)).data.free.toBigInt();

    // Wait for finality, as wallets and polkadot-api's signAndSubmit do.
    const events = await send(api, api.tx.balances.transferKeepAlive(bob.address, amount), alice,
      { finalized: true });
    const { blockHash } = events;

    const names = events.map((event) => `${event.section}.${event.method}`);
    assert.ok(names.includes('balances.Transfer'), `events: ${names}`);
    assert.ok(names.includes('system.ExtrinsicSuccess'), `events: ${names}`);
    const feePaid = find(events, 'transactionPayment', 'TransactionFeePaid');
    assert.ok(feePaid.data.actualFee.toBigInt() > 0n, 'the transfer paid a fee');
    assert.equal(feePaid.data.tip.toBigInt(), 0n, 'and no tip');

    const at = await api.at(blockHash);
    const bobAfter = (await at.query.system.account(bob.address)).data.free.toBigInt();
    const charlieAfter = (await at.query.system.account(CHARLIE)).data.free.toBigInt();
    assert.equal(bobAfter - bobBefore, amount, 'Bob received exactly the amount');
    // The fee is burned; only a tip would go to the payout account.
    assert.equal(charlieAfter, charlieBefore, 'the payout account received nothing');
  });

  it('serves Prometheus metrics', slow, async () => {
    const text = await (await fetch(`http://127.0.0.1:${node.prometheusPort}/metrics`)).text();
    assert.match(text, /substrate_block_height\{status="best"/);
  });
});

describe('medchain-node --mine without a mining key', () => {
  it('refuses to start, and says how to insert one', slow, async () => {
    // The local chain puts no development key in the keystore (no --alice…).
    await assert.rejects(
      startNode(['--chain', 'local', '--allow-development-keys', '--tmp', '--mine']),
      /--mine needs a mining key in the keystore: insert one with `medchain-node key insert/);
  });
});

describe('medchain-node revert', () => {
  it('never reverts below the finalized block', slow, async () => {
    const base = mkdtempSync(join(tmpdir(), 'medchain-revert-'));
    try {
      let node = await startNode(['--dev', '--base-path', base]);
      let finalizedHash;
      let finalizedNumber = 0;
      await waitFor('block 4 finalized', async () => {
        finalizedHash = await rpc(node.rpcPort, 'chain_getFinalizedHead');
        const header = await rpc(node.rpcPort, 'chain_getHeader', [finalizedHash]);
        finalizedNumber = parseInt(header.number, 16);
        return finalizedNumber >= 4;
      }, BLOCKS_WITHIN_MS);
      assert.equal((await node.stop()).code, 0);

      // Ask for far more blocks than the chain has: only the unfinalized ones may go.
      execFileSync(NODE_BINARY, ['revert', '--dev', '--base-path', base, '1000'], { stdio: 'ignore' });

      node = await startNode(['--dev', '--base-path', base, '--no-mine']);
      try {
        const best = parseInt((await rpc(node.rpcPort, 'chain_getHeader')).number, 16);
        assert.ok(best >= finalizedNumber, `best #${best} is not below the finalized #${finalizedNumber}`);
        assert.equal(await rpc(node.rpcPort, 'chain_getBlockHash', [finalizedNumber]), finalizedHash);
      } finally {
        await node.stop();
      }
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
