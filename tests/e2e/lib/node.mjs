// Start and stop a release `medchain-node` for tests, on free loopback ports.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const targetDir = process.env.CARGO_TARGET_DIR ?? join(homedir(), '.cache', 'medchain', 'target');
export const NODE_BINARY = process.env.MEDCHAIN_NODE ?? join(targetDir, 'release', 'medchain-node');
export const GATEWAY_BINARY = process.env.MEDCHAIN_GATEWAY ?? join(targetDir, 'release', 'medchain-gateway');

/** Ports this process has handed out: never handed out twice, so two nodes never share one. */
const handedOut = new Set();

/** `count` distinct TCP ports that are free on 127.0.0.1 right now. */
export async function freePortList(count) {
  // Hold every port open until all are chosen: one closed before the next is asked for may be
  // handed out again, and a node given a port already taken moves its RPC to a random one.
  const servers = await Promise.all(Array.from({ length: count }, () => new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  })));
  const ports = servers.map((server) => server.address().port).filter((port) => !handedOut.has(port));
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  ports.forEach((port) => handedOut.add(port));
  return ports.length === count ? ports : [...ports, ...await freePortList(count - ports.length)];
}

/**
 * How long one test against a node may take before it fails: generous for a few PoW blocks (a
 * test sends at most about ten transactions, each in a block of the dev chain's ~6 s target).
 * Pass it to each test (`slow` below): `node --test-timeout` would bound each whole file
 * instead, since the runner treats a file as one test.
 */
export const TEST_TIMEOUT_MS = 300_000;

/** The options of a test against a node: `it(name, slow, fn)` times out after `TEST_TIMEOUT_MS`. */
export const slow = { timeout: TEST_TIMEOUT_MS };

/** How long starting a node and connecting to it may take (a suite's `before`). */
export const START_TIMEOUT_MS = 120_000;

/**
 * The error a node answered a JSON-RPC call with: `code` and `rpcMessage` as the node sent them
 * (e.g. 1002 and "Verification Error: ..."), `data` its detail if any. The message also names the
 * method, so do not match it to tell one refusal from another: compare `code` and `rpcMessage`.
 */
export class RpcError extends Error {
  constructor(method, error) {
    super(`${method}: ${JSON.stringify(error)}`);
    this.name = 'RpcError';
    this.method = method;
    this.code = error.code;
    this.rpcMessage = error.message;
    this.data = error.data;
  }
}

/** One JSON-RPC call over HTTP; rejects with an `RpcError` if the node answers with an error. */
export async function rpc(port, method, params = []) {
  const response = await fetch(`http://127.0.0.1:${port}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: 1, jsonrpc: '2.0', method, params }),
  });
  const body = await response.json();
  if (body.error) throw new RpcError(method, body.error);
  return body.result;
}

/** Poll `check` until it returns a truthy value or `timeoutMs` passes. */
export async function waitFor(what, check, timeoutMs, intervalMs = 500) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (e) {
      lastError = e;
    }
    await sleep(intervalMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}` +
    (lastError ? ` (last error: ${lastError.message})` : ''));
}

/** Free ports for one node: `{ rpc, p2p, prometheus }`. */
export async function freePorts() {
  const [rpc, p2p, prometheus] = await freePortList(3);
  return { rpc, p2p, prometheus };
}

/**
 * Run `medchain-node` with `args` to completion (a subcommand, or a node expected to refuse to
 * start), killing it after `timeoutMs`. Resolves `{ code, signal, stdout, stderr, timedOut }`.
 */
export async function runNode(args, timeoutMs = 120_000) {
  if (!existsSync(NODE_BINARY)) {
    throw new Error(`${NODE_BINARY} not found: build it first (scripts/build.sh)`);
  }
  const child = spawn(NODE_BINARY, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => { stdout += chunk; });
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  try {
    // 'close': the process has exited and its output is read to the end.
    const [code, signal] = await new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (...how) => resolve(how));
    });
    return { code, signal, stdout, stderr, timedOut };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Start `medchain-node` with `args` (default: a fresh dev chain) on `ports` (default: free ones)
 * and wait until its RPC answers. Returns
 * `{ pid, rpcPort, p2pPort, prometheusPort, wsUrl, logs(), onLine(), kill(), exited(), stop() }`.
 */
export async function startNode(args = ['--dev', '--tmp'], ports = undefined) {
  if (!existsSync(NODE_BINARY)) {
    throw new Error(`${NODE_BINARY} not found: build it first (scripts/build.sh)`);
  }
  const { rpc: rpcPort, p2p: p2pPort, prometheus: prometheusPort } = ports ?? await freePorts();
  const child = spawn(NODE_BINARY, [
    ...args,
    '--rpc-port', String(rpcPort),
    // Plain TCP on loopback: without --validator a node listens on WebSocket only by default.
    '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}`,
    '--prometheus-port', String(prometheusPort),
    '--no-telemetry',
    '--no-mdns',
  ], { stdio: ['ignore', 'pipe', 'pipe'] });

  const lines = [];
  const listeners = new Set();
  const keep = (chunk) => {
    const fresh = chunk.toString().split('\n').filter(Boolean);
    for (const listen of listeners) fresh.forEach(listen);
    lines.push(...fresh);
    if (lines.length > 400) lines.splice(0, lines.length - 400);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => {
    exited = { code, signal };
    resolve(exited);
  }));

  const node = {
    pid: child.pid,
    rpcPort,
    p2pPort,
    prometheusPort,
    wsUrl: `ws://127.0.0.1:${rpcPort}`,
    logs: (n = 40) => lines.slice(-n).join('\n'),
    /** Call `listen(line)` with every log line from now on; returns the way to stop. */
    onLine(listen) {
      listeners.add(listen);
      return () => listeners.delete(listen);
    },
    /** Kill at once with SIGKILL (a crash); resolves `{ code, signal }` once it has exited. */
    async kill() {
      if (!exited) child.kill('SIGKILL');
      return exit;
    },
    /** Resolves `{ code, signal }` when the node exits by itself (or is stopped). */
    exited: () => exit,
    /** Stop with SIGINT (a clean shutdown); SIGKILL if it has not exited within 20 s. */
    async stop() {
      if (exited) return exited;
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const result = await exit;
      clearTimeout(timer);
      return result;
    },
  };

  try {
    // Stop waiting at once if the node exits (e.g. it refused to start).
    await Promise.race([
      waitFor('the node RPC', () => rpc(rpcPort, 'system_health'), 60_000),
      exit.then((how) => { throw new Error(`node exited early: ${JSON.stringify(how)}`); }),
    ]);
  } catch (e) {
    await node.stop();
    throw new Error(`${e.message}\n--- last node log lines ---\n${node.logs()}`);
  }
  return node;
}
