#!/usr/bin/env bash
# Set up, build (release) and start a development node that mines.
# RPC (WebSocket and HTTP): ws://127.0.0.1:9944. Extra arguments go to medchain-node,
# e.g. `scripts/run-dev.sh --mining-threads 2`.
set -euo pipefail
source "$(dirname "$0")/common.sh"
bash "$REPO_ROOT/scripts/build.sh"
exec "$MEDCHAIN_NODE" --dev --tmp --rpc-port 9944 --rpc-cors all "$@"
