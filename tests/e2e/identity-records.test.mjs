// Identity and records through @polkadot/api, as polkadot.js apps and provider systems use them:
// governance admits a provider, a practitioner onboards a patient who takes control with their
// own key, grants consent, a provider anchors records and a Merkle batch, and anyone verifies them.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { blake2AsU8a, blake2AsHex } from '@polkadot/util-crypto';
import { u8aToHex, stringToU8a } from '@polkadot/util';
import { saltedRecord } from './lib/record-hash.mjs';
import { send, find, useDevChain, dev as k } from './lib/chain.mjs';
import { slow } from './lib/node.mjs';
import { treeLevels, treeRoot, treeProof } from './lib/merkle.mjs';

/** The root of the batch tree over `hashes`, and the proof of leaf `index`. */
function rootAndProof(hashes, index) {
  const levels = treeLevels(hashes);
  return { root: treeRoot(levels), proof: treeProof(levels, index) };
}

describe('identity and records from @polkadot/api', () => {
  const chain = useDevChain();
  let api;

  before(async () => {
    ({ api } = chain);
  });

  it('the matching Merkle tree in JavaScript gives the shared test vector', slow, () => {
    const hashes = [0, 1, 2].map((i) => blake2AsU8a(new Uint8Array([i])));
    assert.equal(rootAndProof(hashes, 0).root,
      '0xe13696916a40519dfef0ed54b55992e01bf1993215ba50ac94c75be929ebbeb8');
  });

  it('admits a provider and a payer; onboards a patient in custody, whose admin offers control after a delay', slow, async () => {
    const [alice, ferdie, practitioner, patientKey] =
      [k('//Alice'), k('//Ferdie'), k('//Eve//stash'), k('//Alice//stash')];
    let events = await send(api,
      api.tx.sudo.sudo(api.tx.patients.admitOrganization(ferdie.address, 'Provider')), alice);
    const org = find(events, 'patients', 'OrganizationAdmitted').data.org.toNumber();
    events = await send(api,
      api.tx.sudo.sudo(api.tx.patients.admitOrganization(k('//Charlie//stash').address, 'Payer')), alice);
    const payer = find(events, 'patients', 'OrganizationAdmitted').data;
    assert.ok(payer.kind.isPayer);

    await send(api, api.tx.patients.addMember(practitioner.address), ferdie);
    assert.equal((await api.call.patientsApi.organizationOf(practitioner.address)).unwrap().toNumber(), org);
    const commitment = blake2AsHex(stringToU8a('salt-known-only-to-the-provider|attributes'));
    events = await send(api, api.tx.patients.registerPatientFor(commitment), practitioner);
    const patient = find(events, 'patients', 'PatientRegistered').data.patient.toHex();
    const custodial = (await api.call.patientsApi.patient(patient)).unwrap();
    assert.ok(custodial.control.isCustodial);
    assert.equal(custodial.commitment.unwrap().toHex(), commitment);

    // A practitioner cannot give a patient in custody away (to their own key, say): only the
    // organization's admin can, and the key may take control only after a delay in which the
    // members and the patient's delegates may withdraw the offer.
    await assert.rejects(
      send(api, api.tx.patients.offerControl(patient, practitioner.address), practitioner),
      /patients\.NotCustodianAdmin/,
    );
    events = await send(api, api.tx.patients.offerControl(patient, patientKey.address), ferdie);
    const offered = find(events, 'patients', 'ControlOffered').data;
    const offeredAt = (await api.rpc.chain.getHeader(events.blockHash)).number.toNumber();
    assert.equal(offered.acceptFrom.toNumber(), offeredAt + api.consts.patients.controlTransferDelay.toNumber());
    await assert.rejects(
      send(api, api.tx.patients.acceptControl(patient), patientKey),
      /patients\.ControlOfferNotYetOpen/,
    );
    events = await send(api, api.tx.patients.offerControl(patient, null), practitioner);
    find(events, 'patients', 'ControlOfferWithdrawn');
  });

  it('a patient registers with their own key and names a proxy', slow, async () => {
    const patientKey = k('//Alice//stash');
    const commitment = blake2AsHex(stringToU8a('salt-known-only-to-the-patient|attributes'));
    let events = await send(api, api.tx.patients.registerPatient(commitment), patientKey);
    const patient = find(events, 'patients', 'PatientRegistered').data.patient.toHex();
    assert.equal((await api.query.patients.patientOf(patientKey.address)).unwrap().toHex(), patient);
    const info = (await api.call.patientsApi.patient(patient)).unwrap();
    assert.ok(info.control.isOwn);
    assert.equal(info.control.asOwn.toString(), api.createType('AccountId', patientKey.address).toString());

    // The patient names a proxy, who may manage consent and pay for them.
    const proxy = k('//Bob//stash');
    events = await send(api, api.tx.patients.addDelegate(patient, proxy.address, 'Proxy', null), patientKey);
    find(events, 'patients', 'DelegateAdded');
    const delegates = (await api.call.patientsApi.patient(patient)).unwrap().delegates;
    assert.equal(delegates.length, 1);
    assert.ok(delegates[0].role.isProxy);

    // Erasure: the patient grants consent, then deactivates; nothing in the state ties the
    // patient to the key or the proxy any more.
    await send(api, api.tx.consent.grantConsent(patient, { Organization: 0 }, 'All', 'Treatment', null, null),
      patientKey);
    events = await send(api, api.tx.patients.deactivatePatient(patient), patientKey);
    const erased = find(events, 'consent', 'PatientConsentErased').data;
    assert.equal(erased.grants.toNumber(), 1);
    find(events, 'patients', 'PatientDeactivated');
    assert.ok((await api.query.patients.patientOf(patientKey.address)).isNone);
    const after = (await api.call.patientsApi.patient(patient)).unwrap();
    assert.ok(after.control.isErased);
    assert.equal(after.delegates.length, 0);
    assert.equal((await api.query.consent.grants.entries(patient)).length, 0);
    assert.equal((await api.query.consent.grantCount(patient)).toNumber(), 0);
  });

  it('anchors a record and an amendment, and anyone verifies them by content hash', slow, async () => {
    const dave = k('//Dave'); // acts for provider 0 in the dev preset
    const bob = (await api.query.patients.patientOf(k('//Bob').address)).unwrap();
    // A provider holds records of a patient only with the patient's consent.
    await assert.rejects(
      send(api, api.tx.records.anchorRecord(bob, saltedRecord('early').contentHash, 'KeyedBlake2_256', 'LabResult', null), dave),
      /records\.NoConsent/,
    );
    await send(api, api.tx.consent.grantConsent(bob, { Organization: 0 }, { Categories: ['LabResult'] },
      'Treatment', null, null), k('//Bob'));

    // The record is hashed with its own salt, which stays with the record off chain.
    const reportBytes = 'the bytes of a lab report, held by the hospital';
    const report = saltedRecord(reportBytes).contentHash;
    let events = await send(api,
      api.tx.records.anchorRecord(bob, report, 'KeyedBlake2_256', 'LabResult', null), dave);
    const record = find(events, 'records', 'RecordAnchored').data.record.toNumber();

    const amended = saltedRecord('the corrected lab report').contentHash;
    events = await send(api, api.tx.records.amendRecord(record, amended, 'KeyedBlake2_256', null), dave);
    const second = find(events, 'records', 'RecordAmended').data.record.toNumber();

    const [found] = await api.call.recordsApi.verify(report);
    const first = found.anchor;
    assert.equal(first.custodian.toNumber(), 0);
    assert.ok(first.status.isAmended);
    assert.equal(first.status.asAmended.by.toNumber(), second);
    const latest = (await api.call.recordsApi.anchoredBy(0, amended)).unwrap().anchor;
    assert.equal(latest.version.toNumber(), 2);
    assert.deepEqual((await api.call.recordsApi.history(record)).map((id) => id.toNumber()), [record, second]);
    assert.equal((await api.call.recordsApi.verify(saltedRecord('never anchored').contentHash)).length, 0);
    // Someone who guesses the report's bytes exactly cannot confirm the guess without its salt:
    // neither the plain hash nor the guess under another salt is anchored.
    assert.equal((await api.call.recordsApi.verify(blake2AsHex(stringToU8a(reportBytes)))).length, 0);
    assert.equal((await api.call.recordsApi.verify(saltedRecord(reportBytes).contentHash)).length, 0);
    assert.ok((await api.call.recordsApi.anchoredBy(1, report)).isNone);
  });

  it('anchors a Merkle batch and verifies one record in it with its proof', slow, async () => {
    const hashes = Array.from({ length: 10 }, (_, i) => blake2AsU8a(stringToU8a(`document ${i}`)));
    const { root, proof } = rootAndProof(hashes, 7);
    const events = await send(api, api.tx.records.anchorBatch(root, hashes.length), k('//Dave'));
    find(events, 'records', 'BatchAnchored');
    const [batch, ...others] = await api.call.recordsApi.verifyInBatch(root, u8aToHex(hashes[7]), proof);
    assert.equal(others.length, 0);
    assert.equal(batch.batch.leafCount.toNumber(), 10);
    assert.equal(batch.batch.custodian.toNumber(), 0);
    assert.equal((await api.call.recordsApi.verifyInBatch(root, u8aToHex(hashes[6]), proof)).length, 0);
  });

  it('refuses a record from an account that acts for no provider, with the named error', slow, async () => {
    const bob = (await api.query.patients.patientOf(k('//Bob').address)).unwrap();
    await assert.rejects(
      send(api, api.tx.records.anchorRecord(bob, saltedRecord('x', 'HmacSha2_256').contentHash, 'HmacSha2_256', 'Imaging', null), k('//Bob')),
      /records\.NotProvider/,
    );
  });
});
