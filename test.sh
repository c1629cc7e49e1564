#!/usr/bin/env bash
# Runs every test of ReportHub. It is the one test command of the README, and .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")"

log=$(mktemp)
trap 'rm -f "$log"' EXIT

status=0
dotnet test ReportHub.sln --nologo -v q 2>&1 | tee "$log" || status=$?

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
