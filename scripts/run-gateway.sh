#!/usr/bin/env bash
# Run a record gateway for the development chain's provider (organization 0, whose member is
# Dave), against the node of scripts/run-dev.sh, on http://127.0.0.1:8700. A fresh gateway each
# time: its folder (master key, upload credential, SQLite database) is made in a temporary
# directory, whose path it prints. Development keys only: never for a real provider.
set -euo pipefail
source "$(dirname "$0")/common.sh"
bash "$REPO_ROOT/scripts/build.sh"
gateway="$CARGO_TARGET_DIR/release/medchain-gateway"
dir="$(mktemp -d /tmp/medchain-dev-gateway.XXXXXX)/gateway"
"$gateway" init "$dir" --listen 127.0.0.1:8700 --node-url ws://127.0.0.1:9944 >/dev/null
(umask 077 && echo "//Dave" > "$dir/member.key")
echo "dev gateway in $dir; upload credential: $dir/upload.token"
exec "$gateway" serve --config "$dir/gateway.toml"
