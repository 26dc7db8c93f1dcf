// The test helpers themselves, without a node: `send()` settles on every outcome a transaction
// can have (so a dropped one fails its test instead of hanging the suite, and a sudo call whose
// inner call failed is a failure), and `rpc()` exposes the node's error code and message.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { send } from './lib/chain.mjs';
import { rpc, RpcError } from './lib/node.mjs';

// Each test settles in milliseconds; one that waits this long waits forever.
const quick = { timeout: 10_000 };

/** A stand-in for `api`: every module error is `patients.OrganizationNotFound`. */
const api = {
  registry: { findMetaError: () => ({ section: 'patients', name: 'OrganizationNotFound' }) },
};
const moduleError = { isModule: true, asModule: { index: 20, error: [0, 0, 0, 0] } };
const BLOCK = '0x' + '11'.repeat(32);

/** One status update of a transaction, as `signAndSend` reports it. */
const update = (type, events = [], dispatchError = undefined) =>
  ({ status: { type, isInBlock: type === 'InBlock', asInBlock: BLOCK }, events, dispatchError });

/** A stand-in for a submittable extrinsic whose pool reports `updates`, in order. */
function fakeTx(updates) {
  return {
    method: { section: 'balances', method: 'transferKeepAlive' },
    unsubscribed: 0,
    signAndSend(_signer, callback) {
      setImmediate(() => updates.forEach((u) => callback(u)));
      return Promise.resolve(() => { this.unsubscribed += 1; });
    },
  };
}

const sudid = (sudoResult) => ({ event: { section: 'sudo', method: 'Sudid', data: { sudoResult } } });
const ok = { isErr: false };
const failed = { isErr: true, asErr: moduleError };

describe('send()', () => {
  for (const type of ['Invalid', 'Dropped', 'Usurped']) {
    it(`rejects when the pool reports the transaction ${type}`, quick, async () => {
      const tx = fakeTx([update('Ready'), update('Broadcast'), update(type)]);
      await assert.rejects(send(api, tx, null),
        new RegExp(`^Error: balances\\.transferKeepAlive was not put in a block: the pool reports it ${type}$`));
      await new Promise(setImmediate);
      assert.equal(tx.unsubscribed, 1, 'stops listening');
    });
  }

  it('resolves with the events and block of an included transaction', quick, async () => {
    const event = { section: 'balances', method: 'Transfer', data: {} };
    const tx = fakeTx([update('Ready'), update('InBlock', [{ event }, sudid(ok)])]);
    const events = await send(api, tx, null);
    assert.deepEqual([...events], [event, sudid(ok).event]);
    assert.equal(events.blockHash, BLOCK);
    await new Promise(setImmediate);
    assert.equal(tx.unsubscribed, 1, 'stops listening');
  });

  it('rejects a failed call with its error by name', quick, async () => {
    await assert.rejects(send(api, fakeTx([update('InBlock', [], moduleError)]), null),
      /^Error: patients\.OrganizationNotFound$/);
  });

  it('rejects a sudo call whose inner call failed, with the inner error by name', quick, async () => {
    await assert.rejects(send(api, fakeTx([update('InBlock', [sudid(failed)])]), null),
      /^Error: patients\.OrganizationNotFound \(the call inside sudo\.Sudid\)$/);
  });

  it('rejects what the node refuses outright', quick, async () => {
    const refused = new Error('1010: Invalid Transaction: Transaction is outdated');
    const tx = { method: { section: 'system', method: 'remark' }, signAndSend: () => Promise.reject(refused) };
    await assert.rejects(send(api, tx, null), (error) => error === refused);
  });
});

describe('rpc()', () => {
  // A JSON-RPC server that refuses every call as a node refuses a malformed extrinsic.
  const refusal = { code: 1002, message: 'Verification Error: Runtime error', data: 'detail' };
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => { body += chunk; });
    request.on('end', () => {
      const { id, method } = JSON.parse(body);
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(method === 'system_health'
        ? { jsonrpc: '2.0', id, result: { peers: 0 } }
        : { jsonrpc: '2.0', id, error: refusal }));
    });
  });
  const listening = new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it('returns the result of a call', quick, async () => {
    await listening;
    assert.deepEqual(await rpc(server.address().port, 'system_health'), { peers: 0 });
  });

  it('rejects with the node\'s error code and message', quick, async () => {
    await listening;
    await assert.rejects(rpc(server.address().port, 'author_submitExtrinsic', ['0x00']), (error) => {
      assert.ok(error instanceof RpcError);
      assert.equal(error.method, 'author_submitExtrinsic');
      assert.equal(error.code, 1002);
      assert.equal(error.rpcMessage, refusal.message);
      assert.equal(error.data, 'detail');
      return true;
    });
  });
});
