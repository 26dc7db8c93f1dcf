#!/usr/bin/env bash
# Fuzz the runtime for MINUTES minutes (default 3) with libFuzzer: see fuzz/src/lib.rs for what
# an input is and what is checked after every block. Exits non-zero on a finding; the input that
# caused it is saved under fuzz/artifacts/runtime/ and printed here in hex.
#
# The fuzzer's build is its own (instrumented for coverage, with `try-runtime`), in
# $HOME/.cache/medchain/fuzz-target; the corpus it grows is kept in
# $HOME/.cache/medchain/fuzz-corpus, beside the seeds checked in under fuzz/corpus/runtime.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$REPO_ROOT"
minutes="${1:-3}"

target="$(rustc -vV | sed -n 's/^host: //p')"
fuzz_target_dir="$HOME/.cache/medchain/fuzz-target"
corpus="$HOME/.cache/medchain/fuzz-corpus/runtime"
seeds="$REPO_ROOT/fuzz/corpus/runtime"
artifacts="$REPO_ROOT/fuzz/artifacts/runtime"
mkdir -p "$corpus" "$artifacts"

echo "== Fuzzer build (libFuzzer, coverage-instrumented, try-runtime)"
# The flags cargo-fuzz passes with `--sanitizer none` (so a stable toolchain builds it); the
# explicit --target keeps them off build scripts and proc macros.
RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing" \
  SKIP_WASM_BUILD=1 CARGO_TARGET_DIR="$fuzz_target_dir" \
  cargo build --release --locked --manifest-path fuzz/Cargo.toml --target "$target" --bin runtime
fuzzer="$fuzz_target_dir/$target/release/runtime"

echo "== Seed corpus: every flow still plays (fuzz/corpus/runtime)"
MEDCHAIN_FUZZ_WRITE_SEEDS="$seeds" "$fuzzer"

echo "== Fuzzing for $minutes min"
status=0
"$fuzzer" "$corpus" "$seeds" \
  -max_total_time="$((minutes * 60))" -max_len=8192 -timeout=60 -rss_limit_mb=4096 \
  -artifact_prefix="$artifacts/" -print_final_stats=1 || status=$?
if [ "$status" -ne 0 ]; then
  for input in "$artifacts"/*; do
    [ -f "$input" ] || continue
    echo "finding: $input"
    xxd -p "$input" | tr -d '\n'
    echo
  done
  echo "fuzz: libFuzzer stopped with status $status: a finding (the input is above)" >&2
  exit "$status"
fi
