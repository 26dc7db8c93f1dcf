#!/usr/bin/env bash
# Generate weights from the benchmarks, on this machine:
# - each Medchain pallet's `weights.rs` (trait, SubstrateWeight and () impls);
# - runtime/src/weights/ for the FRAME pallets whose weights depend on Medchain's hooks or are
#   measured on this runtime (pallet_timestamp: setting the timestamp retargets the PoW
#   difficulty; pallet_parameters: the fee parameters);
# - runtime/src/weights/{block,extrinsic}_weights.rs, the base weights (`benchmark overhead`).
# Usage: scripts/benchmark-weights.sh [STEPS=50] [REPEAT=20]
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$REPO_ROOT"
steps="${1:-50}"
repeat="${2:-20}"
bash scripts/setup.sh
cargo build --release --locked -p medchain-node --features runtime-benchmarks
bench=("$MEDCHAIN_NODE" benchmark pallet --chain dev --wasm-execution compiled
       --steps "$steps" --repeat "$repeat" --extrinsic '*' --header scripts/weight-header.txt)

for pallet in consortium patients records consent payments; do
  "${bench[@]}" --pallet "pallet_$pallet" --template scripts/pallet-weight-template.hbs \
    --output "pallets/$pallet/src/weights.rs"
done
mkdir -p runtime/src/weights
for pallet in pallet_timestamp pallet_parameters; do
  "${bench[@]}" --pallet "$pallet" --output "runtime/src/weights/$pallet.rs"
done
# The base weights of an empty block and of a no-op extrinsic.
"$MEDCHAIN_NODE" benchmark overhead --chain dev --weight-path runtime/src/weights \
  --header scripts/weight-header.txt --warmup 10 --repeat "$((repeat * 5))"
echo "weights written; rebuild the node without --features runtime-benchmarks for normal use"
