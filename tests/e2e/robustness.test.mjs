// What polkadot.js apps relies on, and what a careless or hostile client sends: the metadata
// decodes and documents every medical call, event, error and storage item; bad input gets a
// clear error and the chain keeps producing blocks; oversized and malformed RPC requests, and a
// flood of forged transactions from one client, are refused while honest ones still get in.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { Metadata, TypeRegistry } from '@polkadot/types';
import { compactFromU8a, u8aToHex } from '@polkadot/util';
import { randomAsHex } from '@polkadot/util-crypto';
import { rpc, waitFor, slow } from './lib/node.mjs';
import { send, useDevChain, dev as k } from './lib/chain.mjs';

const MEDICAL_PALLETS = ['Patients', 'Records', 'Consent', 'Payments'];

/**
 * A check for `assert.rejects` that the node refused a JSON-RPC call with error `code` and a
 * message matching `message` (not merely that the call failed: an unknown method fails too).
 */
const refusedWith = (code, message) => (error) => {
  assert.equal(error.code, code, `refused with ${code}: ${error.message}`);
  assert.match(error.rpcMessage, message);
  return true;
};

describe('metadata and bad input', () => {
  const chain = useDevChain();
  let api;

  before(async () => {
    ({ api } = chain);
  });

  it('serves metadata V15 (and every version it lists), which decodes', slow, async () => {
    const versions = (await api.call.metadata.metadataVersions()).map((v) => v.toNumber());
    assert.ok(versions.includes(15), `versions ${versions}`);
    for (const version of versions) {
      const opaque = (await api.call.metadata.metadataAtVersion(version)).unwrap();
      const decoded = new Metadata(new TypeRegistry(), opaque.toU8a(true));
      assert.equal(decoded.version, version, `metadata V${version} decodes as V${version}`);
      assert.ok(decoded.asLatest.pallets.length >= 10, `V${version} lists the pallets`);
    }
    assert.ok(api.runtimeMetadata.version >= 15);
  });

  it('documents every call, event, error and storage item of the medical pallets', slow, () => {
    const metadata = api.runtimeMetadata.asLatest;
    const lookup = api.registry.lookup;
    const undocumented = [];
    for (const name of MEDICAL_PALLETS) {
      const pallet = metadata.pallets.find((p) => p.name.toString() === name);
      assert.ok(pallet, `${name} in the metadata`);
      for (const kind of ['calls', 'events', 'errors']) {
        const variants = lookup.getSiType(pallet[kind].unwrap().type).def.asVariant.variants;
        assert.ok(variants.length > 0, `${name} has ${kind}`);
        for (const variant of variants) {
          if (variant.docs.length === 0) undocumented.push(`${name}.${kind}.${variant.name}`);
        }
      }
      for (const item of pallet.storage.unwrap().items) {
        if (item.docs.length === 0) undocumented.push(`${name}.storage.${item.name}`);
      }
    }
    assert.deepEqual(undocumented, []);
  });

  it('answers account queries given addresses in Medchain\'s format', slow, async () => {
    const alice = api.createType('AccountId', k('//Alice').address).toString();
    assert.ok(alice.startsWith('5') === false, `${alice} is in Medchain's format, not the generic one`);
    assert.equal((await api.rpc.system.accountNextIndex(alice)).toNumber(), 0);
  });

  it('gives each bad input a clear error', slow, async () => {
    const bob = k('//Bob');
    // Unknown ids: named module errors.
    await assert.rejects(send(api, api.tx.payments.settleClaim(999), bob), /payments\.ClaimNotFound/);
    await assert.rejects(send(api, api.tx.consent.revokeConsent(999), bob), /consent\.GrantNotFound/);
    await assert.rejects(send(api, api.tx.records.amendRecord(999, '0x' + '11'.repeat(32), 'HmacSha2_256', null),
      k('//Dave')), /records\.RecordNotFound/);
    // The wrong origin: governance calls need sudo.
    await assert.rejects(send(api, api.tx.patients.admitOrganization(bob.address, 'Payer'), bob),
      /BadOrigin/);
    // Oversized fields: 33 claim lines (the bound is 32) do not decode, so the pool refuses the
    // transaction before it reaches a block, as every Substrate chain refuses an undecodable
    // one: the runtime cannot read it, and the RPC answers `1002: Verification Error`.
    const line = { commitment: '0x' + '11'.repeat(32), amount: 1 };
    const patient = (await api.query.patients.patientOf(bob.address)).unwrap();
    await assert.rejects(
      send(api, api.tx.payments.submitClaim(patient, 1, k('//Dave').address, Array(33).fill(line), []),
        k('//Dave')),
      /1002: Verification Error/,
    );
    // A sudo call whose inner call fails: sudo itself succeeds, the inner error comes back by name.
    await assert.rejects(send(api, api.tx.sudo.sudo(api.tx.patients.suspendOrganization(999)), k('//Alice')),
      /patients\.OrganizationNotFound/);
    // Malformed extrinsic bytes straight to the RPC (sc-rpc-api's author errors). Bytes that are
    // not even a length-prefixed blob (0x0b is no valid compact length) do not decode in the
    // node: 1040, "Client error: ...".
    const submit = (hex) => rpc(chain.node.rpcPort, 'author_submitExtrinsic', [hex]);
    await assert.rejects(submit('0x0badc0de'), refusedWith(1040, /^Client error: /));
    // A blob of 4 bytes that is no extrinsic of this runtime (version byte 0x0b): the runtime
    // cannot decode it when the pool asks it to validate it: 1002, "Verification Error: ...".
    await assert.rejects(submit('0x100badc0de'), refusedWith(1002, /^Verification Error: /));
  });

  it('keeps producing blocks after all that', slow, async () => {
    const start = (await api.rpc.chain.getHeader()).number.toNumber();
    await waitFor('two more blocks', async () =>
      (await api.rpc.chain.getHeader()).number.toNumber() >= start + 2, 60_000);
  });
});

