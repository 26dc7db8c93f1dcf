// Identity and records through @polkadot/api, as polkadot.js apps and provider systems use them:
// governance admits a provider, a practitioner onboards a patient who takes control with their
// own key, grants consent, a provider anchors records and a Merkle batch, and anyone verifies them.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { blake2AsU8a, blake2AsHex } from '@polkadot/util-crypto';
import { u8aConcat, u8aToHex, stringToU8a } from '@polkadot/util';
import { startNode } from './lib/node.mjs';
import { send, find } from './lib/chain.mjs';

// The batch tree of pallets/records/src/merkle.rs: sorted pairs, 0x00/0x01 domain tags.
const leaf = (h) => blake2AsU8a(u8aConcat([0], h));
const inner = (a, b) => {
  const [low, high] = Buffer.compare(Buffer.from(a), Buffer.from(b)) <= 0 ? [a, b] : [b, a];
  return blake2AsU8a(u8aConcat([1], low, high));
};
const nextLevel = (level) => level.reduce((up, node, i) =>
  (i % 2 ? up : [...up, i + 1 < level.length ? inner(node, level[i + 1]) : node]), []);
function rootAndProof(hashes, index) {
  let level = hashes.map(leaf);
  const proof = [];
  while (level.length > 1) {
    if ((index ^ 1) < level.length) proof.push(u8aToHex(level[index ^ 1]));
    level = nextLevel(level);
    index >>= 1;
  }
  return { root: u8aToHex(level[0]), proof };
}

describe('identity and records from @polkadot/api', () => {
  let node;
  let api;
  const keyring = new Keyring({ type: 'sr25519' });
  const k = (uri) => keyring.addFromUri(uri);

  before(async () => {
    node = await startNode();
    api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
  });

  after(async () => {
    await api?.disconnect();
    await node?.stop();
  });

  it('the matching Merkle tree in JavaScript gives the shared test vector', () => {
    const hashes = [0, 1, 2].map((i) => blake2AsU8a(new Uint8Array([i])));
    assert.equal(rootAndProof(hashes, 0).root,
      '0xe13696916a40519dfef0ed54b55992e01bf1993215ba50ac94c75be929ebbeb8');
  });

  it('admits a provider, onboards a patient who then takes control with their own key', async () => {
    const [alice, ferdie, practitioner, patientKey] =
      [k('//Alice'), k('//Ferdie'), k('//Eve//stash'), k('//Alice//stash')];
    let events = await send(api,
      api.tx.sudo.sudo(api.tx.patients.admitOrganization(ferdie.address, 'Provider')), alice);
    const org = find(events, 'patients', 'OrganizationAdmitted').data.org.toNumber();

    await send(api, api.tx.patients.addMember(practitioner.address), ferdie);
    const commitment = blake2AsHex(stringToU8a('salt-known-only-to-the-provider|attributes'));
    events = await send(api, api.tx.patients.registerPatientFor(commitment), practitioner);
    const patient = find(events, 'patients', 'PatientRegistered').data.patient.toHex();

    await send(api, api.tx.patients.offerControl(patient, patientKey.address), practitioner);
    events = await send(api, api.tx.patients.acceptControl(patient), patientKey);
    find(events, 'patients', 'ControlTransferred');

    assert.equal((await api.query.patients.patientOf(patientKey.address)).unwrap().toHex(), patient);
    const info = (await api.call.patientsApi.patient(patient)).unwrap();
    assert.ok(info.control.isOwn);
    assert.equal(info.control.asOwn.toString(), api.createType('AccountId', patientKey.address).toString());
    assert.equal(info.commitment.unwrap().toHex(), commitment);
    assert.equal((await api.call.patientsApi.organizationOf(practitioner.address)).unwrap().toNumber(), org);
  });

  it('anchors a record and an amendment, and anyone verifies them by content hash', async () => {
    const dave = k('//Dave'); // acts for provider 0 in the dev preset
    const bob = (await api.query.patients.patientOf(k('//Bob').address)).unwrap();
    // A provider holds records of a patient only with the patient's consent.
    await assert.rejects(
      send(api, api.tx.records.anchorRecord(bob, blake2AsHex('early'), 'Blake2_256', 'LabResult', null), dave),
      /records\.NoConsent/,
    );
    await send(api,
      api.tx.consent.grantConsent(bob, { Organization: 0 }, 'All', 'Treatment', null, null), k('//Bob'));

    const report = blake2AsHex(stringToU8a('the bytes of a lab report, held by the hospital'));
    let events = await send(api,
      api.tx.records.anchorRecord(bob, report, 'Blake2_256', 'LabResult', null), dave);
    const record = find(events, 'records', 'RecordAnchored').data.record.toNumber();

    const amended = blake2AsHex(stringToU8a('the corrected lab report'));
    events = await send(api, api.tx.records.amendRecord(record, amended, 'Blake2_256', null), dave);
    const second = find(events, 'records', 'RecordAmended').data.record.toNumber();

    const first = (await api.call.recordsApi.verify(report)).unwrap();
    assert.equal(first.custodian.toNumber(), 0);
    assert.ok(first.status.isAmended);
    assert.equal(first.status.asAmended.by.toNumber(), second);
    const latest = (await api.call.recordsApi.verify(amended)).unwrap();
    assert.equal(latest.version.toNumber(), 2);
    assert.deepEqual((await api.call.recordsApi.history(record)).map((id) => id.toNumber()), [record, second]);
    assert.ok((await api.call.recordsApi.verify(blake2AsHex('never anchored'))).isNone);
  });

  it('anchors a Merkle batch and verifies one record in it with its proof', async () => {
    const hashes = Array.from({ length: 10 }, (_, i) => blake2AsU8a(stringToU8a(`document ${i}`)));
    const { root, proof } = rootAndProof(hashes, 7);
    const events = await send(api, api.tx.records.anchorBatch(root, hashes.length), k('//Dave'));
    find(events, 'records', 'BatchAnchored');
    const batch = (await api.call.recordsApi.verifyInBatch(root, u8aToHex(hashes[7]), proof)).unwrap();
    assert.equal(batch.leafCount.toNumber(), 10);
    assert.ok((await api.call.recordsApi.verifyInBatch(root, u8aToHex(hashes[6]), proof)).isNone);
  });

  it('refuses a record from an account that acts for no provider, with the named error', async () => {
    const bob = (await api.query.patients.patientOf(k('//Bob').address)).unwrap();
    await assert.rejects(
      send(api, api.tx.records.anchorRecord(bob, blake2AsHex('x'), 'Sha2_256', 'Imaging', null), k('//Bob')),
      /records\.NotProvider/,
    );
  });
});
