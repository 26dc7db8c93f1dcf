#!/usr/bin/env bash
# Set up, build and run every test: the Python leg of the shared test vectors (Merkle tree,
# salted record hashes, claim line commitments), the Rust
# tests of the whole workspace, try-runtime over the scenario flows' blocks, a few minutes of
# the runtime fuzzer (MEDCHAIN_FUZZ_MINUTES, default 3), then the tests against a running node
# (tests/e2e, Node.js's built-in test runner: among them crashes under load and a full disk),
# the record gateway's on SQLite and on a PostgreSQL server started here.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$REPO_ROOT"

echo "== Shared test vectors, Python leg (Rust: the pallets' tests; JavaScript: tests/e2e)"
python3 scripts/record-hash.py self-test
python3 scripts/claim-lines.py self-test

bash scripts/build.sh

echo "== PostgreSQL for the gateway's tests (stopped when this script exits)"
source scripts/postgres.sh

echo "== Rust tests"
# Same (release) profile as the node, so nothing is built twice.
cargo test --release --locked --workspace

echo "== Benchmarks, each run once as a test against its pallet's mock"
cargo test --release --locked -p pallet-consortium -p pallet-patients -p pallet-records -p pallet-consent -p pallet-payments \
  --features runtime-benchmarks \
  -- bench_

echo "== try-runtime: the scenario flows' blocks replayed with try_execute_block"
# The runtime with `try-runtime`, natively (its wasm is not needed here, so not built).
SKIP_WASM_BUILD=1 cargo test --release --locked -p medchain-tests --features try-runtime -- try_runtime::

echo "== Runtime fuzzer (scripts/fuzz.sh), ${MEDCHAIN_FUZZ_MINUTES:-3} min"
bash scripts/fuzz.sh "${MEDCHAIN_FUZZ_MINUTES:-3}"

echo "== Node tests (tests/e2e)"
e2e_packages
cd tests/e2e
# Each test sets its own timeout (`slow` in lib/node.mjs, 300 s: a few PoW blocks with
# room to spare), and a suite's node start has START_TIMEOUT_MS, so a transaction that never
# reaches a block fails its test instead of hanging the run. Not `--test-timeout`: the runner
# applies that to each file as a whole, which takes longer than any one test.
node --test --test-concurrency=1 --test-reporter=spec