describe('the RPC under abuse: oversized and malformed requests, a flood of invalid transactions', () => {
  const chain = useDevChain();
  let api;
  let port;

  before(async () => {
    ({ api } = chain);
    port = chain.node.rpcPort;
  });

  /** POST `body` (a string or bytes) to the node's RPC; `{ status, json, ms }`. */
  async function post(body) {
    const start = performance.now();
    let response;
    try {
      response = await fetch(`http://127.0.0.1:${port}`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body,
      });
    } catch (error) {
      // The server may answer 413 from the headers and close the socket before the body is
      // sent: the client sees the connection reset.
      return { status: 'reset', reason: error.cause?.code ?? error.message, ms: performance.now() - start };
    }
    const text = await response.text();
    let json;
    try { json = JSON.parse(text); } catch { json = undefined; }
    return { status: response.status, json, ms: performance.now() - start };
  }

  /** How long the node takes to answer `system_health`, in ms. */
  async function healthMs() {
    const start = performance.now();
    await rpc(port, 'system_health');
    return performance.now() - start;
  }

  it('refuses oversized and malformed requests with JSON-RPC errors, and keeps answering', slow, async () => {
    const cases = [
      // Above the default --rpc-max-request-size (15 MiB): refused before it is parsed.
      ['a 16 MiB request', JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'system_health', params: ['x'.repeat(16 * 1024 * 1024)] }),
        ({ status }) => status === 413 || status === 'reset'],
      ['bytes that are not JSON', '{"jsonrpc": "2.0", "id": 1, "method": ', ({ json }) => json?.error?.code === -32700],
      // An array is a batch to JSON-RPC: its one element, nested 99,999 deep, is no request.
      ['JSON nested 100,000 deep', '['.repeat(100_000) + ']'.repeat(100_000),
        ({ json }) => [-32700, -32600].includes((Array.isArray(json) ? json[0] : json)?.error?.code)],
      ['a request whose method is no string', JSON.stringify({ jsonrpc: '2.0', id: 1, method: 1 }), ({ json }) => json?.error?.code === -32600],
      ['an unknown method', JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'medchain_nothing', params: [] }),
        ({ json }) => json?.error?.code === -32601],
      ['parameters of the wrong type', JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'chain_getBlockHash', params: [{ a: 1 }] }),
        ({ json }) => json?.error?.code === -32602],
      ['an extrinsic of 4 MiB of garbage', JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'author_submitExtrinsic',
        params: ['0x' + 'ab'.repeat(4 * 1024 * 1024)] }), ({ json }) => typeof json?.error?.code === 'number'],
    ];
    const report = [];
    for (const [what, body, refused] of cases) {
      const answer = await post(body);
      assert.ok(refused(answer), `${what}: refused as expected, got ${answer.status} ${JSON.stringify(answer.json)?.slice(0, 200)}`);
      const health = await healthMs();
      assert.ok(health < 2_000, `${what}: the node answers at once afterwards (${health.toFixed(0)} ms)`);
      report.push(`${what}: ${answer.json?.error?.code ?? answer.status} in ${answer.ms.toFixed(0)} ms`);
    }
    console.log(`edges: ${report.join('; ')}`);
  });

  it('keeps taking honest transactions while one client floods it with invalid ones', slow, async () => {
    const dave = k('//Dave');
    const bob = (await api.query.patients.patientOf(k('//Bob').address)).unwrap();
    await send(api, api.tx.consent.grantConsent(bob, { Organization: 0 }, 'All', 'Treatment', null, null), k('//Bob'));
    // 2,000 distinct transactions whose signatures are wrong: the most work a transaction can
    // cost the node before it is refused (decoding, then a signature check).
    const charlie = k('//Charlie');
    const nonce = (await api.rpc.system.accountNextIndex(charlie.address)).toNumber();
    const forged = [];
    for (let i = 0; i < 2_000; i++) {
      const tx = api.tx.records.anchorRecord(bob, randomAsHex(32), 'HmacSha2_256', 'LabResult', null);
      const bytes = (await tx.signAsync(charlie, { nonce })).toU8a();
      // Length prefix, version byte, MultiAddress::Id (33 bytes), MultiSignature variant, then
      // the signature: flip one of its bytes.
      const [offset] = compactFromU8a(bytes);
      bytes[offset + 1 + 33 + 1 + 10] ^= 0xff;
      forged.push(u8aToHex(bytes));
    }
    const start = performance.now();
    let refused = 0;
    let accepted = 0;
    const codes = new Set();
    let next = 0;
    const flood = Array.from({ length: 32 }, async () => {
      while (next < forged.length) {
        const hex = forged[next++];
        try {
          await rpc(port, 'author_submitExtrinsic', [hex]);
          accepted += 1;
        } catch (error) {
          refused += 1;
          codes.add(`${error.code}: ${error.rpcMessage}`);
        }
      }
    });
    // During the flood: health answers, and an honest anchor gets into a block.
    const healths = [];
    const honest = (async () => {
      const sent = performance.now();
      await send(api, api.tx.records.anchorRecord(bob, randomAsHex(32), 'HmacSha2_256', 'LabResult', null), dave);
      return performance.now() - sent;
    })();
    const probing = (async () => {
      while (next < forged.length) {
        healths.push(await healthMs());
        await sleep(100);
      }
    })();
    await Promise.all([...flood, probing]);
    const floodMs = performance.now() - start;
    const honestMs = await honest;
    const recovered = await healthMs();
    assert.equal(accepted, 0, 'no forged transaction enters the pool');
    assert.equal(refused, forged.length);
    assert.deepEqual([...codes], ['1010: Invalid Transaction'], 'each is refused for its signature');
    assert.ok(recovered < 1_000, `the node answers at once after the flood (${recovered.toFixed(0)} ms)`);
    assert.ok(Math.max(...healths) < 5_000, `the node kept answering during the flood (max ${Math.max(...healths).toFixed(0)} ms)`);
    console.log(`flood: ${forged.length} forged transactions from one client (32 at a time) refused in ` +
      `${(floodMs / 1000).toFixed(1)} s (${(forged.length / floodMs * 1000).toFixed(0)}/s); system_health during it: ` +
      `max ${Math.max(...healths).toFixed(0)} ms over ${healths.length} probes; an honest anchor sent during it was in ` +
      `a block after ${(honestMs / 1000).toFixed(1)} s; health after it: ${recovered.toFixed(0)} ms`);
  });
});
