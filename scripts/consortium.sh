#!/usr/bin/env bash
# Start a local consortium: four medchain-node processes on loopback, on the `local` chain, one
# per member organization. Each node votes in GRANDPA with its organization's finality key and
# node1 and node2 also mine with their mining keys: the development keys that --alice, --bob,
# --charlie and --dave put in each node's keystore, which the local chain admits (hence
# --allow-development-keys: this is a test network). Voters need not mine, which spares the CPU.
# Each node accepts only the other three (reserved-only peering with stable node identities from
# scripts/consortium/node*.key; the local chain holds them as its well-known nodes, from which
# each node takes its reserved peers at every block).
# Ctrl-C (or the end of this script) stops them all.
#
#   node   keys      mines  p2p    RPC (ws/http)  Prometheus
#   node1  --alice   yes    30331  9944           9615
#   node2  --bob     yes    30332  9945           9616
#   node3  --charlie no     30333  9946           9617
#   node4  --dave    no     30334  9947           9618
#
# Data lives in $CONSORTIUM_DIR (default /tmp/medchain-consortium); delete it to start afresh.
# Set SKIP_BUILD=1 to use the binary as it is.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$REPO_ROOT"
[ "${SKIP_BUILD:-0}" = 1 ] || bash scripts/build.sh
base="${CONSORTIUM_DIR:-/tmp/medchain-consortium}"
mkdir -p "$base"

peer_id() { "$MEDCHAIN_NODE" key inspect-node-key --file "scripts/consortium/node$1.key"; }
addr() { echo "/ip4/127.0.0.1/tcp/3033$1/p2p/$(peer_id "$1")"; }
keys=("" alice bob charlie dave)

pids=()
stop_all() {
  trap - EXIT INT TERM
  echo "consortium: stopping"
  for pid in "${pids[@]}"; do kill -INT "$pid" 2>/dev/null || true; done
  wait || true
  exit 0
}
trap stop_all EXIT INT TERM

for i in 1 2 3 4; do
  reserved=()
  for j in 1 2 3 4; do [ "$i" = "$j" ] || reserved+=(--reserved-nodes "$(addr "$j")"); done
  mining=()
  [ "$i" -gt 2 ] || mining=(--mine)
  "$MEDCHAIN_NODE" --chain local --allow-development-keys --"${keys[$i]}" \
    --base-path "$base/node$i" \
    --node-key-file "scripts/consortium/node$i.key" \
    --listen-addr "/ip4/127.0.0.1/tcp/3033$i" --rpc-port "994$((i + 3))" --prometheus-port "961$((i + 4))" \
    --reserved-only "${reserved[@]}" --no-mdns "${mining[@]}" \
    >"$base/node$i.log" 2>&1 &
  pids+=($!)
  echo "consortium: node$i (pid $!) p2p 3033$i, rpc ws://127.0.0.1:994$((i + 3)), log $base/node$i.log"
done
echo "consortium: running; Ctrl-C stops all four"
wait -n || true
echo "consortium: a node exited" >&2
exit 1
