#!/usr/bin/env python3
"""Hash medical record files the way Medchain anchors them, and build batch Merkle trees.

  record-hash.py hash FILE... [--algorithm keyed-blake2-256|hmac-sha-256] [--salt HEX]
      The salted content hash of each FILE, to anchor with `records.anchorRecord`, as JSON:
      a fresh random 32-byte salt per file (or the one given), and the hash keyed by it. Keep
      the salt with the record: whoever may see the record gets it too, and it never goes on
      chain. Without the salt a hash confirms no guess of the record's content.
  record-hash.py verify FILE --salt HEX --hash HEX [--algorithm ...]
      Check FILE and its salt against an anchored content hash; exit status 1 if they differ.
  record-hash.py batch FILE... [--algorithm blake2-256|sha-256]
      For public documents only (a batch names no patient): the Merkle root over the files'
      unsalted content hashes (to anchor with `records.anchorBatch`), and for each file its
      content hash and proof (for `recordsApi.verifyInBatch`), as JSON.
  record-hash.py self-test
      Check this script against the test vectors shared with the runtime and tests/e2e.

A salted hash is blake2b-256 in its keyed mode (RFC 7693) with the salt as the key
(`KeyedBlake2_256` on chain), or HMAC-SHA-256 (RFC 2104) with the salt as the key
(`HmacSha2_256`).

The tree (see pallets/records/src/merkle.rs): leaf = blake2-256(0x00 || content_hash);
inner node = blake2-256(0x01 || min(a, b) || max(a, b)); an odd node is carried up unchanged.
Only the Python standard library is used. The files never leave the machine.
"""
import argparse
import hashlib
import hmac
import json
import secrets
import sys

SALT_BYTES = 32


def blake2_256(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=32).digest()


def hasher(algorithm: str, salt: bytes = b""):
    """A streaming hasher: unsalted for batches, keyed by `salt` for records."""
    if algorithm == "blake2-256":
        return hashlib.blake2b(digest_size=32)
    if algorithm == "sha-256":
        return hashlib.sha256()
    if len(salt) != SALT_BYTES:
        raise ValueError(f"a record's salt is {SALT_BYTES} bytes, not {len(salt)}")
    if algorithm == "keyed-blake2-256":
        return hashlib.blake2b(digest_size=32, key=salt)
    return hmac.new(salt, digestmod=hashlib.sha256)


def content_hash(path: str, algorithm: str, salt: bytes = b"") -> bytes:
    h = hasher(algorithm, salt)
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.digest()


def salted_hash(data: bytes, salt: bytes, algorithm: str = "keyed-blake2-256") -> bytes:
    h = hasher(algorithm, salt)
    h.update(data)
    return h.digest()


ON_CHAIN = {"keyed-blake2-256": "KeyedBlake2_256", "hmac-sha-256": "HmacSha2_256"}


def leaf(content: bytes) -> bytes:
    return blake2_256(b"\x00" + content)


def inner(a: bytes, b: bytes) -> bytes:
    low, high = (a, b) if a <= b else (b, a)
    return blake2_256(b"\x01" + low + high)


def next_level(level):
    return [inner(level[i], level[i + 1]) if i + 1 < len(level) else level[i]
            for i in range(0, len(level), 2)]


def root(contents):
    level = [leaf(c) for c in contents]
    if not level:
        raise ValueError("no hashes")
    while len(level) > 1:
        level = next_level(level)
    return level[0]


def proof(contents, index):
    level = [leaf(c) for c in contents]
    siblings = []
    while len(level) > 1:
        if index ^ 1 < len(level):
            siblings.append(level[index ^ 1])
        level = next_level(level)
        index //= 2
    return siblings


def root_from_proof(content, siblings):
    node = leaf(content)
    for s in siblings:
        node = inner(node, s)
    return node


def hexed(b: bytes) -> str:
    return "0x" + b.hex()


TEST_VECTOR_ROOT = "0xe13696916a40519dfef0ed54b55992e01bf1993215ba50ac94c75be929ebbeb8"
# The record `medchain` salted with the bytes 0x00, 0x01, ..., 0x1f (also checked by
# tests/e2e/lib/record-hash.mjs in tests/e2e/helpers.test.mjs).
TEST_VECTOR_SALT = bytes(range(32))
TEST_VECTOR_KEYED_BLAKE2 = "0x53173f14c0c676fe6f016ed199bd8fb53c2f5ab718dd21ef13a6b13559730ca9"
TEST_VECTOR_HMAC_SHA256 = "0xc1db598b80789ea0955966ae855acf1c60d997d2c188f1cc368073f02d72a3d6"


