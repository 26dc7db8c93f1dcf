// Run `medchain-gateway` for tests: a custodian's gateway in a fresh folder (master key, upload
// credential, the member's key), its HTTP API, and the `fetch` and `disclosures` clients; and
// signed requests built by hand, as any client may build them.
import { spawn } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bnToU8a, stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { randomAsU8a } from '@polkadot/util-crypto';
import { GATEWAY_BINARY, freePortList, waitFor } from './node.mjs';

/** Run the gateway binary with `args` to completion: `{ code, stdout, stderr }`. */
export function runGateway(args, timeoutMs = 120_000) {
  if (!existsSync(GATEWAY_BINARY)) {
    throw new Error(`${GATEWAY_BINARY} not found: build it first (scripts/build.sh)`);
  }
  return new Promise((resolve, reject) => {
    const child = spawn(GATEWAY_BINARY, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A secret in a new owner-only file in `dir`. */
export function keyFile(dir, name, secret) {
  const path = join(dir, name);
  writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return path;
}

/**
 * A gateway for the provider whose member key is `memberUri`, on the node at `nodeUrl`, with
 * the database `databaseUrl` (default: SQLite in its folder), acknowledging anchors and
 * releases as `acknowledge` says (default: once finalized). Started and healthy when this
 * resolves: `{ url, dir, token, databaseUrl, stop(), kill(), start(), logs() }`.
 */
export async function startGateway({ memberUri, nodeUrl, databaseUrl, acknowledge }) {
  const dir = mkdtempSync(join(tmpdir(), 'medchain-gateway-'));
  const [port] = await freePortList(1);
  const home = join(dir, 'gateway');
  const init = await runGateway(['init', home, '--listen', `127.0.0.1:${port}`, '--node-url', nodeUrl,
    ...(databaseUrl ? ['--database-url', databaseUrl] : [])]);
  if (init.code !== 0) throw new Error(`gateway init failed: ${init.stderr}`);
  keyFile(home, 'member.key', memberUri);
  if (acknowledge) appendFileSync(join(home, 'gateway.toml'), `acknowledge = "${acknowledge}"\n`);
  const token = (await readFile(join(home, 'upload.token'), 'utf8')).trim();
  const gateway = {
    url: `http://127.0.0.1:${port}`,
    dir: home,
    token,
    databaseUrl: databaseUrl ?? `sqlite://${join(home, 'gateway.db')}`,
    child: undefined,
    lines: [],
    logs: (n = 40) => gateway.lines.slice(-n).join('\n'),
    async start() {
      const child = spawn(GATEWAY_BINARY, ['serve', '--config', join(home, 'gateway.toml')],
        { stdio: ['ignore', 'pipe', 'pipe'] });
      gateway.child = child;
      gateway.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
      const keep = (chunk) => gateway.lines.push(...chunk.toString().split('\n').filter(Boolean));
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      const healthy = waitFor(`gateway at ${gateway.url} healthy`, async () => {
        const health = await fetch(`${gateway.url}/health`).catch(() => undefined);
        return health?.status === 200;
      }, 120_000);
      const died = gateway.exited.then(({ code, signal }) => {
        throw new Error(`the gateway exited (${code ?? signal}) before it was healthy:\n${gateway.logs()}`);
      });
      await Promise.race([healthy, died]);
    },
    /** Stop with SIGTERM: a graceful shutdown. Resolves with how it exited. */
    async stop() {
      gateway.child.kill('SIGTERM');
      return gateway.exited;
    },
  };
  await gateway.start();
  return gateway;
}

/** Upload `content` for `patient` (hex) of `category` to `gateway`; the HTTP response. */
export function upload(gateway, patient, category, content, token = gateway.token) {
  return fetch(`${gateway.url}/v1/records?patient=${patient}&category=${category}`, {
    method: 'POST',
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    body: content,
  });
}

/** Purposes as the chain encodes them. */
const PURPOSES = { treatment: 0, payment: 1, research: 2, operations: 3 };

/** The SCALE encoding of a `ReleaseRequest` (pallets/consent/src/types.rs), after its tag. */
export function releasePayload({ genesis, accessor, custodian, record, purpose, issuedAt, nonce }) {
  return u8aConcat(
    stringToU8a('medchain/release-request/v1:'),
    genesis,
    accessor,
    bnToU8a(custodian, { bitLength: 32, isLe: true }),
    bnToU8a(record, { bitLength: 64, isLe: true }),
    new Uint8Array([PURPOSES[purpose]]),
    bnToU8a(issuedAt, { bitLength: 64, isLe: true }),
    nonce,
  );
}

/**
 * Ask `gateway` for `record`, signed by `pair` (a keyring pair) as a request to `custodian` of
 * the chain `genesis` (bytes), issued at `issuedAt` (default now) with `nonce` (default random).
 * `sign` may replace the signature. Resolves `{ response, headers }` (headers to replay it).
 */
export async function signedRelease(gateway, pair, { genesis, custodian, record, purpose = 'treatment',
  issuedAt = Date.now(), nonce = randomAsU8a(32), headers: given } = {}) {
  const headers = given ?? {
    'x-medchain-accessor': u8aToHex(pair.publicKey),
    'x-medchain-issued-at': String(issuedAt),
    'x-medchain-nonce': u8aToHex(nonce),
    'x-medchain-signature': u8aToHex(pair.sign(releasePayload({
      genesis, accessor: pair.publicKey, custodian, record, purpose, issuedAt, nonce,
    }))),
  };
  const response = await fetch(`${gateway.url}/v1/records/${record}?purpose=${purpose}`, { headers });
  return { response, headers };
}

/** `medchain-gateway fetch` of `record` from `gateway` as the key `uri`: `{ code, stdout, stderr, out }`. */
export async function fetchWithClient(gateway, nodeUrl, uri, record, purpose = 'treatment') {
  const dir = mkdtempSync(join(tmpdir(), 'medchain-fetch-'));
  const key = keyFile(dir, 'me.key', uri);
  const out = join(dir, 'record.bin');
  const run = await runGateway(['fetch', '--gateway', gateway.url, '--node-url', nodeUrl, '--key', key,
    '--record', String(record), '--purpose', purpose, '--out', out]);
  return { ...run, out };
}

/** `medchain-gateway disclosures` of `patient` (hex) from `gateway` as the key `uri`: `{ code, stdout, stderr, out }`. */
export async function disclosuresWithClient(gateway, nodeUrl, uri, patient) {
  const dir = mkdtempSync(join(tmpdir(), 'medchain-disclosures-'));
  const key = keyFile(dir, 'me.key', uri);
  const out = join(dir, 'bundle.json');
  const run = await runGateway(['disclosures', '--gateway', gateway.url, '--node-url', nodeUrl, '--key', key,
    '--patient', patient, '--out', out]);
  return { ...run, out };
}

/** The SCALE encoding of a `DisclosuresRequest` (gateway/src/request.rs), after its tag. */
export function disclosuresPayload({ genesis, accessor, custodian, patient, issuedAt, nonce }) {
  return u8aConcat(
    stringToU8a('medchain-gateway/disclosures-request/v1:'),
    genesis,
    accessor,
    bnToU8a(custodian, { bitLength: 32, isLe: true }),
    patient,
    bnToU8a(issuedAt, { bitLength: 64, isLe: true }),
    nonce,
  );
}

/**
 * Ask `gateway` for the accounting of disclosures of `patient` (bytes), signed by `pair` as a
 * request to `custodian` of the chain `genesis`; `headers` may replace the signed ones. Resolves
 * `{ response, headers }`.
 */
export async function signedDisclosures(gateway, pair, { genesis, custodian, patient,
  issuedAt = Date.now(), nonce = randomAsU8a(32), headers: given } = {}) {
  const headers = given ?? {
    'x-medchain-accessor': u8aToHex(pair.publicKey),
    'x-medchain-issued-at': String(issuedAt),
    'x-medchain-nonce': u8aToHex(nonce),
    'x-medchain-signature': u8aToHex(pair.sign(disclosuresPayload({
      genesis, accessor: pair.publicKey, custodian, patient, issuedAt, nonce,
    }))),
  };
  const response = await fetch(`${gateway.url}/v1/patients/${u8aToHex(patient)}/disclosures`, { headers });
  return { response, headers };
}
