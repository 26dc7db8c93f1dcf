// A dev chain for a test suite, and sending extrinsics and reading their events through
// @polkadot/api, as provider systems do.
import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { startNode } from './node.mjs';

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
  });
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

/**
 * Sign and send `tx`; resolve with the events of the block it is in (the array also carries
 * `blockHash`), or reject with the error by name (see `describeError`).
 */
export function send(api, tx, signer) {
  return new Promise((resolve, reject) => {
    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      if (dispatchError) {
        reject(new Error(describeError(api, dispatchError)));
      } else if (status.isInBlock) {
        resolve(Object.assign(events.map(({ event }) => event), { blockHash: status.asInBlock }));
      }
    }).catch(reject);
  });
}

/** The event `section.method` among `events`; fails the test if there is none. */
export function find(events, section, method) {
  const event = events.find((e) => e.section === section && e.method === method);
  assert.ok(event, `${section}.${method} in ${events.map((e) => `${e.section}.${e.method}`)}`);
  return event;
}