def self_test() -> int:
    """Check the shared test vector; 0 if it holds, else 1 with what differs (no `assert`, which
    `python3 -O` would skip)."""
    failures = []

    def check(what, got, expected):
        if got != expected:
            failures.append(f"{what}: got {got}, expected {expected}")

    contents = [blake2_256(bytes([i])) for i in range(3)]
    check("content hash 0", hexed(contents[0]),
          "0x03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314")
    r = root(contents)
    for i, c in enumerate(contents):
        check(f"root from the proof of leaf {i}", hexed(root_from_proof(c, proof(contents, i))), hexed(r))
    check("root", hexed(r), TEST_VECTOR_ROOT)
    check("keyed blake2-256", hexed(salted_hash(b"medchain", TEST_VECTOR_SALT)),
          TEST_VECTOR_KEYED_BLAKE2)
    check("hmac-sha-256", hexed(salted_hash(b"medchain", TEST_VECTOR_SALT, "hmac-sha-256")),
          TEST_VECTOR_HMAC_SHA256)
    check("a different salt gives a different hash",
          salted_hash(b"medchain", bytes(32)) != salted_hash(b"medchain", TEST_VECTOR_SALT), True)
    if failures:
        print("self-test FAILED:", *failures, sep="\n  ", file=sys.stderr)
        return 1
    print("self-test passed:", hexed(r))
    return 0


def unhex(parser, what: str, text: str, length: int) -> bytes:
    try:
        raw = bytes.fromhex(text[2:] if text.startswith("0x") else text)
    except ValueError:
        parser.error(f"--{what} is not hex")
    if len(raw) != length:
        parser.error(f"--{what} is {len(raw)} bytes, not {length}")
    return raw


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["hash", "verify", "batch", "self-test"])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--algorithm",
                        choices=["keyed-blake2-256", "hmac-sha-256", "blake2-256", "sha-256"])
    parser.add_argument("--salt", help="the record's 32-byte salt, hex (hash: default a fresh one)")
    parser.add_argument("--hash", help="verify: the anchored content hash, hex")
    args = parser.parse_args()
    if args.command == "self-test":
        return self_test()
    if not args.files:
        parser.error("name at least one file")
    if args.command in ("hash", "verify"):
        algorithm = args.algorithm or "keyed-blake2-256"
        if algorithm not in ON_CHAIN:
            parser.error("a patient's record is hashed with a salt: keyed-blake2-256 or hmac-sha-256")
        if args.command == "verify":
            if len(args.files) != 1 or not args.salt or not args.hash:
                parser.error("verify takes one FILE, --salt and --hash")
            salt = unhex(parser, "salt", args.salt, SALT_BYTES)
            expected = unhex(parser, "hash", args.hash, 32)
            got = content_hash(args.files[0], algorithm, salt)
            if not hmac.compare_digest(got, expected):
                print(f"MISMATCH: {args.files[0]} with this salt hashes to {hexed(got)}",
                      file=sys.stderr)
                return 1
            print(f"match: {args.files[0]} is the record anchored as {hexed(expected)}")
            return 0
        if args.salt and len(args.files) != 1:
            parser.error("--salt goes with one FILE: each record has its own salt")
        out = []
        for f in args.files:
            salt = unhex(parser, "salt", args.salt, SALT_BYTES) if args.salt \
                else secrets.token_bytes(SALT_BYTES)
            out.append({"file": f, "algorithm": ON_CHAIN[algorithm], "salt": hexed(salt),
                        "contentHash": hexed(content_hash(f, algorithm, salt))})
        print(json.dumps(out, indent=2))
        return 0
    algorithm = args.algorithm or "blake2-256"
    if algorithm in ON_CHAIN or args.salt:
        parser.error("a batch holds public documents, hashed without a salt: blake2-256 or sha-256")
    contents = [content_hash(f, algorithm) for f in args.files]
    print(json.dumps({
        "algorithm": algorithm,
        "root": hexed(root(contents)),
        "leafCount": len(contents),
        "files": [{"file": f, "contentHash": hexed(c), "proof": [hexed(s) for s in proof(contents, i)]}
                  for i, (f, c) in enumerate(zip(args.files, contents))],
    }, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
