#!/usr/bin/env bash
# Build the release node (and with it the runtime's WebAssembly).
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$REPO_ROOT"
bash scripts/setup.sh
cargo build --release --locked --workspace
echo "build: $MEDCHAIN_NODE"
