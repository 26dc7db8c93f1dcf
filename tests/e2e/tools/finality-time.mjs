// Time to finality of a running node: for each new best block, the time from when the node
// announces it (chain_subscribeNewHeads) to when a finalized head (chain_subscribeFinalizedHeads)
// reaches its number, and how many blocks the best chain had grown past it by then.
//
// Start the chain first (`scripts/run-dev.sh`, or `scripts/consortium.sh`), then:
//   node tools/finality-time.mjs --url ws://127.0.0.1:9944 --blocks 50 [--out report.json]
// Blocks already best when the tool starts are not counted. Prints JSON: median and p95 of the
// seconds and of the blocks to finality, the mean block time, and the blocks measured.
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { ApiPromise, WsProvider } from '@polkadot/api';

const { values: options } = parseArgs({
  options: {
    url: { type: 'string', default: 'ws://127.0.0.1:9944' },
    blocks: { type: 'string', default: '50' },
    out: { type: 'string' },
  },
});
const WANTED = Number(options.blocks);

/** The `q`-quantile (0..1) of `values`, nearest rank. */
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
};

const api = await ApiPromise.create({ provider: new WsProvider(options.url), noInitWarn: true });
const seen = new Map(); // block number -> ms when it first became best
let bestNumber = 0;
let startNumber;
const measured = []; // { number, seconds, blocks }

const done = new Promise((resolve) => {
  api.rpc.chain.subscribeNewHeads((header) => {
    const number = header.number.toNumber();
    startNumber ??= number;
    bestNumber = Math.max(bestNumber, number);
    if (number > startNumber && !seen.has(number)) seen.set(number, Date.now());
  });
  api.rpc.chain.subscribeFinalizedHeads((header) => {
    const now = Date.now();
    const final = header.number.toNumber();
    for (const [number, at] of [...seen]) {
      if (number > final) continue;
      measured.push({ number, seconds: (now - at) / 1000, blocks: bestNumber - number });
      seen.delete(number);
    }
    if (measured.length >= WANTED) resolve();
  });
});
const startedAt = Date.now();
await done;
const elapsed = (Date.now() - startedAt) / 1000;
measured.sort((a, b) => a.number - b.number).splice(WANTED);
const seconds = measured.map((m) => m.seconds);
const blocks = measured.map((m) => m.blocks);
const report = {
  chain: (await api.rpc.system.chain()).toString(),
  blocks_measured: measured.length,
  first_block: measured[0]?.number,
  last_block: measured.at(-1)?.number,
  seconds_to_finality: { median: quantile(seconds, 0.5), p95: quantile(seconds, 0.95) },
  blocks_to_finality: { median: quantile(blocks, 0.5), p95: quantile(blocks, 0.95) },
  mean_block_time_s: measured.length > 1
    ? Number((elapsed / (measured.at(-1).number - startNumber)).toFixed(2)) : undefined,
};
console.log(JSON.stringify(report, null, 2));
if (options.out) writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
await api.disconnect();
