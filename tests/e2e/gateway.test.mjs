// The record gateway between two providers: a record uploaded at the hospital's gateway (A) is
// refused to the clinic (B's member) without consent, with nothing logged; released after the
// patient's grant, the bytes matching the anchor and the release in the patient's access trail;
// refused after revocation. A replayed, stale, unsigned or forged request is refused; a blob
// altered in A's database is not served; a restarted gateway keeps its records. The patient
// fetches the record with their own key, unlogged (a delegate is not exempt); the patient gets the accounting
// of disclosures as a FHIR Bundle that the client checks against the trail on chain, and a
// trail entry dropped from the gateway's index is caught. Run on SQLite, and on PostgreSQL when
// scripts/test.sh has started a server (MEDCHAIN_TEST_POSTGRES).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomAsHex } from '@polkadot/util-crypto';
import { send, find, useDevChain, dev as k } from './lib/chain.mjs';
import { slow, waitFor, START_TIMEOUT_MS } from './lib/node.mjs';
import {
  startGateway, upload, signedRelease, signedDisclosures, fetchWithClient, disclosuresWithClient,
} from './lib/gateway.mjs';

const postgres = process.env.MEDCHAIN_TEST_POSTGRES;

/** A new database on the test's PostgreSQL server; its URL. */
function postgresDatabase() {
  const name = `gateway_${randomAsHex(6).slice(2)}`;
  execFileSync('psql', [`${postgres}/postgres`, '-qc', `CREATE DATABASE ${name}`]);
  return `${postgres}/${name}`;
}

/** Run `postgres` or `sqlite` (the SQL for the gateway's backend) in its database, behind its back. */
function behindItsBack(gateway, { postgres: forPostgres, sqlite }) {
  if (gateway.databaseUrl.startsWith('postgres')) {
    execFileSync('psql', [gateway.databaseUrl, '-qc', forPostgres]);
  } else {
    const file = gateway.databaseUrl.replace('sqlite://', '');
    execFileSync('python3', ['-c', `import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute(sys.argv[2])
db.commit()`, file, sqlite]);
  }
}

/** Overwrite the ciphertext of `record` in the gateway's database with zeros. */
function tamper(gateway, record) {
  behindItsBack(gateway, {
    postgres: `UPDATE records SET ciphertext = decode(repeat('00', length(ciphertext)), 'hex') WHERE record_id = ${record}`,
    sqlite: `UPDATE records SET ciphertext = zeroblob(length(ciphertext)) WHERE record_id = ${record}`,
  });
}

/** Drop the latest entry of `patient`'s (hex) trail from the gateway's index. */
function dropLatestTrailEntry(gateway, patient) {
  const hex = patient.slice(2);
  const of = (blob) => `patient = ${blob} AND idx = (SELECT max(idx) FROM trail_entries WHERE patient = ${blob})`;
  behindItsBack(gateway, {
    postgres: `DELETE FROM trail_entries WHERE ${of(`decode('${hex}', 'hex')`)}`,
    sqlite: `DELETE FROM trail_entries WHERE ${of(`X'${hex}'`)}`,
  });
}

const backends = [{ name: 'SQLite', database: () => undefined }];
if (postgres) backends.push({ name: 'PostgreSQL', database: postgresDatabase });

