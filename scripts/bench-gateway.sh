#!/usr/bin/env bash
# Measure the record gateway on this machine: uploads anchored per second and release latency
# (p50/p95), against a release dev node on loopback. Writes the report to reports/gateway.json
# (or the path given).
# Usage: scripts/bench-gateway.sh [REPORT] [options of tests/e2e/tools/gateway-bench.mjs]
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$REPO_ROOT"
report="$(report_path "${1:-}" reports/gateway.json)"
shift || true
bash scripts/build.sh
e2e_packages
cd tests/e2e
node tools/gateway-bench.mjs --out "$report" "$@"
