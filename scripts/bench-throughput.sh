#!/usr/bin/env bash
# Measure how many transactions per second a release dev node includes, on this machine:
# transfers (the baseline), single record anchors, consent access logs, and Merkle batches of
# records end to end. Writes the report to reports/throughput.json (or the path given).
# Usage: scripts/bench-throughput.sh [REPORT] [options of tests/e2e/tools/throughput.mjs]
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$REPO_ROOT"
report="${1:-reports/throughput.json}"
shift || true
case "$report" in /*) ;; *) report="$REPO_ROOT/$report" ;; esac
bash scripts/build.sh
cd tests/e2e
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
node tools/throughput.mjs --out "$report" "$@"
