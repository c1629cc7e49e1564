#!/usr/bin/env bash
# Runs every test of ReportHub. It is the one test command of the README, and .ci/run calls it.
#
# The warehouse, CLI and API tests run against SQLite and against a real PostgreSQL: this script starts a throwaway
# cluster (initdb + pg_ctl, trust auth, 127.0.0.1 on a free port, data in a temp folder), installs the server with
# apt-get when it is missing, passes it to the tests in REPORTHUB_TEST_POSTGRES and stops it on exit, failed or not.
# They also run against SQL Server when REPORTHUB_TEST_SQLSERVER holds a connection string; otherwise the output says
# "SQL Server: not run" and why.
set -euo pipefail
cd "$(dirname "$0")"

log=$(mktemp)
pg_dir=""
pg_ctl_bin=""
pg_user=""

as_pg() {
  if [ -n "$pg_user" ]; then runuser -u "$pg_user" -- "$@"; else "$@"; fi
}

cleanup() {
  if [ -n "$pg_dir" ] && [ -n "$pg_ctl_bin" ] && [ -f "$pg_dir/data/postmaster.pid" ]; then
    as_pg "$pg_ctl_bin" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [ -n "$pg_dir" ]; then rm -rf "$pg_dir"; fi
  rm -f "$log"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The PostgreSQL server binaries: on PATH, else the newest /usr/lib/postgresql/*/bin, else installed with apt-get.
find_pg_bin() {
  local initdb_path
  if initdb_path=$(command -v initdb 2>/dev/null) && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$initdb_path"
    return 0
  fi
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start_postgres() {
  local bin
  if ! bin=$(find_pg_bin); then
    echo "PostgreSQL server not found; installing it with apt-get ..."
    if ! command -v apt-get >/dev/null 2>&1; then
      echo "PostgreSQL: cannot be installed (no apt-get); install the server (initdb, pg_ctl) and run ./test.sh again" >&2
      return 1
    fi
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bin=$(find_pg_bin) || { echo "PostgreSQL: apt-get installed no initdb/pg_ctl" >&2; return 1; }
  fi
  # /usr/local/bin may hold only symlinks: work from the real folder, which also has the postgres binary.
  bin=$(dirname "$(readlink -f "$bin/initdb")")
  pg_ctl_bin="$bin/pg_ctl"

  # initdb and postgres refuse to run as root: use the package's postgres user, or a system user of our own.
  if [ "$(id -u)" -eq 0 ]; then
    if id -u postgres >/dev/null 2>&1; then
      pg_user=postgres
    else
      id -u reporthubpg >/dev/null 2>&1 || useradd -r -M -s /usr/sbin/nologin reporthubpg
      pg_user=reporthubpg
    fi
  fi

  pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/reporthub-pg.XXXXXX")
  if [ -n "$pg_user" ]; then chown "$pg_user" "$pg_dir"; fi
  if ! as_pg "$bin/initdb" -D "$pg_dir/data" -U reporthub -A trust -E UTF8 --no-locale --no-sync >"$pg_dir/initdb.log" 2>&1; then
    cat "$pg_dir/initdb.log" >&2
    return 1
  fi

  local port started=""
  for port in $(seq 55432 55531); do
    if port_in_use "$port"; then continue; fi
    if as_pg "$pg_ctl_bin" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
        -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
        start >/dev/null 2>&1; then
      started=$port
      break
    fi
    # Another process may have taken the port between the check and the start: try the next one.
    if grep -q "could not bind\|Address already in use" "$pg_dir/server.log" 2>/dev/null; then
      : >"$pg_dir/server.log"
      continue
    fi
    cat "$pg_dir/server.log" >&2 || true
    return 1
  done
  if [ -z "$started" ]; then
    echo "PostgreSQL: no free loopback port in 55432-55531" >&2
    return 1
  fi

  export REPORTHUB_TEST_POSTGRES="Host=127.0.0.1;Port=$started;Username=reporthub;Database=postgres"
  local version
  version=$("$bin/postgres" --version 2>/dev/null | sed 's/^postgres (PostgreSQL) //') || version="unknown version"
  pg_line="PostgreSQL: $version on 127.0.0.1:$started"
}

# The browser tests drive Debian's Chromium (never a browser Playwright downloads): install it when it is missing.
ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then
    return 0
  fi
  echo "Chromium not found; installing it with apt-get ..."
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "Chromium: cannot be installed (no apt-get); install /usr/bin/chromium and run ./test.sh again" >&2
    return 1
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  [ -x /usr/bin/chromium ] || { echo "Chromium: apt-get installed no /usr/bin/chromium" >&2; return 1; }
}

if ! ensure_chromium; then
  echo "Chromium: could not be installed; the browser tests cannot run" >&2
  exit 1
fi
# The suite starts hundreds of hosts; none edits appsettings.json while it runs, and each watcher would hold one of
# the user's 128 inotify instances.
export DOTNET_hostBuilder__reloadConfigOnChange=false
# Screenshots of the browser tests, kept as artifacts beside the test results.
export REPORTHUB_SCREENSHOTS="${REPORTHUB_SCREENSHOTS:-$PWD/artifacts/TestResults/screenshots}"

pg_line=""
if ! start_postgres; then
  echo "PostgreSQL: could not be started; the PostgreSQL tests cannot run" >&2
  exit 1
fi

# What the SQL Server suite does, never silently: its target (server and database, never credentials) or why not.
if [ -n "${REPORTHUB_TEST_SQLSERVER:-}" ]; then
  target=$(printf '%s' "$REPORTHUB_TEST_SQLSERVER" | tr ';' '\n' \
    | grep -i -E '^[[:space:]]*(server|data source|address|addr|network address|database|initial catalog)[[:space:]]*=' \
    | sed 's/^[[:space:]]*//' | paste -sd';' -)
  sql_line="SQL Server: ${target:-connection string in REPORTHUB_TEST_SQLSERVER}"
else
  sql_line="SQL Server: not run (REPORTHUB_TEST_SQLSERVER is not set)"
fi
echo "$pg_line"
echo "$sql_line"

status=0
dotnet test ReportHub.sln --nologo -v q --logger "console;verbosity=minimal" 2>&1 | tee "$log" || status=$?

# The API and CLI suite once more, on PostgreSQL: every test gets its own database on the cluster above.
echo "Integration tests on PostgreSQL:"
REPORTHUB_TEST_WAREHOUSE=Postgres dotnet test tests/ReportHub.Integration.Tests --no-build --nologo -v q --logger "console;verbosity=minimal" 2>&1 | tee -a "$log" || status=$?

echo "$pg_line"
echo "$sql_line"
echo "Browser screenshots: $REPORTHUB_SCREENSHOTS"
# One plain closing line for CI: the sum over the test assemblies.
awk '
  /(Passed|Failed)! *-/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  { f += $(i+1) + 0 }
      if ($i == "Passed:")  { p += $(i+1) + 0 }
      if ($i == "Skipped:") { s += $(i+1) + 0 }
    }
  }
  END { printf "%d passed, %d failed, %d skipped\n", p, f, s }
' "$log"
exit "$status"
