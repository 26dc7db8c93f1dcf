#!/usr/bin/env bash
# Measure how many transactions per second a release dev node includes, on this machine:
# transfers (the baseline), single record anchors, consent access logs, and Merkle batches of
# records end to end. Writes the report to reports/throughput.json (or the path given).
# Usage: scripts/bench-throughput.sh [REPORT] [options of tests/e2e/tools/throughput.mjs]
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$REPO_ROOT"
report="$(report_path "${1:-}" reports/throughput.json)"
shift || true
bash scripts/build.sh
e2e_packages
cd tests/e2e
node tools/throughput.mjs --out "$report" "$@"
