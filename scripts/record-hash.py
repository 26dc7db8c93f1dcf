#!/usr/bin/env python3
"""Hash medical record files the way Medchain anchors them, and build batch Merkle trees.

  record-hash.py hash FILE [--algorithm blake2-256|sha-256]
      The content hash of FILE, to anchor with `records.anchorRecord`.
  record-hash.py batch FILE... [--algorithm ...]
      The Merkle root over the files' content hashes (to anchor with `records.anchorBatch`),
      and for each file its content hash and proof (for `recordsApi.verifyInBatch`), as JSON.
  record-hash.py self-test
      Check this script against the test vector shared with the runtime.

The tree (see pallets/records/src/merkle.rs): leaf = blake2-256(0x00 || content_hash);
inner node = blake2-256(0x01 || min(a, b) || max(a, b)); an odd node is carried up unchanged.
Only the Python standard library is used. The files never leave the machine.
"""
import argparse
import hashlib
import json
import sys


def blake2_256(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=32).digest()


def content_hash(path: str, algorithm: str) -> bytes:
    h = hashlib.blake2b(digest_size=32) if algorithm == "blake2-256" else hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.digest()


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
    if failures:
        print("self-test FAILED:", *failures, sep="\n  ", file=sys.stderr)
        return 1
    print("self-test passed:", hexed(r))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["hash", "batch", "self-test"])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--algorithm", choices=["blake2-256", "sha-256"], default="blake2-256")
    args = parser.parse_args()
    if args.command == "self-test":
        return self_test()
    if not args.files:
        parser.error("name at least one file")
    contents = [content_hash(f, args.algorithm) for f in args.files]
    if args.command == "hash":
        for f, c in zip(args.files, contents):
            print(hexed(c), f)
        return 0
    print(json.dumps({
        "algorithm": args.algorithm,
        "root": hexed(root(contents)),
        "leafCount": len(contents),
        "files": [{"file": f, "contentHash": hexed(c), "proof": [hexed(s) for s in proof(contents, i)]}
                  for i, (f, c) in enumerate(zip(args.files, contents))],
    }, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
