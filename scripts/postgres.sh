# A throwaway PostgreSQL server for the gateway's tests; sourced by scripts/test.sh. Starts the
# server of Debian's package in a temporary folder, on a free loopback port, trusting local
# connections, and exports MEDCHAIN_TEST_POSTGRES (a URL without a database); stopped and
# removed when the calling shell exits.
pg_bin="$(compgen -G "/usr/lib/postgresql/*/bin" | sort -V | tail -n 1)"
if [ -z "$pg_bin" ]; then
  echo "postgres: no PostgreSQL server installed (scripts/setup.sh installs it)" >&2
  exit 1
fi
pg_dir="$(mktemp -d /tmp/medchain-postgres.XXXXXX)"
pg_port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
# The server refuses to run as root: run it as the package's `postgres` user then.
pg_as=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$pg_dir"
  pg_as=(runuser -u postgres --)
fi
"${pg_as[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust --no-sync >/dev/null
"${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w -o \
  "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c fsync=on" start >/dev/null
stop_postgres() {
  "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_postgres EXIT
export MEDCHAIN_TEST_POSTGRES="postgres://postgres@127.0.0.1:$pg_port"
echo "postgres: $("$pg_bin/postgres" --version) on 127.0.0.1:$pg_port"
