#!/usr/bin/env python3
"""Build and check the salted line commitments of Medchain claims.

A claim's coded services stay off chain, in the claim document the provider sends the payer;
the chain holds, per line, a salted commitment and the amount. The document is JSON:

  {"lines": [{"system": "CPT", "code": "99223", "quantity": 2,
              "unitPrice": "30000000000000", "salt": "0x…"}]}

(system: CPT, HCPCS, ICD-10-PCS or LOCAL; unitPrice a whole number of the token's smallest
unit; salt: 32 random bytes, one per line, never reused, never copied into another claim).

  claim-lines.py commit DOCUMENT
      Give every line without a salt a fresh one, write the document back, and print the
      `lines` argument of `payments.submitClaim` as JSON: [{"commitment", "amount"}].
  claim-lines.py check DOCUMENT CLAIM_LINES
      The payer's check before it adjudicates: CLAIM_LINES is the JSON of the claim's lines on
      chain (`paymentsApi.claim(id).lines`). Exit status 1, naming the line, on any mismatch.
  claim-lines.py self-test
      Check the shared test vector (pallets/payments/src/commitment.rs, tests/e2e).

A line's commitment is blake2-256 over: the ASCII domain `medchain/claim-line/v1`, the salt
(32 bytes), the system (1 byte: 0 CPT, 1 HCPCS, 2 ICD-10-PCS, 3 LOCAL), the code (8 bytes,
zero-padded), the quantity (u32 little-endian), the unit price (u128 little-endian).
Only the Python standard library is used.
"""
import hashlib
import hmac
import json
import re
import secrets
import sys

DOMAIN = b"medchain/claim-line/v1"
SYSTEMS = {"CPT": 0, "HCPCS": 1, "ICD-10-PCS": 2, "LOCAL": 3}
CODE = re.compile(r"^[A-Z0-9.]{1,8}$")


class Malformed(ValueError):
    pass


def unhex(text: str, length: int, what: str) -> bytes:
    try:
        raw = bytes.fromhex(text[2:] if text.startswith("0x") else text)
    except (ValueError, AttributeError):
        raise Malformed(f"{what} is not hex")
    if len(raw) != length:
        raise Malformed(f"{what} is {len(raw)} bytes, not {length}")
    return raw


def commitment(line: dict) -> bytes:
    system, code = line.get("system"), line.get("code")
    if system not in SYSTEMS:
        raise Malformed(f"unknown code system {system!r}")
    if not isinstance(code, str) or not CODE.fullmatch(code):
        raise Malformed(f"{code!r} is not 1 to 8 capital letters, digits or dots")
    quantity, price = line.get("quantity"), line.get("unitPrice")
    if isinstance(price, str) and price.isdigit():
        price = int(price)
    if isinstance(price, bool) or not isinstance(price, int):
        raise Malformed(f"unit price {price!r} is not a whole number of the smallest unit")
    if isinstance(quantity, bool) or not isinstance(quantity, int) or not 1 <= quantity < 2**32:
        raise Malformed(f"quantity {quantity!r} is not a whole number from 1")
    if not 0 <= price < 2**128:
        raise Malformed(f"unit price {price} is out of range")
    salt = unhex(line.get("salt", ""), 32, "salt")
    data = (DOMAIN + salt + bytes([SYSTEMS[system]]) + code.encode().ljust(8, b"\0")
            + quantity.to_bytes(4, "little") + price.to_bytes(16, "little"))
    return hashlib.blake2b(data, digest_size=32).digest()


def on_chain(line: dict) -> dict:
    return {"commitment": "0x" + commitment(line).hex(),
            "amount": str(int(line["unitPrice"]) * line["quantity"])}


def reused_salts(lines: list) -> bool:
    """Whether two lines share a salt: a reused salt makes equal lines' commitments equal, and
    lets anyone link the claims they are in."""
    salts = [line.get("salt") for line in lines]
    return len(set(salts)) != len(salts)


def check(lines: list, chain: list) -> list:
    """What differs between the document's lines and the claim's lines on chain."""
    if len(lines) != len(chain):
        return [f"the document has {len(lines)} lines, the claim {len(chain)}"]
    problems = []
    for i, (line, stored) in enumerate(zip(lines, chain), 1):
        try:
            expected = commitment(line)
        except Malformed as e:
            problems.append(f"line {i}: {e}")
            continue
        if not hmac.compare_digest(expected, unhex(str(stored["commitment"]), 32, "commitment")):
            problems.append(f"line {i}: the document does not match the commitment on chain")
        elif int(stored["amount"]) != int(line["unitPrice"]) * line["quantity"]:
            problems.append(f"line {i}: the amount on chain is not quantity × unit price")
    return problems


VECTOR = {"system": "CPT", "code": "99213", "quantity": 2, "unitPrice": "30000000000000",
          "salt": "0x" + bytes(range(32)).hex()}
VECTOR_COMMITMENT = "0xdb622977ac38d17c028c137e850b3795b3711b4ebbcbab4efa758ce23f528a81"


def self_test() -> int:
    failures = []
    got = on_chain(VECTOR)
    if got != {"commitment": VECTOR_COMMITMENT, "amount": "60000000000000"}:
        failures.append(f"test vector: got {got}")
    if check([VECTOR], [got]):
        failures.append("the vector does not check against itself")
    for changed in ({"code": "90837"}, {"system": "HCPCS"}, {"quantity": 3}, {"salt": "0x" + "00" * 32}):
        if not check([{**VECTOR, **changed}], [got]):
            failures.append(f"a line with {changed} passed")
    if not check([VECTOR], [{**got, "amount": "60000000000001"}]):
        failures.append("an inflated amount passed")
    for malformed in ({"code": "99213\n"}, {"unitPrice": "3.5"}, {"unitPrice": 3.5}, {"quantity": True}):
        if not check([{**VECTOR, **malformed}], [got]):
            failures.append(f"a malformed line {malformed} passed")
    if not reused_salts([VECTOR, {**VECTOR, "code": "36415"}]):
        failures.append("a reused salt was not noticed")
    if failures:
        print("self-test FAILED:", *failures, sep="\n  ", file=sys.stderr)
        return 1
    print("self-test passed:", VECTOR_COMMITMENT)
    return 0


def main(argv) -> int:
    if argv[:1] == ["self-test"]:
        return self_test()
    if len(argv) == 2 and argv[0] == "commit":
        with open(argv[1]) as f:
            document = json.load(f)
        for line in document["lines"]:
            line.setdefault("salt", "0x" + secrets.token_bytes(32).hex())
        if reused_salts(document["lines"]):
            print("claim-lines: two lines share a salt; give each line a fresh one", file=sys.stderr)
            return 1
        try:
            lines = [on_chain(line) for line in document["lines"]]
        except Malformed as e:
            print(f"claim-lines: {e}", file=sys.stderr)
            return 1
        with open(argv[1], "w") as f:
            json.dump(document, f, indent=2)
        print(json.dumps(lines, indent=2))
        return 0
    if len(argv) == 3 and argv[0] == "check":
        with open(argv[1]) as f:
            document = json.load(f)
        with open(argv[2]) as f:
            chain = json.load(f)
        problems = check(document["lines"], chain)
        for p in problems:
            print("MISMATCH:", p, file=sys.stderr)
        if not problems:
            print(f"match: the document's {len(chain)} lines are the claim's")
        return 1 if problems else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