for (const backend of backends) {
  describe(`record gateway between two providers (${backend.name})`, () => {
    const chain = useDevChain();
    let api;
    let bob; // the dev preset's patient
    let genesis;
    let a; // the hospital's gateway (provider 0; Dave is its member)
    let b; // the clinic's gateway (provider 2, admitted here; Ferdie is its admin)
    let record;
    let content;
    let clinicGrant;
    const trailCount = async () => (await api.query.consent.accessTrails(bob)).count.toNumber();
    const client = (gateway, uri, id = record) => fetchWithClient(gateway, chain.node.wsUrl, uri, id);

    before(async () => {
      ({ api } = chain);
      bob = (await api.query.patients.patientOf(k('//Bob').address)).unwrap();
      genesis = api.genesisHash.toU8a();
      await send(api, api.tx.sudo.sudo(api.tx.patients.admitOrganization(k('//Ferdie').address, 'Provider')),
        k('//Alice'));
      // Bob lets the hospital hold his records, so it may anchor them.
      await send(api, api.tx.consent.grantConsent(bob, { Organization: 0 }, 'All', 'Treatment', null, null),
        k('//Bob'), { finalized: true });
      a = await startGateway({ memberUri: '//Dave', nodeUrl: chain.node.wsUrl, databaseUrl: backend.database() });
      b = await startGateway({ memberUri: '//Ferdie', nodeUrl: chain.node.wsUrl, databaseUrl: backend.database() });
    }, { timeout: START_TIMEOUT_MS * 2 });

    after(async () => {
      await a?.stop();
      await b?.stop();
    });

    it('keeps an upload sealed, anchors it, and answers with the record id once finalized', slow, async () => {
      content = Buffer.from(`potassium 4.1 mmol/L, Bob, ${randomAsHex(8)}`);
      const response = await upload(a, bob.toHex(), 'LabResult', content);
      assert.equal(response.status, 201, await response.clone().text());
      const answer = await response.json();
      assert.equal(answer.status, 'finalized');
      record = answer.record;
      const onChain = (await api.call.recordsApi.record(record)).unwrap().anchor;
      assert.equal(onChain.custodian.toNumber(), 0);
      assert.equal(onChain.contentHash.toHex(), answer.contentHash);
      assert.equal(onChain.algorithm.type, 'HmacSha2_256');
      if (backend.name === 'SQLite') {
        for (const file of readdirSync(a.dir).filter((name) => name.startsWith('gateway.db'))) {
          assert.ok(!readFileSync(join(a.dir, file)).includes(content), `${file} holds the record in clear`);
        }
      }
      // The custodian's own systems only, and a category the chain knows.
      assert.equal((await upload(a, bob.toHex(), 'LabResult', content, 'not-the-token')).status, 401);
      assert.equal((await upload(a, bob.toHex(), 'Gossip', content)).status, 400);
    });

    it('refuses the clinic without consent, and an account of no organization, logging nothing', slow, async () => {
      const logged = await trailCount();
      let run = await client(a, '//Ferdie');
      assert.notEqual(run.code, 0);
      assert.match(run.stderr, /403 no-consent/);
      run = await client(a, '//Stranger');
      assert.match(run.stderr, /403 unknown-account/);
      // The client signs for the record's custodian: another gateway cannot use the request.
      run = await client(b, '//Ferdie');
      assert.match(run.stderr, /401 bad-signature/);
      // Asked in its own name, the clinic's gateway does not hold the hospital's record.
      const { response } = await signedRelease(b, k('//Ferdie'), { genesis, custodian: 2, record });
      assert.equal(response.status, 404);
      assert.equal((await response.json()).error, 'unknown-record');
      assert.equal(await trailCount(), logged);
    });

    it('releases the record after the patient grants the clinic, logged in the access trail', slow, async () => {
      const events = await send(api, api.tx.consent.grantConsent(bob, { Organization: 2 },
        { Categories: ['LabResult'] }, 'Treatment', null, null), k('//Bob'), { finalized: true });
      clinicGrant = find(events, 'consent', 'ConsentGranted').data.grant.toNumber();
      const logged = await trailCount();
      const run = await client(a, '//Ferdie');
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(readFileSync(run.out), content);
      const answer = JSON.parse(run.stdout);
      assert.equal(answer.verified, true);
      assert.equal(answer.trailIndex, logged + 1);
      assert.equal(await trailCount(), logged + 1);
      const inBlock = (await (await api.at(answer.loggedIn)).query.system.events()).map(({ event }) => event);
      const release = find(inBlock, 'consent', 'ReleaseLogged').data;
      assert.equal(release.accessor.toString(), api.createType('AccountId', k('//Ferdie').address).toString());
      assert.equal(release.org.toNumber(), 2);
      assert.equal(release.custodian.toNumber(), 0);
      assert.equal(release.record.toNumber(), record);
      assert.equal(release.basis.asGrant.toNumber(), clinicGrant);
    });

    it('refuses a replayed, stale, unsigned or forged request, logging nothing', slow, async () => {
      const ferdie = k('//Ferdie');
      const asked = { genesis, custodian: 0, record };
      const first = await signedRelease(a, ferdie, asked);
      assert.equal(first.response.status, 200, await first.response.clone().text());
      const logged = await trailCount();
      const code = async ({ response }) => [response.status, (await response.json()).error];
      assert.deepEqual(await code(await signedRelease(a, ferdie, { ...asked, headers: first.headers })),
        [409, 'replayed']);
      assert.deepEqual(await code(await signedRelease(a, ferdie, { ...asked, issuedAt: Date.now() - 600_000 })),
        [401, 'stale']);
      assert.deepEqual(await code(await signedRelease(a, ferdie, { ...asked, headers: {} })), [401, 'unsigned']);
      // Eve's signature on a request in Ferdie's name.
      const forged = (await signedRelease(a, k('//Eve'), { ...asked, record: record + 1000 })).headers;
      const headers = { ...forged, 'x-medchain-accessor': first.headers['x-medchain-accessor'] };
      assert.deepEqual(await code(await signedRelease(a, ferdie, { ...asked, headers })), [401, 'bad-signature']);
      // A request signed for another custodian, or another chain.
      assert.deepEqual(await code(await signedRelease(a, ferdie, { ...asked, custodian: 2 })),
        [401, 'bad-signature']);
      assert.deepEqual(await code(await signedRelease(a, ferdie, { ...asked, genesis: new Uint8Array(32) })),
        [401, 'bad-signature']);
      assert.equal(await trailCount(), logged);
    });

    it('does not serve a record altered in its database, and logs nothing', slow, async () => {
      const altered = Buffer.from(`sodium 140 mmol/L, Bob, ${randomAsHex(8)}`);
      const response = await upload(a, bob.toHex(), 'LabResult', altered);
      assert.equal(response.status, 201);
      const { record: other } = await response.json();
      tamper(a, other);
      const logged = await trailCount();
      const run = await client(a, '//Ferdie', other);
      assert.match(run.stderr, /500 tampered/);
      assert.equal(await trailCount(), logged);
      const metrics = await (await fetch(`${a.url}/metrics`)).text();
      assert.match(metrics, /medchain_gateway_refusals_total\{reason="tampered"\} 1/);
    });

    it('keeps its records across a restart', slow, async () => {
      assert.deepEqual(await a.stop(), { code: 0, signal: null });
      await a.start();
      const run = await client(a, '//Ferdie');
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(readFileSync(run.out), content);
    });

    it('releases the record to the patient, unlogged; a delegate is not exempt from the log', slow, async () => {
      await send(api, api.tx.patients.addDelegate(bob, k('//BobsDaughter').address, 'NextOfKin', null), k('//Bob'));
      await send(api, api.tx.patients.addDelegate(bob, k('//BobsProxy').address, 'Proxy', null), k('//Bob'),
        { finalized: true });
      const logged = await trailCount();
      let run = await client(a, '//Bob');
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(readFileSync(run.out), content);
      const answer = JSON.parse(run.stdout);
      assert.equal(answer.access, 'patient');
      assert.equal(answer.trailIndex, null);
      // The chain logs releases to organizations only: a delegate of no organization, even one
      // who may see records, gets nothing unlogged.
      for (const delegate of ['//BobsDaughter', '//BobsProxy']) {
        run = await client(a, delegate);
        assert.match(run.stderr, /403 unknown-account/);
      }
      assert.equal(await trailCount(), logged);
    });

    it('refuses the clinic once the patient revokes the grant', slow, async () => {
      await send(api, api.tx.consent.revokeConsent(clinicGrant), k('//Bob'), { finalized: true });
      const logged = await trailCount();
      const run = await client(a, '//Ferdie');
      assert.match(run.stderr, /403 no-consent/);
      assert.equal(await trailCount(), logged);
    });

    it('gives the patient the accounting of disclosures, checked against the trail on chain', slow, async () => {
      const ask = (uri) => disclosuresWithClient(a, chain.node.wsUrl, uri, bob.toHex());
      // One entry of every other kind in Bob's trail: an access the hospital logs itself, and a
      // break-glass window opened, extended by a second member, and reviewed by an auditor.
      await send(api, api.tx.consent.logAccess(bob, record, 'Treatment'), k('//Dave'));
      const opened = find(await send(api, api.tx.consent.breakGlass(bob, 'UrgentCare'), k('//Dave')),
        'consent', 'BreakGlassOpened').data.index.toNumber();
      await send(api, api.tx.consent.extendBreakGlass(bob, 0), k('//Charlie'));
      await send(api, api.tx.sudo.sudo(api.tx.patients.admitOrganization(k('//Alice').address, 'Auditor')),
        k('//Alice'));
      await send(api, api.tx.consent.reviewBreakGlass(bob, opened, 'Justified'), k('//Alice'), { finalized: true });
      // Once the gateway has indexed the block finalized now, the list holds every release above.
      const finalized = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
      await waitFor('the trails indexed', async () => {
        const metrics = await (await fetch(`${a.url}/metrics`)).text();
        return Number(/medchain_gateway_trail_indexed_block (\d+)/.exec(metrics)?.[1] ?? 0) >= finalized;
      }, 60_000);
      let run = await ask('//Bob');
      assert.equal(run.code, 0, run.stderr);
      const answer = JSON.parse(run.stdout);
      assert.equal(answer.verified, true);
      const through = await api.rpc.chain.getBlockHash(answer.throughBlock);
      const onChain = await (await api.at(through)).query.consent.accessTrails(bob);
      assert.equal(answer.entries, onChain.count.toNumber());
      assert.equal(answer.head, onChain.head.toHex());
      // The three releases to the clinic above, in the whole trail of Bob with the rest.
      assert.equal(answer.releases, 3);
      assert.equal(answer.accesses, 1);
      assert.equal(answer.breakGlass, 1);
      const bundle = JSON.parse(readFileSync(run.out, 'utf8'));
      assert.equal(bundle.resourceType, 'Bundle');
      const kinds = new Set(bundle.entry.map(({ resource }) => resource.subtype[0].code));
      assert.deepEqual([...kinds].sort(), ['accessed', 'break-glass-extended', 'break-glass-opened',
        'break-glass-reviewed', 'released']);
      const released = bundle.entry.map(({ resource }) => resource)
        .filter((event) => event.subtype[0].code === 'released');
      assert.equal(released.length, 3);
      const ferdie = api.createType('AccountId', k('//Ferdie').address).toHex();
      for (const event of released) {
        assert.equal(event.resourceType, 'AuditEvent');
        assert.equal(event.agent[0].who.identifier.value, ferdie);
        assert.equal(event.agent[1].who.identifier.value, '2');
        assert.equal(event.source.observer.identifier.value, '0');
        assert.equal(event.purposeOfEvent[0].coding[0].code, 'TREAT');
      }

      // A delegate who may see records gets it too; the clinic and a proxy do not.
      run = await ask('//BobsDaughter');
      assert.equal(run.code, 0, run.stderr);
      assert.match((await ask('//Ferdie')).stderr, /403 not-patient/);
      assert.match((await ask('//BobsProxy')).stderr, /403 not-patient/);

      // A replayed or stale request for it is refused, and so is a signature made for anything
      // else: a release request of the patient's, or a request for another custodian.
      const code = async ({ response }) => [response.status, (await response.json()).error];
      const asked = { genesis, custodian: 0, patient: bob.toU8a() };
      const first = await signedDisclosures(a, k('//Bob'), asked);
      assert.equal(first.response.status, 200, await first.response.clone().text());
      assert.deepEqual(await code(await signedDisclosures(a, k('//Bob'), { ...asked, headers: first.headers })),
        [409, 'replayed']);
      assert.deepEqual(await code(await signedDisclosures(a, k('//Bob'), { ...asked, issuedAt: Date.now() - 600_000 })),
        [401, 'stale']);
      const release = (await signedRelease(a, k('//Bob'), { genesis, custodian: 0, record })).headers;
      assert.deepEqual(await code(await signedDisclosures(a, k('//Bob'), { ...asked, headers: release })),
        [401, 'bad-signature']);
      assert.deepEqual(await code(await signedDisclosures(a, k('//Bob'), { ...asked, custodian: 2 })),
        [401, 'bad-signature']);

      // An entry left out of the gateway's index: the client finds the list short of the chain's.
      dropLatestTrailEntry(a, bob.toHex());
      run = await ask('//Bob');
      assert.notEqual(run.code, 0);
      assert.match(run.stderr, /MISMATCH: at block #\d+ the chain's trail has \d+ entries/);
    });
  });
}
