// Throughput of a release dev node on loopback, as a hospital network would load it.
//
// Starts `medchain-node --dev --tmp` with a large transaction pool, funds many sender accounts,
// makes them members of provider 0, and has the demo patient Bob consent to provider 0. Then, for
// each workload, it pre-signs N extrinsics spread over the senders, submits them all at once over
// one WebSocket, and watches the best chain until every one is included. An extrinsic counts
// only if its block's events say `ExtrinsicSuccess`; failures are reported by error name. It
// reports sustained successful-per-second (successes over the time from the first submission to
// the last inclusion) and time-to-inclusion percentiles, and from the node's log why its block
// builder closed each block (the weight limit, its deadline, or an empty pool), as JSON on stdout
// and in --out.
//
// Workloads: (a) balances.transferKeepAlive, the baseline; (b) records.anchorRecord;
// (c) records.anchorBatch, end to end: hashing the documents, building each tree with every
// leaf's proof (in worker threads), anchoring the roots, waiting for them in blocks, and
// verifying one proof per batch through the runtime API; (d) consent.logAccess.
//
// Usage: node tools/throughput.mjs [--count 6000] [--senders 48] [--batches 4]
//          [--leaves 1048576] [--doc-bytes 256] [--out report.json]
import { parseArgs } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import { hexToU8a } from '@polkadot/util';
import { startNode } from '../lib/node.mjs';
import { saltedRecord } from '../lib/record-hash.mjs';
import { send, find, describeError, dev as k } from '../lib/chain.mjs';

const { values: options } = parseArgs({
  options: {
    count: { type: 'string', default: '6000' },
    senders: { type: 'string', default: '48' },
    batches: { type: 'string', default: '4' },
    leaves: { type: 'string', default: String(2 ** 20) },
    'doc-bytes': { type: 'string', default: '256' },
    out: { type: 'string' },
  },
});
const COUNT = Number(options.count);
const SENDERS = Number(options.senders);
const BATCHES = Number(options.batches);
const LEAVES = Number(options.leaves);
const DOC_BYTES = Number(options['doc-bytes']);
// The pool must hold a whole workload at once: say so in the report.
const POOL = { limit: 50_000, kbytes: 200_000 };
const MED = 10n ** 12n;
const INCLUSION_TIMEOUT_MS = 15 * 60_000;

await cryptoWaitReady();
const node = await startNode(['--dev', '--tmp',
  '--pool-limit', String(POOL.limit), '--pool-kbytes', String(POOL.kbytes),
  '--rpc-max-connections', '1000', '--rpc-max-request-size', '100', '--rpc-max-response-size', '100']);
// However this process ends, the node ends with it.
process.on('exit', () => {
  try {
    process.kill(node.pid, 'SIGKILL');
  } catch {
    // already stopped
  }
});
process.on('uncaughtException', (e) => {
  console.error(`${e.stack}\n--- last node log lines ---\n${node.logs(60)}`);
  process.exit(1);
});
const provider = new WsProvider(node.wsUrl);
const api = await ApiPromise.create({ provider, noInitWarn: true });

/** The best block number. */
const best = async () => (await api.rpc.chain.getHeader()).number.toNumber();

/**
 * Watch the best chain from the next block on; `track(hash, at)` registers an extrinsic hash
 * submitted at `at` (ms); `done()` resolves with the inclusion times once all are in.
 */
function watchInclusions() {
  const pending = new Map();
  const included = [];
  const perBlock = [];
  let next = null;
  let finish;
  const finished = new Promise((resolve) => { finish = resolve; });
  let chain = Promise.resolve();
  const scan = async (number) => {
    if (next === null) next = number;
    for (; next <= number; next += 1) {
      const hash = await provider.send('chain_getBlockHash', [next]);
      const block = await provider.send('chain_getBlock', [hash]);
      const seen = Date.now();
      // The outcome of each extrinsic of the block, by its index: undefined if it succeeded,
      // else its error by name.
      const outcomes = new Map();
      for (const { phase, event } of await (await api.at(hash)).query.system.events()) {
        if (!phase.isApplyExtrinsic || event.section !== 'system') continue;
        const index = phase.asApplyExtrinsic.toNumber();
        if (event.method === 'ExtrinsicSuccess') outcomes.set(index, undefined);
        if (event.method === 'ExtrinsicFailed') outcomes.set(index, describeError(api, event.data.dispatchError));
      }
      let mine = 0;
      block.block.extrinsics.forEach((extrinsic, index) => {
        const extrinsicHash = blake2AsHex(hexToU8a(extrinsic));
        const submitted = pending.get(extrinsicHash);
        if (submitted !== undefined) {
          pending.delete(extrinsicHash);
          const error = outcomes.has(index) ? outcomes.get(index) : 'no ExtrinsicSuccess or ExtrinsicFailed event';
          included.push({ submitted, seen, error });
          mine += 1;
        }
      });
      if (mine > 0) perBlock.push(mine);
      if (pending.size === 0 && included.length > 0) finish();
    }
  };
  const unsubscribe = api.rpc.chain.subscribeNewHeads((header) => {
    chain = chain.then(() => scan(header.number.toNumber())).catch((e) => console.error(e));
  });
  return {
    track: (hash, at) => pending.set(hash, at),
    async done() {
      const timer = new Promise((_, reject) => setTimeout(
        () => reject(new Error(`${pending.size} extrinsics not included in time`)), INCLUSION_TIMEOUT_MS));
      await Promise.race([finished, timer]);
      (await unsubscribe)();
      return { included, perBlock };
    },
  };
}

