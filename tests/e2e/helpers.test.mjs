// The test helpers themselves, without a node: `send()` settles on every outcome a transaction
// can have (so a dropped one fails its test instead of hanging the suite, and a sudo call whose
// inner call failed is a failure), `include()` resolves with a failed call's events, a council
// motion fails unless its call was executed and returned Ok, and `rpc()` exposes the node's error
// code and message.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { send, include } from './lib/chain.mjs';
import { councilMotion, motionResult } from './lib/council.mjs';
import { rpc, RpcError } from './lib/node.mjs';
import { recordHash, saltedRecord } from './lib/record-hash.mjs';
import { checkDocument, lineCommitment, onChain, withSalt } from './lib/claim-lines.mjs';

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

describe('include()', () => {
  /** A stand-in for a submittable extrinsic that records the options it was signed with. */
  function fakeIncludedTx(updates) {
    return {
      method: { section: 'system', method: 'remark' },
      options: undefined,
      unsubscribed: 0,
      signAndSend(_signer, options, callback) {
        this.options = options;
        setImmediate(() => updates.forEach((u) => callback(u)));
        return Promise.resolve(() => { this.unsubscribed += 1; });
      },
    };
  }
  const feePaid = { section: 'transactionPayment', method: 'TransactionFeePaid', data: {} };

  it('resolves with the events, block and error of a failed call', quick, async () => {
    const tx = fakeIncludedTx([update('Ready'), update('InBlock', [{ event: feePaid }], moduleError)]);
    const events = await include(api, tx, null);
    assert.deepEqual([...events], [feePaid]);
    assert.equal(events.blockHash, BLOCK);
    assert.equal(events.error, 'patients.OrganizationNotFound');
    assert.deepEqual(tx.options, {}, 'no tip unless asked');
    await new Promise(setImmediate);
    assert.equal(tx.unsubscribed, 1, 'stops listening');
  });

  it('resolves with no error for a successful call, and signs with the tip asked for', quick, async () => {
    const tx = fakeIncludedTx([update('InBlock', [{ event: feePaid }])]);
    const events = await include(api, tx, null, { tip: 5n });
    assert.equal(events.error, undefined);
    assert.deepEqual(tx.options, { tip: 5n });
  });

  it('rejects when the pool reports the transaction Dropped', quick, async () => {
    await assert.rejects(include(api, fakeIncludedTx([update('Dropped')]), null),
      /^Error: system\.remark was not put in a block: the pool reports it Dropped$/);
  });
});

