// Council motions (pallet-collective, pallet `council`): how the consortium governs. The council's
// members are the admins of the active organizations; a governance call (admitting an
// organization, a miner or a voter, authorizing a runtime upgrade, setting a parameter) passes
// with the ayes of at least two thirds of them (or Root, on the dev chain only).
import { send, describeError } from './chain.mjs';

/**
 * What a motion's execution returned, from the events of the extrinsic that executed it (a
 * `propose` with threshold 1, or a `close`): `'Ok'`, the error by name (see `describeError`, e.g.
 * `BadOrigin`), or `undefined` if the motion was not executed (e.g. `council.Disapproved`).
 */
export function motionResult(api, events) {
  const executed = events.find((e) => e.section === 'council' && e.method === 'Executed');
  if (!executed) return undefined;
  const { result } = executed.data;
  return result.isErr ? describeError(api, result.asErr) : 'Ok';
}

/** The bounds `close` must name for `call`: the weight of the call (as the runtime reports it
 * for `call` sent by `who`: at least the call's own weight) and its encoded length. */
export async function proposalBounds(call, who) {
  const { weight } = await call.paymentInfo(who);
  return {
    weightBound: { refTime: weight.refTime.toBigInt(), proofSize: weight.proofSize.toBigInt() },
    lengthBound: call.method.encodedLength,
  };
}

/**
 * `proposer` moves `call` (an `api.tx…` call) with `threshold`. Resolves with the motion
 * `{ call, hash, index, events }`; `hash` and `index` (from `council.Proposed`) are undefined if
 * the threshold is below 2: then the runtime executed the call at once, with the origin of one
 * member's approval (see `motionResult(api, events)`).
 */
export async function propose(api, call, proposer, threshold) {
  const events = await send(api,
    api.tx.council.propose(threshold, call.method, call.method.encodedLength), proposer);
  const proposed = events.find((e) => e.section === 'council' && e.method === 'Proposed');
  return {
    call,
    hash: proposed?.data.proposalHash.toHex(),
    index: proposed?.data.proposalIndex.toNumber(),
    events,
  };
}

/** `voter` votes on `motion` (from `propose`): aye if `aye`, else nay. Resolves with the events. */
export function vote(api, motion, voter, aye) {
  return send(api, api.tx.council.vote(motion.hash, motion.index, aye), voter);
}

/** `closer` closes `motion` (from `propose`). Resolves with the events: `council.Closed`, then
 * `Approved` and `Executed` (see `motionResult`), or `Disapproved`. */
export async function close(api, motion, closer) {
  const { weightBound, lengthBound } = await proposalBounds(motion.call, closer);
  return send(api,
    api.tx.council.close(motion.hash, motion.index, weightBound, lengthBound), closer);
}

/**
 * Pass `call` by a council motion: `proposer` moves it with a threshold of `voters.length`, each
 * of `voters` votes aye (the proposer's own vote is not implied: list it among `voters` to count
 * it), and `closer` (default: the proposer) closes it. Resolves with the events of the extrinsic
 * that executed the call (the array carries `blockHash`); rejects unless the call was executed
 * and returned Ok, e.g. with `BadOrigin` if the ayes are fewer than two thirds of the council.
 */
export async function councilMotion(api, call, proposer, voters, { closer = proposer } = {}) {
  const what = `council motion ${call.method.section}.${call.method.method}`;
  const motion = await propose(api, call, proposer, voters.length);
  let events = motion.events;
  if (voters.length >= 2) {
    await Promise.all(voters.map((voter) => vote(api, motion, voter, true)));
    events = await close(api, motion, closer);
  }
  const result = motionResult(api, events);
  if (result !== 'Ok') {
    const names = events.map((e) => `${e.section}.${e.method}`);
    throw new Error(`${what}: ${result ?? `not executed (events: ${names})`}`);
  }
  return events;
}
