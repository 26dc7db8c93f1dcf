#!/usr/bin/env bash
# Rewrite gateway/metadata/medchain.scale, the runtime metadata (V15) the gateway's client types
# are generated from, from the runtime as built now. The Rust tests fail while it is stale.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$REPO_ROOT"
MEDCHAIN_WRITE_METADATA=1 cargo test --release --locked -p medchain-tests -- the_gateways_metadata_is_the_runtimes
