#!/usr/bin/env bash
# The API's memory with the largest plausible uploads: starts the Release API on a scratch SQLite warehouse, uploads
# three different 18 MB CSVs (~160,000 rows each) and prints the resident set after each, its peak, and 10 s later.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build src/ReportHub.Api -c Release -v q --nologo >/dev/null
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for i in 1 2 3; do python3 bench/api-memory/make-csv.py "$work/big$i.csv" "lần $i" >/dev/null; done
mkdir -p "$work/samples"; cp -r samples/reference "$work/samples/"
env ${BENCH_ENV:-} ASPNETCORE_URLS=http://127.0.0.1:5099 Warehouse__ConnectionString="Data Source=$work/rh.db" Ingest__Inbox="$work/inbox" \
  Ingest__RunWorker=false Samples__Load=true Samples__Path="$work/samples" \
  dotnet artifacts/bin/ReportHub.Api/release/ReportHub.Api.dll >"$work/api.log" 2>&1 &
pid=$!
for _ in $(seq 1 60); do curl -sf http://127.0.0.1:5099/health >/dev/null && break; sleep 1; done
mb() { awk -v k="$1" '$1 == k":" {printf "%.0f MB", $2 / 1024}' "/proc/$pid/status"; }
echo "started: $(mb VmRSS)"
for i in 1 2 3; do
  result=$(curl -s -o /dev/null -w "%{http_code} in %{time_total} s" -F "file=@$work/big$i.csv" "http://127.0.0.1:5099/api/submissions?round=2021-10")
  echo "upload $i: $result; resident $(mb VmRSS), peak $(mb VmHWM)"
done
sleep 10
echo "10 s later: resident $(mb VmRSS)"