/** Submit pre-signed `extrinsics` (hex) as fast as the RPC takes them; wait for all in blocks. */
async function submitAll(extrinsics) {
  const watch = watchInclusions();
  const started = Date.now();
  const inFlight = 512;
  for (let i = 0; i < extrinsics.length; i += inFlight) {
    await Promise.all(extrinsics.slice(i, i + inFlight).map(async (hex) => {
      const at = Date.now();
      watch.track(blake2AsHex(hexToU8a(hex)), at);
      await provider.send('author_submitExtrinsic', [hex]);
    }));
  }
  const { included, perBlock } = await watch.done();
  return { started, included, perBlock };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** The extrinsics of `included` that failed, counted by error name. */
function failuresOf(included) {
  const failed = {};
  for (const { error } of included) if (error !== undefined) failed[error] = (failed[error] ?? 0) + 1;
  return failed;
}

function summarize(name, { started, included, perBlock }, extra = {}) {
  const last = Math.max(...included.map((x) => x.seen));
  const succeeded = included.filter((x) => x.error === undefined);
  const latencies = succeeded.map((x) => x.seen - x.submitted).sort((a, b) => a - b);
  const seconds = (last - started) / 1000;
  return {
    workload: name,
    extrinsics: included.length,
    succeeded: succeeded.length,
    failed: failuresOf(included),
    seconds: Number(seconds.toFixed(2)),
    succeededPerSecond: Number((succeeded.length / seconds).toFixed(1)),
    blocks: perBlock.length,
    maxPerBlock: Math.max(...perBlock),
    inclusionMs: { p50: percentile(latencies, 50), p90: percentile(latencies, 90), p99: percentile(latencies, 99) },
    ...extra,
  };
}

/** Pre-sign `count` calls made by `makeCall(i)`, round-robin over `senders`, immortal. */
async function presign(senders, count, makeCall) {
  const nonces = await Promise.all(senders.map(async (s) => (await api.rpc.system.accountNextIndex(s.address)).toNumber()));
  const signed = [];
  for (let i = 0; i < count; i += 1) {
    const s = i % senders.length;
    const tx = await makeCall(i).signAsync(senders[s], { nonce: nonces[s], era: 0 });
    nonces[s] += 1;
    signed.push(tx.toHex());
    // Let I/O through (the node's log pipe, the WebSocket): signing alone would starve it.
    if (i % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
  }
  return signed;
}

// Setup: senders funded by Alice, made members of provider 0 by its admin Charlie, and Bob's
// consent for provider 0 to hold and see his records for treatment.
const senders = Array.from({ length: SENDERS }, (_, i) => k(`//Load//${i}`));
const setup = [];
setup.push(...await presign([k('//Alice')], SENDERS, (i) => api.tx.balances.transferKeepAlive(senders[i].address, 10_000n * MED)));
setup.push(...await presign([k('//Charlie')], SENDERS, (i) => api.tx.patients.addMember(senders[i].address)));
await submitAll(setup);
const bob = (await api.query.patients.patientOf(k('//Bob').address)).unwrap();
await send(api, api.tx.consent.grantConsent(bob, { Organization: 0 }, 'All', 'Treatment', null, null), k('//Bob'));
const recordEvents = await send(api, api.tx.records.anchorRecord(bob, saltedRecord('accessed record').contentHash, 'KeyedBlake2_256', 'LabResult', null), k('//Dave'));
const record = find(recordEvents, 'records', 'RecordAnchored').data.record;

/**
 * Run `work` while reading the block builder's log: of the blocks it prepared with at least one
 * extrinsic (mined or not: the PoW worker asks for a new proposal every few seconds), how many
 * ended for each reason, and how long the building took.
 */
async function withProposals(work) {
  const prepared = [];
  const stop = node.onLine((line) => {
    const plain = line.replace(/\x1b\[[0-9;]*m/g, '');
    const m = /Prepared block for proposing at \d+ \((\d+) ms\).*; end: (\w+); extrinsics_count: (\d+)/.exec(plain);
    if (m && Number(m[3]) > 0) prepared.push({ ms: Number(m[1]), end: m[2], extrinsics: Number(m[3]) });
  });
  try {
    const outcome = await work();
    const ends = {};
    for (const { end } of prepared) ends[end] = (ends[end] ?? 0) + 1;
    const ms = prepared.map((p) => p.ms).sort((a, b) => a - b);
    const full = prepared.filter((p) => p.end === 'HitBlockWeightLimit').map((p) => p.extrinsics);
    return [outcome, {
      prepared: prepared.length,
      ends,
      buildMs: { p50: percentile(ms, 50), max: ms.at(-1) },
      extrinsicsWhenFullByWeight: full.length ? Math.max(...full) : null,
    }];
  } finally {
    stop();
  }
}

const results = [];
const run = async (name, makeCall) => {
  const signed = await presign(senders, COUNT, makeCall);
  const [outcome, proposals] = await withProposals(() => submitAll(signed));
  const result = summarize(name, outcome, { proposals });
  console.error(JSON.stringify(result));
  results.push(result);
  return result;
};
const baseline = await run('balances.transferKeepAlive', () => api.tx.balances.transferKeepAlive(k('//Ferdie').address, MED));
const single = await run('records.anchorRecord', (i) =>
  api.tx.records.anchorRecord(bob, saltedRecord(`record ${i}`).contentHash, 'KeyedBlake2_256', 'LabResult', null));
const access = await run('consent.logAccess', () => api.tx.consent.logAccess(bob, record, 'Treatment'));

// (c) Batches, end to end, pipelined as a provider system would run it: worker threads (one per
// core) hash the documents and build each tree with every leaf's proof; each root is signed and
// submitted as soon as its tree is done; then one proof per batch is verified through the
// runtime API.
const batchStart = Date.now();
const batchWatch = watchInclusions();
const batchNonces = await Promise.all(senders.slice(0, BATCHES).map(async (s) =>
  (await api.rpc.system.accountNextIndex(s.address)).toNumber()));
const workers = Array.from({ length: Math.min(BATCHES, cpus().length) },
  () => new Worker(new URL('./batch-worker.mjs', import.meta.url)));
let hashedAt = 0;
const trees = await new Promise((resolve, reject) => {
  const done = [];
  let next = 0;
  const give = (worker) => {
    if (next < BATCHES) worker.postMessage({ batch: next++, leaves: LEAVES, docBytes: DOC_BYTES });
  };
  for (const worker of workers) {
    worker.on('error', reject);
    worker.on('message', async (tree) => {
      give(worker);
      try {
        const signed = await api.tx.records.anchorBatch(tree.root, LEAVES)
          .signAsync(senders[tree.batch], { nonce: batchNonces[tree.batch], era: 0 });
        batchWatch.track(signed.hash.toHex(), Date.now());
        await provider.send('author_submitExtrinsic', [signed.toHex()]);
      } catch (e) {
        reject(e);
      }
      done.push(tree);
      if (done.length === BATCHES) {
        hashedAt = Date.now();
        resolve(done);
      }
    });
    give(worker);
  }
});
await Promise.all(workers.map((worker) => worker.terminate()));
const batchRun = { started: batchStart, ...await batchWatch.done() };
const batchFailures = failuresOf(batchRun.included);
if (Object.keys(batchFailures).length > 0) throw new Error(`batch anchors failed: ${JSON.stringify(batchFailures)}`);
for (const tree of trees) {
  const verified = await api.call.recordsApi.verifyInBatch(tree.root, tree.sample.leaf, tree.sample.proof);
  if (verified.length === 0) throw new Error(`proof of ${tree.sample.leaf} in ${tree.root} not verified`);
}
const batchSeconds = (Date.now() - batchStart) / 1000;
const batch = summarize('records.anchorBatch', batchRun, {
  records: BATCHES * LEAVES,
  recordsPerSecondEndToEnd: Math.round((BATCHES * LEAVES) / batchSeconds),
  secondsEndToEnd: Number(batchSeconds.toFixed(2)),
  secondsUntilLastTreeBuilt: Number(((hashedAt - batchStart) / 1000).toFixed(2)),
  documentBytes: DOC_BYTES,
  proofBytesBuilt: trees.reduce((sum, tree) => sum + tree.proofBytes, 0),
  workerThreads: workers.length,
  proofsVerifiedThroughRuntimeApi: trees.length,
});
console.error(JSON.stringify(batch));
results.push(batch);

const report = {
  date: new Date().toISOString(),
  machine: { cores: cpus().length, cpu: cpus()[0]?.model },
  node: 'medchain-node --dev (release), one miner, loopback',
  pool: { '--pool-limit': POOL.limit, '--pool-kbytes': POOL.kbytes },
  options: { count: COUNT, senders: SENDERS, batches: BATCHES, leaves: LEAVES, docBytes: DOC_BYTES },
  bestBlock: await best(),
  results,
  ratioToTransfer: {
    'records.anchorRecord': Number((single.succeededPerSecond / baseline.succeededPerSecond).toFixed(2)),
    'consent.logAccess': Number((access.succeededPerSecond / baseline.succeededPerSecond).toFixed(2)),
  },
  targets: {
    'single anchoring >= 50% of transfers': single.succeededPerSecond >= 0.5 * baseline.succeededPerSecond,
    'batch anchoring >= 100,000 records/s end to end': batch.recordsPerSecondEndToEnd >= 100_000,
  },
};
const json = JSON.stringify(report, null, 2);
console.log(json);
if (options.out) {
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, `${json}\n`);
}
await api.disconnect();
await node.stop();
