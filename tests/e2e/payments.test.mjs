// Claims through @polkadot/api, as provider billing systems and insurers use them: a provider
// bills an insurer citing an anchored record, the insurer funds its escrow and approves in part,
// the escrow pays the provider, the patient pays the co-pay; a denial is appealed and decided
// again; errors come back by name.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { stringToU8a, u8aToHex } from '@polkadot/util';
import { checkDocument, onChain, withSalt } from './lib/claim-lines.mjs';
import { saltedRecord } from './lib/record-hash.mjs';
import { send, find, useDevChain, dev as k } from './lib/chain.mjs';
import { slow } from './lib/node.mjs';

const MED = 10n ** 12n;

describe('claims and payments from @polkadot/api', () => {
  const chain = useDevChain();
  let api;
  let bob; // the dev preset's patient
  let summary; // the content hash of an anchored discharge summary
  let claim;
  // The claim document the hospital sends the insurer off chain: 2 × 30 MED inpatient visits
  // (CPT 99223), each line with its own salt. The chain gets only each line's commitment and
  // amount.
  const document = [withSalt({ system: 'CPT', code: '99223', quantity: 2, unitPrice: 30n * MED })];

  /**
   * Dave (provider 0) bills insurer 1 for Bob, citing the summary, payable to Charlie, provider
   * 0's admin (a member may not name another payee).
   */
  const submit = () => api.tx.payments.submitClaim(bob, 1, k('//Charlie').address,
    document.map(onChain), [summary]);

  before(async () => {
    ({ api } = chain);
    bob = (await api.query.patients.patientOf(k('//Bob').address)).unwrap();
  });

  it('a provider bills an insurer only with the patient\'s consent to payment', slow, async () => {
    // Bob lets the hospital treat him; Dave anchors the discharge summary.
    await send(api,
      api.tx.consent.grantConsent(bob, { Organization: 0 }, 'All', 'Treatment', null, null), k('//Bob'));
    summary = saltedRecord('discharge summary, held by the hospital').contentHash;
    await send(api,
      api.tx.records.anchorRecord(bob, summary, 'KeyedBlake2_256', 'DischargeSummary', null), k('//Dave'));

    await assert.rejects(send(api, submit(), k('//Dave')), /payments\.NoPayerConsent/);
    await send(api,
      api.tx.consent.grantConsent(bob, { Organization: 1 }, 'All', 'Payment', null, null), k('//Bob'));
    const events = await send(api, submit(), k('//Dave'));
    const submitted = find(events, 'payments', 'ClaimSubmitted').data;
    claim = submitted.claim.toNumber();
    assert.equal(submitted.total.toBigInt(), 60n * MED);
    assert.deepEqual((await api.call.paymentsApi.openClaimsOfPayer(1, null, 10)).map((id) => id.toNumber()),
      [claim]);

    // The insurer checks the document against the claim on chain before it adjudicates; a
    // document that bills another service, or more of it, does not check.
    const { lines } = (await api.call.paymentsApi.claim(claim)).unwrap();
    checkDocument(document, lines);
    assert.throws(() => checkDocument([{ ...document[0], code: '90837' }], lines), /line 1: the document/);
    assert.throws(() => checkDocument([{ ...document[0], quantity: 3 }], lines), /line 1: the document/);
    // What a consortium member reads on chain is the commitment and the amount, never the code.
    const stored = u8aToHex((await api.query.payments.claims(claim)).unwrap().toU8a());
    assert.ok(!stored.includes(u8aToHex(stringToU8a('99223')).slice(2)), 'no service code on chain');
  });

  it('the insurer approves in part from its escrow; the provider and the patient are paid', slow, async () => {
    const eve = k('//Eve'); // admin of insurer 1
    await assert.rejects(
      send(api, api.tx.payments.approveClaim(claim, [50n * MED], 10n * MED), eve),
      /payments\.InsufficientEscrow/,
    );
    await send(api, api.tx.payments.fundEscrow(100n * MED), eve);
    await assert.rejects(
      send(api, api.tx.payments.approveClaim(claim, [61n * MED], 0), eve),
      /payments\.OverApproval/,
    );
    let events = await send(api, api.tx.payments.approveClaim(claim, [50n * MED], 10n * MED), eve);
    const approved = find(events, 'payments', 'ClaimApproved').data;
    assert.equal(approved.payerAmount.toBigInt(), 40n * MED);
    assert.equal(approved.patientAmount.toBigInt(), 10n * MED);

    const charlie = k('//Charlie').address;
    const before = (await api.query.system.account(charlie)).data.free.toBigInt();
    events = await send(api, api.tx.payments.settleClaim(claim), k('//Ferdie'));
    assert.equal(find(events, 'payments', 'PayerPaid').data.amount.toBigInt(), 40n * MED);
    events = await send(api, api.tx.payments.payPatientShare(claim), k('//Bob'));
    find(events, 'payments', 'ClaimSettled');
    const after = (await api.query.system.account(charlie)).data.free.toBigInt();
    assert.equal(after - before, 50n * MED);

    const stored = (await api.call.paymentsApi.claim(claim)).unwrap();
    assert.ok(stored.status.isSettled);
    const escrow = (await api.call.paymentsApi.escrow(1)).unwrap();
    assert.equal(escrow.held.toBigInt(), 60n * MED);
    assert.equal(escrow.committed.toBigInt(), 0n);
    await assert.rejects(send(api, api.tx.payments.settleClaim(claim), k('//Ferdie')),
      /payments\.AlreadyPaid/);
  });

  it('a denial is appealed once and decided again', slow, async () => {
    let events = await send(api, submit(), k('//Dave'));
    const second = find(events, 'payments', 'ClaimSubmitted').data.claim.toNumber();
    events = await send(api, api.tx.payments.denyClaim(second, 'MissingEvidence'), k('//Eve'));
    assert.ok(find(events, 'payments', 'ClaimDenied').data.appealClosesAt.isSome);
    await send(api, api.tx.payments.appealDenial(second), k('//Dave'));
    events = await send(api, api.tx.payments.denyClaim(second, 'NotCovered'), k('//Eve'));
    assert.ok(find(events, 'payments', 'ClaimDenied').data.appealClosesAt.isNone);
    await assert.rejects(send(api, api.tx.payments.appealDenial(second), k('//Dave')),
      /payments\.AlreadyAppealed/);
    const stored = (await api.call.paymentsApi.claim(second)).unwrap();
    assert.ok(stored.status.isDenied);
    assert.ok(stored.status.asDenied.appealClosesAt.isNone, 'a denial on appeal is final');
  });
});
