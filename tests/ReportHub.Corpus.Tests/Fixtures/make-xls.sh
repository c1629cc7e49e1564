#!/usr/bin/env bash
# Regenerates Fixtures/sct-2162-seed004.xls: BIFF8 cannot be written by ClosedXML, so LibreOffice converts the
# sample seed report (apt-get install libreoffice-calc). vietnamese.xls is a copy of the readers' fixture.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/../../../samples/reports/sct-2162-seed004.xlsx" "$work/"
soffice --headless --convert-to 'xls:MS Excel 97' --outdir "$work" "$work/sct-2162-seed004.xlsx" >/dev/null
cp "$work/sct-2162-seed004.xls" "$here/sct-2162-seed004.xls"
