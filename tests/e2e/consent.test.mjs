// Consent through @polkadot/api: a patient grants and revokes consent, an organization asks for it,
// providers log every access (refused without consent), break-glass is logged and flagged, and an
// auditor re-computes the patient's access-trail hash chain from the events alone.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { blake2AsU8a } from '@polkadot/util-crypto';
import { u8aConcat, u8aToHex } from '@polkadot/util';
import { saltedRecord } from './lib/record-hash.mjs';
import { send, find, useDevChain, dev as k } from './lib/chain.mjs';
import { slow } from './lib/node.mjs';

/**
 * The SCALE encoding of an access-log entry (`AccessEntry` in pallets/consent/src/types.rs),
 * rebuilt from its `AccessLogged` or `BreakGlassOpened` event and the number of its block.
 */
function entryBytes(api, event, block) {
  const d = event.data;
  const action = event.method === 'AccessLogged'
    ? u8aConcat([0], d.record.toU8a(), d.purpose.toU8a(), d.basis.toU8a())
    : u8aConcat([1], d.reason.toU8a(), d.closesAt.toU8a());
  const accessor = event.method === 'AccessLogged' ? d.accessor : d.openedBy;
  return u8aConcat(d.index.toU8a(), d.patient.toU8a(), accessor.toU8a(), d.org.toU8a(),
    api.createType('BlockNumber', block).toU8a(), action);
}

/** The next head of an access trail's hash chain: `blake2-256(head ‖ SCALE(entry))`. */
const nextHead = (api, head, { event, block }) =>
  blake2AsU8a(u8aConcat(head, entryBytes(api, event, block)));

/** The head of the hash chain over `entries` (`{ event, block }`, oldest first), as hex. */
const trailHead = (api, entries) =>
  u8aToHex(entries.reduce((head, entry) => nextHead(api, head, entry), new Uint8Array(32)));

