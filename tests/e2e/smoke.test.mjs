// Node smoke test: a fresh dev node mines blocks with PoW seals, accepts a signed transfer over
// RPC, pays the fee to the block author, and stops cleanly.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { startNode, rpc, waitFor, slow, START_TIMEOUT_MS } from './lib/node.mjs';
import { send, find } from './lib/chain.mjs';

const FERDIE = '5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL';
const BLOCKS_WITHIN_MS = 180_000;

describe('medchain-node --dev', () => {
  let node;
  let api;

  before(async () => {
    // Ferdie mines, so the fees Alice pays must end up with Ferdie.
    node = await startNode(['--dev', '--tmp', '--author', FERDIE]);
    api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
  }, { timeout: START_TIMEOUT_MS });

  after(async () => {
    await api?.disconnect();
    if (node) {
      const { code, signal } = await node.stop();
      assert.equal(code, 0, `node exited with code ${code} signal ${signal}\n${node.logs()}`);
    }
  });

  it('mines at least 3 blocks, each sealed by PoW and naming its author', slow, async () => {
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
      // The seal is SCALE { nonce: u64, work: H256 }: 40 bytes.
      assert.equal(seal.asSeal[1].length, 40, `block ${n} seal is { nonce, work }`);
      const preRuntime = header.digest.logs.find((log) => log.isPreRuntime);
      assert.ok(preRuntime, `block ${n} names its author`);
      const author = api.createType('AccountId', preRuntime.asPreRuntime[1]);
      assert.equal(author.toString(), api.createType('AccountId', FERDIE).toString());
    }
  });

  it('reports MED with 12 decimals and its own SS58 format', slow, async () => {
    const properties = await rpc(node.rpcPort, 'system_properties');
    assert.equal(properties.tokenSymbol, 'MED');
    assert.equal(properties.tokenDecimals, 12);
    assert.equal(properties.ss58Format, 4747);
    assert.equal(api.registry.chainSS58, 4747);
  });

  it('includes a signed balance transfer, and the fee goes to the author', slow, async () => {
    const keyring = new Keyring({ type: 'sr25519' });
    const alice = keyring.addFromUri('//Alice');
    const bob = keyring.addFromUri('//Bob');
    const amount = 1_234_567_890_000n;

    const bobBefore = (await api.query.system.account(bob.address)).data.free.toBigInt();
    const ferdieBefore = (await api.query.system.account(FERDIE)).data.free.toBigInt();

    const events = await send(api, api.tx.balances.transferKeepAlive(bob.address, amount), alice);
    const { blockHash } = events;

    const names = events.map((event) => `${event.section}.${event.method}`);
    assert.ok(names.includes('balances.Transfer'), `events: ${names}`);
    assert.ok(names.includes('system.ExtrinsicSuccess'), `events: ${names}`);
    const feePaid = find(events, 'transactionPayment', 'TransactionFeePaid');
    const fee = feePaid.data.actualFee.toBigInt() + feePaid.data.tip.toBigInt();
    assert.ok(fee > 0n, 'the transfer paid a fee');

    const at = await api.at(blockHash);
    const bobAfter = (await at.query.system.account(bob.address)).data.free.toBigInt();
    const ferdieAfter = (await at.query.system.account(FERDIE)).data.free.toBigInt();
    assert.equal(bobAfter - bobBefore, amount, 'Bob received exactly the amount');
    assert.equal(ferdieAfter - ferdieBefore, fee, 'the author received exactly the fee');
  });

  it('serves Prometheus metrics', slow, async () => {
    const text = await (await fetch(`http://127.0.0.1:${node.prometheusPort}/metrics`)).text();
    assert.match(text, /substrate_block_height\{status="best"/);
  });
});
