// Claim lines as the chain keeps them: each line of the claim document (coded service,
// quantity, unit price) stays off chain with a fresh 32-byte salt, and the chain gets its
// commitment and amount. The format is pallets/payments/src/commitment.rs's:
// blake2-256("medchain/claim-line/v1" ‖ salt ‖ system (1 byte) ‖ code (8 bytes, zero-padded)
//            ‖ quantity (u32 LE) ‖ unit price (u128 LE)).
import { bnToU8a, stringToU8a, u8aConcat, u8aToHex, u8aToU8a } from '@polkadot/util';
import { blake2AsU8a, randomAsU8a } from '@polkadot/util-crypto';

export const LINE_DOMAIN = 'medchain/claim-line/v1';
/** The code systems, by the name a claim document uses, and their byte on chain. */
export const CODE_SYSTEMS = { CPT: 0, HCPCS: 1, 'ICD-10-PCS': 2, LOCAL: 3 };
const CODE = /^[A-Z0-9.]{1,8}$/;

/** The commitment of one document line `{ system, code, quantity, unitPrice, salt }`, as hex. */
export function lineCommitment({ system, code, quantity, unitPrice, salt }) {
  if (!(system in CODE_SYSTEMS)) throw new Error(`unknown code system ${system}`);
  if (!CODE.test(code)) throw new Error(`${code} is not 1 to 8 capital letters, digits or dots`);
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 0xffffffff) {
    throw new Error(`quantity ${quantity} is not a whole number from 1`);
  }
  const price = BigInt(unitPrice);
  if (price < 0n || price >= 2n ** 128n) throw new Error(`unit price ${unitPrice} is out of range`);
  const key = u8aToU8a(salt);
  if (key.length !== 32) throw new Error(`a line's salt is 32 bytes, not ${key.length}`);
  const padded = new Uint8Array(8);
  padded.set(stringToU8a(code));
  return u8aToHex(blake2AsU8a(u8aConcat(
    stringToU8a(LINE_DOMAIN), key, new Uint8Array([CODE_SYSTEMS[system]]), padded,
    bnToU8a(quantity, { bitLength: 32 }), bnToU8a(price, { bitLength: 128 }),
  )));
}

/** A document line with a fresh salt. */
export const withSalt = (line) => ({ ...line, salt: u8aToHex(randomAsU8a(32)) });

/** The line as `payments.submitClaim` takes it: `{ commitment, amount }`. */
export const onChain = (line) =>
  ({ commitment: lineCommitment(line), amount: BigInt(line.unitPrice) * BigInt(line.quantity) });

/**
 * The payer's check before it adjudicates: the document's lines are the claim's lines on chain
 * (`paymentsApi.claim(id).lines`), in order. Throws, naming the first line that differs.
 */
export function checkDocument(documentLines, chainLines) {
  if (documentLines.length !== chainLines.length) {
    throw new Error(`the document has ${documentLines.length} lines, the claim ${chainLines.length}`);
  }
  documentLines.forEach((line, i) => {
    const expected = onChain(line);
    const stored = chainLines[i];
    if (expected.commitment !== u8aToHex(u8aToU8a(stored.commitment))) {
      throw new Error(`line ${i + 1}: the document does not match the commitment on chain`);
    }
    if (expected.amount !== BigInt(stored.amount.toString())) {
      throw new Error(`line ${i + 1}: the amount on chain is not quantity × unit price`);
    }
  });
}