describe('consent from @polkadot/api', () => {
  const chain = useDevChain();
  let api;
  let bob; // the dev preset's patient, with his own key
  let record;
  let treatmentGrant;
  /** Every access-log event of Bob, with the number of its block, in order. */
  const trail = [];

  /** Send, and keep the access-log events it emitted for the audit at the end. */
  async function sendLogged(tx, signer) {
    const events = await send(api, tx, signer);
    const block = (await api.rpc.chain.getHeader(events.blockHash)).number.toNumber();
    for (const event of events) {
      if (event.section === 'consent' && ['AccessLogged', 'BreakGlassOpened'].includes(event.method)) {
        trail.push({ event, block });
      }
    }
    return events;
  }

  before(async () => {
    ({ api } = chain);
    bob = (await api.query.patients.patientOf(k('//Bob').address)).unwrap();
  });

  it('a patient grants treatment consent; the provider anchors and logs an access under it', slow, async () => {
    let events = await send(api,
      api.tx.consent.grantConsent(bob, { Organization: 0 }, 'All', 'Treatment', null, null), k('//Bob'));
    const granted = find(events, 'consent', 'ConsentGranted').data;
    treatmentGrant = granted.grant.toNumber();
    assert.ok(granted.grantee.isOrganization);
    assert.equal(granted.grantee.asOrganization.toNumber(), 0);

    const dave = k('//Dave'); // a practitioner of provider 0
    events = await send(api, api.tx.records.anchorRecord(bob,
      saltedRecord('discharge summary, held by the hospital').contentHash, 'KeyedBlake2_256', 'DischargeSummary', null), dave);
    record = find(events, 'records', 'RecordAnchored').data.record.toNumber();

    events = await sendLogged(api.tx.consent.logAccess(bob, record, 'Treatment'), dave);
    const logged = find(events, 'consent', 'AccessLogged').data;
    assert.equal(logged.index.toNumber(), 1);
    assert.ok(logged.basis.isGrant);
    assert.equal(logged.basis.asGrant.toNumber(), treatmentGrant);

    const basis = (await api.call.consentApi.access(bob, { Organization: 0 }, record, 'Treatment')).unwrap();
    assert.equal(basis.asGrant.toNumber(), treatmentGrant);
    assert.ok((await api.call.consentApi.access(bob, { Organization: 0 }, record, 'Research')).isNone);
  });

  it('refuses a second provider and an insurer without consent, with the named error', slow, async () => {
    const ferdie = k('//Ferdie');
    await send(api, api.tx.sudo.sudo(api.tx.patients.admitOrganization(ferdie.address, 'Provider')),
      k('//Alice'));
    await assert.rejects(send(api, api.tx.consent.logAccess(bob, record, 'Treatment'), ferdie),
      /consent\.NoConsent/);
    await assert.rejects(send(api, api.tx.consent.logAccess(bob, record, 'Payment'), k('//Eve')),
      /consent\.NoConsent/);
  });

  it('an insurer asks for consent, the patient approves, and the insurer may then access', slow, async () => {
    const eve = k('//Eve'); // admin of organization 1, a payer
    let events = await send(api,
      api.tx.consent.requestConsent(bob, { Categories: ['DischargeSummary'] }, 'Payment', null), eve);
    const request = find(events, 'consent', 'ConsentRequested').data.request.toNumber();

    events = await send(api, api.tx.consent.approveRequest(request), k('//Bob'));
    find(events, 'consent', 'RequestApproved');
    assert.equal(find(events, 'consent', 'ConsentGranted').data.grantee.asOrganization.toNumber(), 1);

    events = await sendLogged(api.tx.consent.logAccess(bob, record, 'Payment'), eve);
    assert.equal(find(events, 'consent', 'AccessLogged').data.org.toNumber(), 1);

    const grants = await api.call.consentApi.grantsOf(bob, null, 10);
    assert.equal(grants.length, 2);
    assert.ok(grants.every((g) => g.status.isActive));
  });

  it('revocation takes effect at once', slow, async () => {
    const events = await send(api, api.tx.consent.revokeConsent(treatmentGrant), k('//Bob'));
    find(events, 'consent', 'ConsentRevoked');
    await assert.rejects(send(api, api.tx.consent.logAccess(bob, record, 'Treatment'), k('//Dave')),
      /consent\.NoConsent/);
    assert.ok((await api.call.consentApi.access(bob, { Organization: 0 }, record, 'Treatment')).isNone);
  });

  it('break-glass opens emergency access without consent, logged and flagged', slow, async () => {
    const dave = k('//Dave');
    let events = await sendLogged(api.tx.consent.breakGlass(bob, 'LifeThreatening'), dave);
    const opened = find(events, 'consent', 'BreakGlassOpened').data;
    assert.equal(opened.org.toNumber(), 0);

    events = await sendLogged(api.tx.consent.logAccess(bob, record, 'Treatment'), dave);
    assert.ok(find(events, 'consent', 'AccessLogged').data.basis.isBreakGlass);

    // It lets the hospital see Bob's records, never file new ones without his consent.
    await assert.rejects(send(api, api.tx.records.anchorRecord(bob,
      saltedRecord('a note filed under break-glass').contentHash, 'KeyedBlake2_256', 'DischargeSummary', null), dave),
      /records\.NoConsent/);

    const windows = await api.query.consent.breakGlassLog(bob);
    assert.equal(windows.length, 1);
    assert.ok(windows[0].reason.isLifeThreatening);
    assert.equal(windows[0].closesAt.toNumber(), opened.closesAt.toNumber());
  });

  it('an auditor re-computes the access-trail hash chain from the events', slow, async () => {
    // The steps above logged four entries: the hospital's access under its grant, the insurer's
    // under its grant, the break-glass opening, and the hospital's access under it.
    assert.deepEqual(trail.map(({ event }) => event.method),
      ['AccessLogged', 'AccessLogged', 'BreakGlassOpened', 'AccessLogged']);
    let head = new Uint8Array(32);
    trail.forEach((entry, i) => {
      assert.equal(entry.event.data.index.toNumber(), i + 1);
      head = nextHead(api, head, entry);
      assert.equal(u8aToHex(head), entry.event.data.head.toHex());
    });
    const onChain = await api.query.consent.accessTrails(bob);
    assert.equal(onChain.count.toNumber(), 4);
    assert.equal(onChain.head.toHex(), u8aToHex(head));
    assert.equal(trailHead(api, trail), onChain.head.toHex());

    // The check catches a tampered log: the insurer's access moved to another block, or left out.
    const altered = trail.map((entry, i) => (i === 1 ? { ...entry, block: entry.block + 1 } : entry));
    assert.notEqual(trailHead(api, altered), onChain.head.toHex(), 'a changed entry breaks the chain');
    const dropped = trail.filter((_, i) => i !== 1);
    assert.equal(dropped.length, 3);
    assert.notEqual(trailHead(api, dropped), onChain.head.toHex(), 'a missing entry breaks the chain');
  });

  it('a patient onboarded by a provider acts through a key that never had funds: the provider pays', slow, async () => {
    // Provider 0 (admin Charlie, member Dave) registers a patient; its admin names a proxy whose
    // key was just made and never funded.
    const [charlie, dave, proxy] = [k('//Charlie'), k('//Dave'), k('//SponsoredProxy')];
    const balance = async (who) => (await api.query.system.account(who.address)).data;
    const paidBy = (events) => find(events, 'transactionPayment', 'TransactionFeePaid').data.who.toString();
    const sponsorAdmin = api.createType('AccountId', charlie.address).toString();
    assert.equal((await balance(proxy)).free.toBigInt(), 0n);
    let events = await send(api, api.tx.patients.registerPatientFor(null), dave);
    const patient = find(events, 'patients', 'PatientRegistered').data.patient.toHex();
    assert.equal((await api.call.patientsApi.patient(patient)).unwrap().sponsor.unwrap().toNumber(), 0);
    await send(api, api.tx.patients.addDelegate(patient, proxy.address, 'Proxy', null), charlie);

    // The proxy grants and revokes consent: the fees and the grant's deposit are the sponsor's.
    const heldBefore = (await balance(charlie)).reserved.toBigInt();
    events = await send(api,
      api.tx.consent.grantConsent(patient, { Organization: 1 }, 'All', 'Payment', null, null), proxy);
    const grant = find(events, 'consent', 'ConsentGranted').data.grant.toNumber();
    assert.equal(paidBy(events), sponsorAdmin);
    assert.equal(find(events, 'patients', 'CallSponsored').data.calls.toNumber(), 1);
    assert.equal((await balance(charlie)).reserved.toBigInt() - heldBefore,
      api.consts.consent.grantDeposit.toBigInt());
    events = await send(api, api.tx.consent.revokeConsent(grant), proxy);
    assert.equal(paidBy(events), sponsorAdmin);
    assert.equal((await balance(charlie)).reserved.toBigInt(), heldBefore);
    assert.equal((await api.query.patients.sponsoredCallsOf(patient)).unwrap().calls.toNumber(), 2);
    const account = await balance(proxy);
    assert.equal(account.free.toBigInt() + account.reserved.toBigInt(), 0n, 'the proxy never held funds');

    // A call with a tip is the signer's to pay, and this one cannot; nor can it act for anyone
    // else: the node refuses both before any block.
    await assert.rejects(
      new Promise((resolve, reject) => api.tx.consent.revokeConsent(grant)
        .signAndSend(proxy, { tip: 1 }, ({ status }) => status.isInBlock && resolve()).catch(reject)),
      /1010: Invalid Transaction: Inability to pay some fees/,
    );
    await assert.rejects(send(api, api.tx.patients.setCommitment(bob, null), proxy),
      /1010: Invalid Transaction: Inability to pay some fees/);

    // Stepping down (sponsored too), the proxy has no role left; its account stays, with its
    // nonce, so that its old transactions can never be replayed.
    events = await send(api, api.tx.patients.removeDelegate(patient, proxy.address), proxy);
    assert.equal(paidBy(events), sponsorAdmin);
    const left = await api.query.system.account(proxy.address);
    assert.equal(left.nonce.toNumber(), 3);
    assert.equal(left.data.free.toBigInt(), 0n);
  });
});
