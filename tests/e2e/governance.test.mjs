// Governance and fees on the dev chain. The council is the admins of the active organizations
// (Charlie and Eve at genesis); a governance call passes by a council motion with the ayes of at
// least two thirds of its members, whatever threshold the proposer picked (or by Root: Alice's
// sudo key, on the dev chain only). Admitting, suspending and reactivating an organization seats
// and unseats its admin. A motion authorizes a runtime upgrade that anyone then applies to the
// running chain, and a motion sets the fee per byte. system.remark is refused (and paid for); a
// fee is base + length × ByteFee + multiplier × weight, and is burned; a tip goes to the block
// author's payout account.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { blake2AsHex } from '@polkadot/util-crypto';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { rpc, waitFor, slow } from './lib/node.mjs';
import { useDevChain, dev, send, include, find, describeError } from './lib/chain.mjs';
import { councilMotion, propose, vote, close, motionResult } from './lib/council.mjs';

const MED = 10n ** 12n;
const MICRO_MED = 10n ** 6n;
/** The runtime's `Fees::ByteFee` until governance sets it: 1 µMED per byte. */
const DEFAULT_BYTE_FEE = MICRO_MED;
/** One, as a FixedU128 (the fee multiplier) stores it. */
const FIXED_ONE = 10n ** 18n;
/** The storage key of the runtime's code (`:code`). */
const CODE_KEY = '0x3a636f6465';

const alice = dev('//Alice');
const bob = dev('//Bob');
const charlie = dev('//Charlie');
const dave = dev('//Dave');
const eve = dev('//Eve');

/** An account as the chain's storage and events give it (hex of its public key). */
const hex = (pair) => u8aToHex(pair.publicKey);
const names = (events) => events.map((e) => `${e.section}.${e.method}`);

