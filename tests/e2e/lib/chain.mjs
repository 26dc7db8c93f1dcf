// A dev chain for a test suite, and sending extrinsics and reading their events through
// @polkadot/api, as provider systems do.
import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { startNode, START_TIMEOUT_MS } from './node.mjs';

const keyring = new Keyring({ type: 'sr25519' });

/** A development key pair, e.g. `dev('//Alice')`. */
export const dev = (uri) => keyring.addFromUri(uri);

/**
 * A fresh `medchain-node --dev` for the calling suite: started and connected to before its
 * tests, stopped after them. The handle's `node` and `api` are set once `before` has run.
 */
export function useDevChain() {
  const chain = { node: undefined, api: undefined };
  before(async () => {
    chain.node = await startNode();
    chain.api = await ApiPromise.create({ provider: new WsProvider(chain.node.wsUrl), noInitWarn: true });
  }, { timeout: START_TIMEOUT_MS });
  after(async () => {
    await chain.api?.disconnect();
    await chain.node?.stop();
  });
  return chain;
}

/** A dispatch error by name: `section.Name` for a pallet's error, else e.g. `BadOrigin` or
 * `Token.FundsUnavailable`. */
export function describeError(api, dispatchError) {
  if (dispatchError.isModule) {
    const { section, name } = api.registry.findMetaError(dispatchError.asModule);
    return `${section}.${name}`;
  }
  const inner = dispatchError.value?.type;
  return inner ? `${dispatchError.type}.${inner}` : dispatchError.type;
}

/** Statuses after which the pool will not put a transaction in a block: it was found invalid, it
 * was dropped (e.g. the pool was full), or another transaction with its nonce replaced it. */
const NEVER_IN_A_BLOCK = ['Invalid', 'Dropped', 'Usurped'];

/**
 * The error of a sudo call whose inner call failed, by name (see `describeError`): sudo itself
 * succeeds and reports the inner call's result in `sudo.Sudid` (or `sudo.SudoAsDone`).
 * `undefined` if no sudo call among `events` failed.
 */
export function sudoError(api, events) {
  for (const event of events) {
    if (event.section === 'sudo' && ['Sudid', 'SudoAsDone'].includes(event.method)) {
      const result = event.data.sudoResult;
      if (result.isErr) return `${describeError(api, result.asErr)} (the call inside sudo.${event.method})`;
    }
  }
  return undefined;
}

/**
 * Sign and send `tx`; resolve with the events of the block it is in (the array also carries
 * `blockHash`). Reject with the error by name (see `describeError`) if it fails, or if it is a
 * sudo call whose inner call fails (see `sudoError`); with the status if the pool reports it will
 * never be in a block (`Invalid`, `Dropped`, `Usurped`); or with the node's error if the node
 * refuses it outright (e.g. `1002: Verification Error`, `1010: Invalid Transaction`).
 * With `{ finalized: true }`, resolve only once that block is finalized (as wallets and
 * polkadot-api's `signAndSubmit` wait), with the finalized block's hash.
 */
export function send(api, tx, signer, { finalized = false } = {}) {
  const call = `${tx.method.section}.${tx.method.method}`;
  return new Promise((resolve, reject) => {
    let settled = false;
    let unsubscribe;
    const settle = (outcome) => {
      if (settled) return;
      settled = true;
      unsubscribe?.();
      outcome();
    };
    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      if (dispatchError) {
        settle(() => reject(new Error(describeError(api, dispatchError))));
      } else if (finalized ? status.isFinalized : status.isInBlock) {
        const inBlock = events.map(({ event }) => event);
        const failedInSudo = sudoError(api, inBlock);
        const blockHash = finalized ? status.asFinalized : status.asInBlock;
        settle(() => (failedInSudo
          ? reject(new Error(failedInSudo))
          : resolve(Object.assign(inBlock, { blockHash }))));
      } else if (NEVER_IN_A_BLOCK.includes(status.type)) {
        settle(() => reject(new Error(`${call} was not put in a block: the pool reports it ${status.type}`)));
      }
    }).then((unsub) => {
      unsubscribe = unsub;
      if (settled) unsub();
    }, (error) => settle(() => reject(error)));
  });
}

/** The event `section.method` among `events`; fails the test if there is none. */
export function find(events, section, method) {
  const event = events.find((e) => e.section === section && e.method === method);
  assert.ok(event, `${section}.${method} in ${events.map((e) => `${e.section}.${e.method}`)}`);
  return event;
}

/**
 * Sign and send `tx` (with `tip`, if given) and resolve once it is in a block, whether its call
 * succeeded or failed, as a failed call still pays its fee: with the events of `tx` in that block
 * (the array also carries `blockHash`, and `error`: the call's error by name, see
 * `describeError`, or `undefined` if it succeeded). Reject as `send` does if it never reaches a
 * block or the node refuses it.
 */
export function include(api, tx, signer, { tip } = {}) {
  const call = `${tx.method.section}.${tx.method.method}`;
  return new Promise((resolve, reject) => {
    let settled = false;
    let unsubscribe;
    const settle = (outcome) => {
      if (settled) return;
      settled = true;
      unsubscribe?.();
      outcome();
    };
    tx.signAndSend(signer, tip === undefined ? {} : { tip }, ({ status, events, dispatchError }) => {
      if (status.isInBlock) {
        const inBlock = events.map(({ event }) => event);
        const error = dispatchError ? describeError(api, dispatchError) : undefined;
        settle(() => resolve(Object.assign(inBlock, { blockHash: status.asInBlock, error })));
      } else if (NEVER_IN_A_BLOCK.includes(status.type)) {
        settle(() => reject(new Error(`${call} was not put in a block: the pool reports it ${status.type}`)));
      }
    }).then((unsub) => {
      unsubscribe = unsub;
      if (settled) unsub();
    }, (error) => settle(() => reject(error)));
  });
}
