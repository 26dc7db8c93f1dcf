// Sending extrinsics and reading their events through @polkadot/api, as provider systems do.
import assert from 'node:assert/strict';

/**
 * Sign and send `tx`; resolve with the events of the block it is in (the array also carries
 * `blockHash`), or reject with the named error (`section.Name`).
 */
export function send(api, tx, signer) {
  return new Promise((resolve, reject) => {
    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      if (dispatchError) {
        const detail = dispatchError.isModule ? api.registry.findMetaError(dispatchError.asModule) : null;
        reject(new Error(detail ? `${detail.section}.${detail.name}` : dispatchError.toString()));
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
