// Salted content hashes of records, as `scripts/record-hash.py` computes them: a fresh random
// 32-byte salt per record, kept with the record off chain, and the record's bytes hashed with
// the salt as the key (blake2b-256 keyed, `KeyedBlake2_256`; or HMAC-SHA-256, `HmacSha2_256`).
import { u8aToHex, u8aToU8a } from '@polkadot/util';
import { blake2AsU8a, hmacSha256AsU8a, randomAsU8a } from '@polkadot/util-crypto';

export const SALT_BYTES = 32;

/** A fresh salt for one record. */
export const newSalt = () => randomAsU8a(SALT_BYTES);

/** The content hash of `record` (bytes, hex or text) under `salt`, as hex. */
export function recordHash(record, salt, algorithm = 'KeyedBlake2_256') {
  const key = u8aToU8a(salt);
  if (key.length !== SALT_BYTES) throw new Error(`a record's salt is ${SALT_BYTES} bytes, not ${key.length}`);
  const data = u8aToU8a(record);
  switch (algorithm) {
    case 'KeyedBlake2_256': return u8aToHex(blake2AsU8a(data, 256, key));
    case 'HmacSha2_256': return u8aToHex(hmacSha256AsU8a(key, data));
    default: throw new Error(`${algorithm} is not a salted record hash`);
  }
}

/** A record's salt and content hash, ready for `records.anchorRecord`. */
export function saltedRecord(record, algorithm = 'KeyedBlake2_256') {
  const salt = newSalt();
  return { salt: u8aToHex(salt), contentHash: recordHash(record, salt, algorithm), algorithm };
}
