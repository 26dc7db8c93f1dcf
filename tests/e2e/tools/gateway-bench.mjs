// The record gateway's numbers on this machine: uploads anchored per second, and the latency of
// a release (signature, consent check at the finalized block, the release logged on chain, the
// bytes back), against a release dev node on loopback.
//
// Starts `medchain-node --dev --tmp` and the hospital's gateway (provider 0, Dave's key, SQLite
// unless --database-url), has Bob consent to the hospital holding his records and to Ferdie's
// clinic seeing them. Then uploads --uploads records of --bytes random bytes, --concurrency at a
// time, each acknowledged once its anchor is in a block as --acknowledge says; then asks for
// --releases of them one after another as Ferdie, each a fresh signed request. Reports JSON on
// stdout and in --out.
//
// Usage: node tools/gateway-bench.mjs [--uploads 200] [--concurrency 50] [--bytes 4096]
//          [--releases 30] [--acknowledge finalized|best] [--database-url URL] [--out report.json]
import { parseArgs } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { cpus, hostname } from 'node:os';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { randomAsU8a } from '@polkadot/util-crypto';
import { startNode } from '../lib/node.mjs';
import { send, dev as k } from '../lib/chain.mjs';
import { startGateway, upload, signedRelease } from '../lib/gateway.mjs';

const { values: options } = parseArgs({
  options: {
    uploads: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '50' },
    bytes: { type: 'string', default: '4096' },
    releases: { type: 'string', default: '30' },
    acknowledge: { type: 'string', default: 'finalized' },
    'database-url': { type: 'string' },
    out: { type: 'string' },
  },
});
const uploads = Number(options.uploads);
const concurrency = Number(options.concurrency);
const releases = Number(options.releases);

/** The `p` percentile (0–100) of `values` in ms, nearest rank. */
function percentile(values, p) {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

const node = await startNode();
const api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
let gateway;
try {
  const bob = (await api.query.patients.patientOf(k('//Bob').address)).unwrap();
  await send(api, api.tx.sudo.sudo(api.tx.patients.admitOrganization(k('//Ferdie').address, 'Provider')),
    k('//Alice'));
  await send(api, api.tx.consent.grantConsent(bob, { Organization: 0 }, 'All', 'Treatment', null, null), k('//Bob'));
  await send(api, api.tx.consent.grantConsent(bob, { Organization: 2 }, 'All', 'Treatment', null, null), k('//Bob'),
    { finalized: true });
  gateway = await startGateway({ memberUri: '//Dave', nodeUrl: node.wsUrl, databaseUrl: options['database-url'],
    acknowledge: options.acknowledge });

  const records = [];
  const uploadMs = [];
  const failures = {};
  /** The first message of each refusal code, to say why. */
  const messages = {};
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < uploads) {
      next += 1;
      const began = performance.now();
      const response = await upload(gateway, bob.toHex(), 'LabResult', randomAsU8a(Number(options.bytes)));
      if (response.status === 201) {
        records.push((await response.json()).record);
        uploadMs.push(performance.now() - began);
      } else {
        const { error: code, message } = await response.json();
        failures[code] = (failures[code] ?? 0) + 1;
        messages[code] ??= message;
      }
    }
  }));
  const uploadSeconds = (performance.now() - started) / 1000;

  const genesis = api.genesisHash.toU8a();
  const releaseMs = [];
  for (const record of records.slice(0, releases)) {
    const began = performance.now();
    const { response } = await signedRelease(gateway, k('//Ferdie'), { genesis, custodian: 0, record });
    await response.arrayBuffer();
    if (response.status === 200) releaseMs.push(performance.now() - began);
    else failures[`release ${response.status}`] = (failures[`release ${response.status}`] ?? 0) + 1;
  }

  const report = {
    date: new Date().toISOString(),
    machine: { host: hostname(), cpu: cpus()[0]?.model, cores: cpus().length },
    acknowledge: options.acknowledge,
    database: options['database-url'] ? 'PostgreSQL' : 'SQLite',
    uploads: {
      offered: uploads,
      anchored: records.length,
      concurrency,
      bytes: Number(options.bytes),
      seconds: Number(uploadSeconds.toFixed(1)),
      perSecond: Number((records.length / uploadSeconds).toFixed(2)),
      latencyMs: { p50: Math.round(percentile(uploadMs, 50)), p95: Math.round(percentile(uploadMs, 95)) },
    },
    releases: {
      asked: Math.min(releases, records.length),
      released: releaseMs.length,
      latencyMs: { p50: Math.round(percentile(releaseMs, 50)), p95: Math.round(percentile(releaseMs, 95)) },
    },
    failures,
    messages,
  };
  console.log(JSON.stringify(report, null, 2));
  if (options.out) {
    mkdirSync(dirname(options.out), { recursive: true });
    writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
  }
} finally {
  await gateway?.stop();
  await api.disconnect();
  await node.stop();
}