describe('council motions', () => {
  const HASH = '0x' + '22'.repeat(32);
  const event = (section, method, data = {}) => ({ section, method, data });
  const proposed = event('council', 'Proposed',
    { proposalHash: { toHex: () => HASH }, proposalIndex: { toNumber: () => 7 } });
  const executed = (result) => event('council', 'Executed', { result });
  const badOrigin = { isModule: false, type: 'BadOrigin', value: {} };

  /** A stand-in for `api` whose council calls are included with `events[method]` and recorded. */
  function fakeApi(events) {
    const sent = [];
    const tx = (method) => (...args) => ({
      method: { section: 'council', method },
      signAndSend(signer, callback) {
        sent.push({ method, args, signer });
        setImmediate(() => callback(update('InBlock', (events[method] ?? []).map((e) => ({ event: e })))));
        return Promise.resolve(() => {});
      },
    });
    return {
      sent,
      registry: api.registry,
      tx: { council: { propose: tx('propose'), vote: tx('vote'), close: tx('close') } },
    };
  }
  /** A stand-in for the call moved: `patients.suspendOrganization`, 9 bytes, weight (5, 6). */
  const call = {
    method: { section: 'patients', method: 'suspendOrganization', encodedLength: 9 },
    paymentInfo: async () => ({
      weight: { refTime: { toBigInt: () => 5n }, proofSize: { toBigInt: () => 6n } },
    }),
  };

  it('proposes with a threshold of the number of voters, each votes aye, and the proposer closes', quick, async () => {
    const fake = fakeApi({ propose: [proposed], close: [event('council', 'Closed'), executed({ isErr: false })] });
    const events = await councilMotion(fake, call, 'charlie', ['charlie', 'eve']);
    assert.deepEqual(events.map((e) => e.method), ['Closed', 'Executed']);
    assert.equal(events.blockHash, BLOCK);
    assert.deepEqual(fake.sent[0], { method: 'propose', args: [2, call.method, 9], signer: 'charlie' });
    assert.deepEqual(fake.sent.slice(1, 3).map((s) => [s.method, s.args, s.signer]).sort(), [
      ['vote', [HASH, 7, true], 'charlie'],
      ['vote', [HASH, 7, true], 'eve'],
    ]);
    assert.deepEqual(fake.sent[3], {
      method: 'close',
      args: [HASH, 7, { refTime: 5n, proofSize: 6n }, 9],
      signer: 'charlie',
    });
    assert.equal(fake.sent.length, 4);
  });

  it('rejects with the error of the executed call by name', quick, async () => {
    const fake = fakeApi({ propose: [proposed], close: [executed({ isErr: true, asErr: badOrigin })] });
    await assert.rejects(councilMotion(fake, call, 'charlie', ['charlie', 'eve', 'ferdie'], { closer: 'bob' }),
      /^Error: council motion patients\.suspendOrganization: BadOrigin$/);
    assert.equal(fake.sent.at(-1).signer, 'bob', 'the closer closes');
    assert.equal(fake.sent[0].args[0], 3, 'threshold');
  });

  it('rejects a motion that was not executed', quick, async () => {
    const fake = fakeApi({ propose: [proposed], close: [event('council', 'Closed'), event('council', 'Disapproved')] });
    await assert.rejects(councilMotion(fake, call, 'charlie', ['charlie', 'eve']),
      /^Error: council motion patients\.suspendOrganization: not executed \(events: council\.Closed,council\.Disapproved\)$/);
  });

  it('with one voter, the proposal is executed at once: no vote, no close', quick, async () => {
    const fake = fakeApi({ propose: [executed({ isErr: true, asErr: moduleError })] });
    await assert.rejects(councilMotion(fake, call, 'charlie', ['charlie']),
      /^Error: council motion patients\.suspendOrganization: patients\.OrganizationNotFound$/);
    assert.deepEqual(fake.sent.map((s) => [s.method, s.args[0]]), [['propose', 1]]);
  });

  it('motionResult: Ok, the error by name, or undefined without council.Executed', quick, () => {
    assert.equal(motionResult(api, [executed({ isErr: false })]), 'Ok');
    assert.equal(motionResult(api, [executed({ isErr: true, asErr: badOrigin })]), 'BadOrigin');
    assert.equal(motionResult(api, [event('council', 'Disapproved')]), undefined);
    assert.equal(motionResult(api, [event('technicalCommittee', 'Executed', { result: { isErr: false } })]),
      undefined);
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

describe('salted record hashes', () => {
  // The test vector scripts/record-hash.py self-test checks too: `medchain` under the salt
  // 0x00, 0x01, ..., 0x1f.
  const salt = Uint8Array.from({ length: 32 }, (_, i) => i);

  it('match the vectors of scripts/record-hash.py', quick, () => {
    assert.equal(recordHash('medchain', salt),
      '0x53173f14c0c676fe6f016ed199bd8fb53c2f5ab718dd21ef13a6b13559730ca9');
    assert.equal(recordHash('medchain', salt, 'HmacSha2_256'),
      '0xc1db598b80789ea0955966ae855acf1c60d997d2c188f1cc368073f02d72a3d6');
  });

  it('differ for the same record under fresh salts, and refuse a short salt', quick, () => {
    const [a, b] = [saltedRecord('a templated record'), saltedRecord('a templated record')];
    assert.notEqual(a.salt, b.salt);
    assert.notEqual(a.contentHash, b.contentHash);
    assert.equal(recordHash('a templated record', a.salt), a.contentHash);
    assert.throws(() => recordHash('medchain', salt.slice(1)), /32 bytes/);
  });
});

describe('claim line commitments', () => {
  const vector = { system: 'CPT', code: '99213', quantity: 2, unitPrice: 30_000_000_000_000n,
    salt: Uint8Array.from({ length: 32 }, (_, i) => i) };

  it('match the vector of pallets/payments/src/commitment.rs and scripts/claim-lines.py', quick, () => {
    assert.equal(lineCommitment(vector),
      '0xdb622977ac38d17c028c137e850b3795b3711b4ebbcbab4efa758ce23f528a81');
    assert.equal(onChain(vector).amount, 60_000_000_000_000n);
  });

  it('check a document against the chain and name the line that differs', quick, () => {
    const document = [withSalt({ ...vector }), withSalt({ ...vector, code: '36415', quantity: 1 })];
    const chain = document.map(onChain);
    checkDocument(document, chain);
    assert.notEqual(chain[0].commitment, lineCommitment(vector), 'a fresh salt per line');
    assert.throws(() => checkDocument([document[0], { ...document[1], code: '86701' }], chain), /line 2/);
    assert.throws(() => checkDocument(document, [chain[0], { ...chain[1], amount: 1n }]), /line 2: the amount/);
    assert.throws(() => checkDocument(document.slice(1), chain), /1 lines, the claim 2/);
    assert.throws(() => lineCommitment({ ...vector, code: 'flu' }), /not 1 to 8/);
  });
});