describe('governance by the council, and fees (dev chain)', () => {
  const chain = useDevChain();
  /** The council's members, as hex, in the order the chain stores them (sorted). */
  const members = async (at = chain.api) => (await at.query.council.members()).map((m) => m.toHex());
  /** The organization admitted in the second test (admin //ClinicB). */
  let clinicOrg;
  const clinic = dev('//ClinicB');

  it('fewer ayes than two thirds of the council cannot govern', slow, async () => {
    const { api } = chain;
    assert.deepEqual(await members(), [hex(charlie), hex(eve)].sort(),
      'the council is the admins of organizations 0 and 1');
    const outsider = dev('//ClinicA');
    const admit = api.tx.patients.admitOrganization(outsider.address, 'Provider');
    // A motion asking for one aye of two is refused at submission (Custom error 4: threshold).
    await assert.rejects(propose(api, admit, charlie, 1), /1010.*Custom error: 4/);
    // One member alone may dispatch a call with its own voice (`council.execute`): too few.
    const events = await send(api, api.tx.council.execute(admit.method, admit.method.encodedLength), charlie);
    const executed = find(events, 'council', 'MemberExecuted');
    assert.ok(executed.data.result.isErr, 'a single member cannot govern');
    assert.equal(describeError(api, executed.data.result.asErr), 'BadOrigin');
    assert.ok(!names(events).includes('patients.OrganizationAdmitted'));
    assert.ok((await api.query.patients.organizationOf(outsider.address)).isNone, 'not admitted');
    assert.deepEqual(await members(), [hex(charlie), hex(eve)].sort(), 'no new seat');
  });

  it('a motion with two of two ayes admits an organization, whose admin takes a seat; one aye of three does not pass', slow, async () => {
    const { api } = chain;
    // The new admin pays for its votes (a member's first vote on a motion is refunded, but the
    // fee is taken first).
    await send(api, api.tx.balances.transferKeepAlive(clinic.address, 10n * MED), alice);

    const events = await councilMotion(api, api.tx.patients.admitOrganization(clinic.address, 'Provider'),
      charlie, [charlie, eve]);
    const closed = find(events, 'council', 'Closed');
    assert.deepEqual([closed.data.yes.toNumber(), closed.data.no.toNumber()], [2, 0]);
    const admitted = find(events, 'patients', 'OrganizationAdmitted');
    assert.equal(admitted.data.admin.toHex(), hex(clinic));
    assert.ok(admitted.data.kind.isProvider);
    clinicOrg = admitted.data.org.toNumber();
    assert.equal((await api.query.patients.organizationOf(clinic.address)).unwrap().toNumber(), clinicOrg);
    assert.deepEqual(await members(), [hex(charlie), hex(eve), hex(clinic)].sort(),
      'the new admin holds the third seat');

    // Now one aye of three: the two nays make the motion fail as soon as it is closed.
    const motion = await propose(api, api.tx.patients.suspendOrganization(clinicOrg), charlie, 2);
    assert.ok(motion.hash, `a motion open for votes: ${names(motion.events)}`);
    await Promise.all([
      vote(api, motion, charlie, true),
      vote(api, motion, eve, false),
      vote(api, motion, clinic, false),
    ]);
    const outcome = await close(api, motion, charlie);
    const tally = find(outcome, 'council', 'Closed');
    assert.deepEqual([tally.data.yes.toNumber(), tally.data.no.toNumber()], [1, 2]);
    find(outcome, 'council', 'Disapproved');
    assert.equal(motionResult(api, outcome), undefined, 'not executed');
    assert.ok((await api.query.patients.organizations(clinicOrg)).unwrap().status.isActive);
    assert.ok((await members()).includes(hex(clinic)), 'the admin keeps its seat');
  });

  it('a motion with two of three ayes suspends the organization: its admin leaves the council, and returns on reactivation', slow, async () => {
    const { api } = chain;
    assert.ok(clinicOrg !== undefined, 'the previous test admitted the organization');
    const events = await councilMotion(api, api.tx.patients.suspendOrganization(clinicOrg),
      charlie, [charlie, eve]);
    assert.equal(find(events, 'patients', 'OrganizationSuspended').data.org.toNumber(), clinicOrg);
    assert.ok((await api.query.patients.organizations(clinicOrg)).unwrap().status.isSuspended);
    assert.deepEqual(await members(), [hex(charlie), hex(eve)].sort(), 'the admin lost its seat');
    await assert.rejects(propose(api, api.tx.patients.reactivateOrganization(clinicOrg), clinic, 2),
      /^Error: council\.NotMember$/);

    const back = await councilMotion(api, api.tx.patients.reactivateOrganization(clinicOrg),
      eve, [charlie, eve]);
    assert.equal(find(back, 'patients', 'OrganizationReactivated').data.org.toNumber(), clinicOrg);
    assert.deepEqual(await members(), [hex(charlie), hex(eve), hex(clinic)].sort(),
      'the admin holds a seat again');
  });

  it('refuses system.remark and system.remarkWithEvent at submission: nothing of them reaches a block', slow, async () => {
    const { api } = chain;
    const free = async () => (await api.query.system.account(bob.address)).data.free.toBigInt();
    const before = await free();
    const nonce = (await api.query.system.account(bob.address)).nonce.toNumber();
    const remark = api.tx.system.remark('0x1234');
    for (const tx of [remark, api.tx.system.remarkWithEvent('0x1234'),
      // Nor inside a council motion.
      api.tx.council.propose(2, remark, remark.method.encodedLength)]) {
      const signer = tx.method.section === 'council' ? charlie : bob;
      await assert.rejects(send(api, tx, signer), (e) => {
        // 1010: invalid transaction; Custom error 1: free text (`admission::Refusal::FreeText`).
        assert.match(String(e.message ?? e), /1010.*Custom error: 1/, `${tx.method.section}.${tx.method.method}`);
        return true;
      });
    }
    assert.equal(await free(), before, 'Bob paid nothing');
    assert.equal((await api.query.system.account(bob.address)).nonce.toNumber(), nonce);
  });

  it('refuses a motion asking for fewer than two thirds of the seats', slow, async () => {
    const { api } = chain;
    const seats = (await api.query.council.members()).length;
    const call = api.tx.patients.suspendOrganization(0);
    const tooFew = Math.ceil((2 * seats) / 3) - 1;
    await assert.rejects(send(api, api.tx.council.propose(tooFew, call, call.method.encodedLength), charlie),
      (e) => { assert.match(String(e.message ?? e), /1010.*Custom error: 4/); return true; });
  });

  it('charges base fee + length × ByteFee + multiplier × weight for a large motion; a motion doubles ByteFee and the fee rises by length × 1 µMED', slow, async () => {
    const { api } = chain;
    const baseFee = api.consts.system.blockWeights.perClass.normal.baseExtrinsic.refTime.toBigInt();
    const byteFeeKey = { Fees: { ByteFee: null } };
    const byteFeeAt = async (at) => {
      const value = await at.query.parameters.parameters(byteFeeKey);
      return value.isSome ? value.unwrap().asFees.asByteFee.toBigInt() : DEFAULT_BYTE_FEE;
    };
    const seats = (await api.query.council.members()).length;
    const threshold = Math.ceil((2 * seats) / 3);
    let round = 0;

    /** Charlie proposes a motion carrying a voter set of 32 keys (over a kilobyte); its fee,
     * and the fee's terms as of the block's parent (the multiplier and ByteFee a block applies
     * are those its parent left). The weight is what the call reported having used. */
    const measure = async () => {
      round += 1;
      const voters = Array.from({ length: 32 }, (_, i) => [u8aToHex(new Uint8Array(32).fill(i + 1)), 0]);
      const proposal = api.tx.consortium.forceVoterSet(voters, round);
      const tx = api.tx.council.propose(threshold, proposal, proposal.method.encodedLength);
      const events = await include(api, tx, charlie);
      assert.equal(events.error, undefined, names(events));
      const paid = find(events, 'transactionPayment', 'TransactionFeePaid');
      assert.equal(paid.data.tip.toBigInt(), 0n);
      const success = find(events, 'system', 'ExtrinsicSuccess');
      // The event's weight includes the base weight of a transaction.
      const refTime = success.data.dispatchInfo.weight.refTime.toBigInt() - baseFee;
      const { parentHash } = await api.rpc.chain.getHeader(events.blockHash);
      const at = await api.at(parentHash);
      const length = tx.encodedLength;
      const multiplier = (await at.query.transactionPayment.nextFeeMultiplier()).toBigInt();
      const details = await at.call.transactionPaymentApi.queryFeeDetails(tx.toU8a(), length);
      return {
        fee: paid.data.actualFee.toBigInt(),
        length: BigInt(length),
        refTime,
        multiplier,
        byteFee: await byteFeeAt(at),
        // FixedU128 × integer rounds down.
        weightFee: refTime * multiplier / FIXED_ONE,
        inclusion: details.inclusionFee.unwrap(),
      };
    };
    const check = (m) => {
      const what = JSON.stringify(m, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
      assert.ok(m.multiplier >= FIXED_ONE, `the multiplier is at least 1: ${what}`);
      assert.equal(m.fee, baseFee + m.length * m.byteFee + m.weightFee, what);
      // The runtime's own breakdown agrees on the base and length terms.
      assert.equal(m.inclusion.baseFee.toBigInt(), baseFee, what);
      assert.equal(m.inclusion.lenFee.toBigInt(), m.length * m.byteFee, what);
    };

    const before = await measure();
    assert.equal(before.byteFee, DEFAULT_BYTE_FEE, 'ByteFee starts at 1 µMED');
    assert.ok(before.length > 1024n, `a large call: ${before.length} bytes`);
    check(before);

    let setByteFee;
    try {
      setByteFee = api.tx.parameters.setParameter({ Fees: { ByteFee: [null, 2n * MICRO_MED] } });
    } catch (e) {
      let type = api.tx.parameters.setParameter.meta.args[0].type.toString();
      try {
        type = api.registry.createType(type).toRawType();
      } catch { /* the name alone, then */ }
      throw new Error(`${e.message} (setParameter takes ${type})`);
    }
    const events = await councilMotion(api, setByteFee, charlie, [charlie, eve]);
    const updated = find(events, 'parameters', 'Updated');
    assert.equal(updated.data.newValue.unwrap().asFees.asByteFee.toBigInt(), 2n * MICRO_MED);
    assert.equal(await byteFeeAt(api), 2n * MICRO_MED);

    const after = await measure();
    assert.equal(after.byteFee, 2n * MICRO_MED);
    check(after);
    assert.equal(after.length, before.length, 'the same call, the same length');
    // The length fee rises by length × 1 µMED; the weight fee changes with the multiplier and
    // with the motions open (`propose` reports the weight it used, which grows with them).
    assert.equal(after.fee - before.fee - (after.weightFee - before.weightFee), before.length * MICRO_MED);
  });

  it('burns the fee and pays the tip to the block author\'s payout account', slow, async () => {
    const { api } = chain;
    const tip = 1_000_000_000n; // 1 mMED
    const amount = MED;
    const events = await include(api, api.tx.balances.transferKeepAlive(dave.address, amount), bob, { tip });
    assert.equal(events.error, undefined, names(events));
    const paid = find(events, 'transactionPayment', 'TransactionFeePaid');
    assert.equal(paid.data.tip.toBigInt(), tip);
    const fee = paid.data.actualFee.toBigInt(); // the tip included
    assert.ok(fee > tip, 'a fee besides the tip');

    const header = await api.rpc.chain.getHeader(events.blockHash);
    const [parent, block] = await Promise.all([api.at(header.parentHash), api.at(events.blockHash)]);
    // The block's author (the mining key in its pre-runtime digest) and that miner's payout.
    const author = header.digest.logs.find((log) => log.isPreRuntime).asPreRuntime[1].toHex();
    const payout = (await block.query.consortium.miners(author)).unwrap().payout;
    assert.equal(payout.toHex(), hex(charlie), 'Alice mines for organization 0, paying out to Charlie');

    // Every fee paid in the block, tips aside, is burned.
    let burned = 0n;
    let tips = 0n;
    for (const { event } of await block.query.system.events()) {
      if (event.section === 'transactionPayment' && event.method === 'TransactionFeePaid') {
        burned += event.data.actualFee.toBigInt() - event.data.tip.toBigInt();
        tips += event.data.tip.toBigInt();
      }
    }
    assert.equal(tips, tip, 'the only tip in the block');
    assert.ok(burned >= fee - tip);
    const issuance = async (at) => (await at.query.balances.totalIssuance()).toBigInt();
    assert.equal(await issuance(parent) - await issuance(block), burned,
      'total issuance falls by the fees, tips aside');
    const free = async (at, who) => (await at.query.system.account(who)).data.free.toBigInt();
    assert.equal(await free(block, payout) - await free(parent, payout), tip,
      'the payout account receives the tip, and no fee');
    assert.equal(await free(parent, bob.address) - await free(block, bob.address), amount + fee,
      'Bob paid the amount, the fee and the tip');
  });

  it('a motion authorizes a runtime upgrade that anyone applies on the running chain, which goes on mining and finalizing', slow, async () => {
    const { api, node } = chain;
    const code = await rpc(node.rpcPort, 'state_getStorage', [CODE_KEY]);
    const codeHash = blake2AsHex(hexToU8a(code), 256);

    // A signed account on its own may not authorize one.
    await assert.rejects(send(api, api.tx.consortium.authorizeUpgrade(codeHash, false), bob),
      /^Error: BadOrigin$/);
    assert.ok((await api.query.system.authorizedUpgrade()).isNone);

    const events = await councilMotion(api, api.tx.consortium.authorizeUpgrade(codeHash, false),
      charlie, [charlie, eve]);
    const authorized = find(events, 'system', 'UpgradeAuthorized');
    assert.equal(authorized.data.codeHash.toHex(), codeHash);
    assert.equal(authorized.data.checkVersion.isTrue, false);
    assert.equal((await api.query.system.authorizedUpgrade()).unwrap().codeHash.toHex(), codeHash);

    // Bob, who holds no office, applies it; a valid upgrade costs him nothing.
    const applied = await send(api, api.tx.system.applyAuthorizedUpgrade(code), bob);
    assert.ok(find(applied, 'system', 'CodeUpdated'), 'system.CodeUpdated');
    assert.equal(find(applied, 'transactionPayment', 'TransactionFeePaid').data.actualFee.toBigInt(), 0n,
      'no fee for a valid upgrade');
    const blockHash = applied.blockHash.toHex();
    const header = await api.rpc.chain.getHeader(blockHash);
    const [parent, block] = await Promise.all([api.at(header.parentHash), api.at(blockHash)]);
    const free = async (at) => (await at.query.system.account(bob.address)).data.free.toBigInt();
    assert.equal(await free(block), await free(parent), 'Bob\'s balance is unchanged');
    assert.ok(header.digest.logs.some((log) => log.isRuntimeEnvironmentUpdated),
      'the block tells clients the runtime changed');
    assert.ok((await block.query.system.authorizedUpgrade()).isNone, 'the authorization is used up');
    assert.equal(await rpc(node.rpcPort, 'state_getStorage', [CODE_KEY, blockHash]), code);

    // The chain goes on: blocks after the upgrade are mined and finalized, and the upgrade's
    // block is on the finalized chain.
    const upgradedAt = header.number.toNumber();
    await waitFor('a finalized block two past the upgrade', async () => {
      const finalized = await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead());
      return finalized.number.toNumber() >= upgradedAt + 2;
    }, 120_000).catch((e) => { throw new Error(`${e.message}\n${node.logs()}`); });
    assert.equal((await api.rpc.chain.getBlockHash(upgradedAt)).toHex(), blockHash);
  });

  it('an upgrade authorized with a version check is rejected when the spec version does not increase', slow, async () => {
    const { api, node } = chain;
    const code = await rpc(node.rpcPort, 'state_getStorage', [CODE_KEY]);
    const codeHash = blake2AsHex(hexToU8a(code), 256);
    const events = await councilMotion(api, api.tx.consortium.authorizeUpgrade(codeHash, true),
      charlie, [charlie, eve]);
    assert.ok(find(events, 'system', 'UpgradeAuthorized').data.checkVersion.isTrue);

    const applied = await send(api, api.tx.system.applyAuthorizedUpgrade(code), bob);
    const rejected = find(applied, 'system', 'RejectedInvalidAuthorizedUpgrade');
    assert.equal(rejected.data.codeHash.toHex(), codeHash);
    assert.equal(describeError(api, rejected.data.error), 'system.SpecVersionNeedsToIncrease');
    assert.ok(!names(applied).includes('system.CodeUpdated'), names(applied));
    assert.equal(find(applied, 'transactionPayment', 'TransactionFeePaid').data.actualFee.toBigInt(), 0n,
      'not the fault of the caller: no fee');
    assert.ok((await (await api.at(applied.blockHash)).query.system.authorizedUpgrade()).isNone,
      'the authorization is used up');
  });
});
