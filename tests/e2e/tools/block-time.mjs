// Report the average block time (from on-chain timestamps) and difficulty over the last N blocks
// of a running node.
// Usage: node tools/block-time.mjs [ws://127.0.0.1:9944] [N=50]
import { ApiPromise, WsProvider } from '@polkadot/api';

const url = process.argv[2] ?? 'ws://127.0.0.1:9944';
const count = Number(process.argv[3] ?? 50);
const api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true });
try {
  const best = (await api.rpc.chain.getHeader()).number.toNumber();
  if (best < count) throw new Error(`only ${best} blocks so far; need ${count}`);
  const at = async (n) => api.at(await api.rpc.chain.getBlockHash(n));
  const timeAt = async (n) => (await (await at(n)).query.timestamp.now()).toNumber();
  const first = best - count;
  const elapsed = (await timeAt(best)) - (await timeAt(first));
  const difficulty = (await (await at(best)).query.difficulty.currentDifficulty()).toBigInt();
  console.log(JSON.stringify({
    blocks: `${first + 1}..${best}`,
    averageBlockTimeMs: Math.round(elapsed / count),
    difficulty: difficulty.toString(),
  }));
} finally {
  await api.disconnect();
}
