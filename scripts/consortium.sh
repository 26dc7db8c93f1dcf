#!/usr/bin/env bash
# Start a local consortium: three medchain-node processes on loopback, on the `local` chain.
# node1 and node2 mine (authors Alice and Bob), node3 does not. Each accepts only the other two
# (reserved-only peering with stable node identities from scripts/consortium/node*.key).
# Ctrl-C (or the end of this script) stops them all.
#
#   node   p2p    RPC (ws/http)  Prometheus
#   node1  30331  9944           9615
#   node2  30332  9945           9616
#   node3  30333  9946           9617
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
authors=(
  ""
  5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY # Alice
  5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty # Bob
)

pids=()
stop_all() {
  trap - EXIT INT TERM
  echo "consortium: stopping"
  for pid in "${pids[@]}"; do kill -INT "$pid" 2>/dev/null || true; done
  wait || true
  exit 0
}
trap stop_all EXIT INT TERM

for i in 1 2 3; do
  reserved=()
  for j in 1 2 3; do [ "$i" = "$j" ] || reserved+=(--reserved-nodes "$(addr "$j")"); done
  mining=(--no-mine)
  [ "$i" = 3 ] || mining=(--mine --author "${authors[$i]}")
  "$MEDCHAIN_NODE" --chain local --name "node$i" --base-path "$base/node$i" \
    --node-key-file "scripts/consortium/node$i.key" \
    --listen-addr "/ip4/127.0.0.1/tcp/3033$i" --rpc-port "994$((i + 3))" --prometheus-port "961$((i + 4))" \
    --reserved-only "${reserved[@]}" --no-mdns "${mining[@]}" \
    >"$base/node$i.log" 2>&1 &
  pids+=($!)
  echo "consortium: node$i (pid $!) p2p 3033$i, rpc ws://127.0.0.1:994$((i + 3)), log $base/node$i.log"
done
echo "consortium: running; Ctrl-C stops all three"
wait -n || true
echo "consortium: a node exited" >&2
exit 1
