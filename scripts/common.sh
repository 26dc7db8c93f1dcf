# Shared settings for Medchain's scripts; sourced, not run.
# Builds go to a persistent directory outside the clone, so every clone and CI run reuses them.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/medchain/target}"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT
# The runtime's WebAssembly build looks for the workspace from the target dir: point it back.
export WASM_BUILD_WORKSPACE_HINT="$REPO_ROOT"
export MEDCHAIN_NODE="$CARGO_TARGET_DIR/release/medchain-node"
