#!/usr/bin/env bash
# Runs every test of ReportHub. It is the one test command of the README, and .ci/run calls it.
#
# The warehouse, CLI and API tests run against SQLite and against a real PostgreSQL: this script starts a throwaway
# cluster (initdb + pg_ctl, trust auth, 127.0.0.1 on a free port, data in a temp folder), installs the server with
# apt-get when it is missing, passes it to the tests in REPORTHUB_TEST_POSTGRES and stops it on exit, failed or not.
# They also run against SQL Server when REPORTHUB_TEST_SQLSERVER holds a connection string; otherwise the output says
# "SQL Server: not run" and why.
#
# The reminder tests send mail to a real SMTP server: this script starts Debian's aiosmtpd (installed with apt-get as
# python3-aiosmtpd when missing) on a free loopback port, delivering into a Maildir in a temp folder, passes both in
# REPORTHUB_TEST_SMTP (host:port) and REPORTHUB_TEST_MAILDIR and stops it on exit. The reminder letter is opened in
# LibreOffice (libreoffice-writer-nogui, installed when missing).
set -euo pipefail
cd "$(dirname "$0")"

log=$(mktemp)
pg_dir=""
pg_ctl_bin=""
pg_user=""
smtp_dir=""
smtp_pid=""

as_pg() {
  if [ -n "$pg_user" ]; then runuser -u "$pg_user" -- "$@"; else "$@"; fi
}

cleanup() {
  if [ -n "$pg_dir" ] && [ -n "$pg_ctl_bin" ] && [ -f "$pg_dir/data/postmaster.pid" ]; then
    as_pg "$pg_ctl_bin" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [ -n "$pg_dir" ]; then rm -rf "$pg_dir"; fi
  if [ -n "$smtp_pid" ]; then kill "$smtp_pid" >/dev/null 2>&1 || true; fi
  if [ -n "$smtp_dir" ]; then rm -rf "$smtp_dir"; fi
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

apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    return 1
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# The SMTP server of the reminder tests: Debian's aiosmtpd with its Maildir handler, run by the system's python3 (the
# package installs for it, not for another python on PATH).
start_smtp() {
  local python=/usr/bin/python3
  if ! "$python" -c "import aiosmtpd" >/dev/null 2>&1; then
    echo "aiosmtpd not found; installing python3-aiosmtpd with apt-get ..."
    apt_install python3-aiosmtpd || { echo "SMTP: cannot install python3-aiosmtpd (no apt-get)" >&2; return 1; }
    "$python" -c "import aiosmtpd" >/dev/null 2>&1 || { echo "SMTP: apt-get installed no aiosmtpd for $python" >&2; return 1; }
  fi
  smtp_dir=$(mktemp -d "${TMPDIR:-/tmp}/reporthub-smtp.XXXXXX")
  local port started=""
  for port in $(seq 56025 56124); do
    if port_in_use "$port"; then continue; fi
    "$python" -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$smtp_dir/maildir" >"$smtp_dir/smtp.log" 2>&1 &
    smtp_pid=$!
    local i
    for i in $(seq 1 50); do
      if port_in_use "$port"; then started=$port; break; fi
      if ! kill -0 "$smtp_pid" 2>/dev/null; then break; fi
      sleep 0.1
    done
    if [ -n "$started" ]; then break; fi
    # Another process may have taken the port between the check and the start: try the next one.
    kill "$smtp_pid" >/dev/null 2>&1 || true
    smtp_pid=""
  done
  if [ -z "$started" ]; then
    cat "$smtp_dir/smtp.log" >&2 || true
    echo "SMTP: aiosmtpd did not start on a free loopback port in 56025-56124" >&2
    return 1
  fi
  export REPORTHUB_TEST_SMTP="127.0.0.1:$started"
  export REPORTHUB_TEST_MAILDIR="$smtp_dir/maildir"
  local version
  version=$("$python" -m aiosmtpd --version 2>/dev/null) || version="aiosmtpd"
  smtp_line="SMTP: $version on 127.0.0.1:$started"
}

# The reminder letter is opened in LibreOffice, as a clerk would: install its headless writer when it is missing.
ensure_libreoffice() {
  if command -v soffice >/dev/null 2>&1; then
    return 0
  fi
  echo "LibreOffice not found; installing libreoffice-writer-nogui with apt-get ..."
  apt_install libreoffice-writer-nogui || { echo "LibreOffice: cannot be installed (no apt-get); install soffice and run ./test.sh again" >&2; return 1; }
  command -v soffice >/dev/null 2>&1 || { echo "LibreOffice: apt-get installed no soffice" >&2; return 1; }
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

if ! ensure_libreoffice; then
  echo "LibreOffice: could not be installed; the reminder letter tests cannot run" >&2
  exit 1
fi

smtp_line=""
if ! start_smtp; then
  echo "SMTP: could not be started; the reminder tests cannot run" >&2
  exit 1
fi

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
echo "$smtp_line"

status=0
dotnet test ReportHub.sln --nologo -v q --logger "console;verbosity=minimal" 2>&1 | tee "$log" || status=$?

# The API and CLI suite once more, on PostgreSQL: every test gets its own database on the cluster above.
echo "Integration tests on PostgreSQL:"
REPORTHUB_TEST_WAREHOUSE=Postgres dotnet test tests/ReportHub.Integration.Tests --no-build --nologo -v q --logger "console;verbosity=minimal" 2>&1 | tee -a "$log" || status=$?

echo "$pg_line"
echo "$sql_line"
echo "$smtp_line"
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
