# Shared settings for Medchain's scripts; sourced, not run.
# Builds go to a persistent directory outside the clone, so every clone and CI run reuses them.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/medchain/target}"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT
# The runtime's WebAssembly build looks for the workspace from the target dir: point it back.
export WASM_BUILD_WORKSPACE_HINT="$REPO_ROOT"
export MEDCHAIN_NODE="$CARGO_TARGET_DIR/release/medchain-node"

# Install the npm packages of tests/e2e if they are missing or older than its lock file.
e2e_packages() {
  (
    cd "$REPO_ROOT/tests/e2e"
    if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
      npm ci --no-audit --no-fund
    fi
  )
}

# The path of a benchmark's report: $1 if given (relative to the repository), else $2.
report_path() {
  local report="${1:-$2}"
  case "$report" in /*) echo "$report" ;; *) echo "$REPO_ROOT/$report" ;; esac
}
