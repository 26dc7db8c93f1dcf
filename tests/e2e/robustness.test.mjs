// What polkadot.js apps relies on, and what a careless or hostile client sends: the metadata
// decodes and documents every medical call, event, error and storage item; bad input gets a
// clear error and the chain keeps producing blocks.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { Metadata, TypeRegistry } from '@polkadot/types';
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
