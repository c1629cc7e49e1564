#!/usr/bin/env python3
"""The analyst's way: pandas + openpyxl read every .xlsx of a folder and sum the round's figures.

Usage: round_totals.py DIR
Prints {"files", "directives", "qrCodes", "qrScans"} as JSON. Section 1 and section 2 are found by their
headings, the figure columns by their header texts; total rows ("Tổng cộng", "Cộng", "Tổng") are skipped.
"""
import json
import sys
import unicodedata
from pathlib import Path

import pandas as pd

TOTAL_LABELS = {"tổng cộng", "cộng", "tổng"}


def norm(value):
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return unicodedata.normalize("NFC", str(value)).strip().lower()


def number(value):
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return 0
    if isinstance(value, str):
        value = value.replace(".", "").replace(",", "").strip()
        return int(value) if value else 0
    return int(value)


def find_row(rows, start, predicate):
    for i in range(start, len(rows)):
        if any(predicate(norm(v)) for v in rows[i]):
            return i
    return -1


def is_section(n):
    return lambda text: text.startswith(f"{n}.")


def blank(row):
    return all(norm(v) == "" for v in row)


def read(path):
    frame = pd.read_excel(path, sheet_name=0, header=None, engine="openpyxl", dtype=object)
    rows = frame.values.tolist()
    s1 = find_row(rows, 0, is_section(1))
    s2 = find_row(rows, max(s1, 0), lambda t: t.startswith("2.") and "mã qr" in t)
    if s2 < 0:
        raise ValueError(f"{path}: section 2 not found")

    directives = 0
    if s1 >= 0:
        header = find_row(rows, s1 + 1, lambda t: t in ("stt", "tt"))
        for row in rows[header + 1:s2]:
            if blank(row):
                if directives:
                    break
                continue
            directives += 1

    header = find_row(rows, s2 + 1, lambda t: "mã qr địa điểm đã tạo" in t)
    labels = [norm(v) for v in rows[header]]
    codes_col = next(i for i, t in enumerate(labels) if "mã qr địa điểm đã tạo" in t)
    scans_col = next(i for i, t in enumerate(labels) if "lượt quét" in t)
    label_cols = [i for i in range(len(labels)) if i not in (codes_col, scans_col)]
    codes = scans = 0
    for row in rows[header + 1:]:
        if blank(row):
            break
        texts = [norm(row[i]) for i in label_cols]
        if any(t in TOTAL_LABELS for t in texts):
            continue
        if any(t.startswith("3.") for t in texts):
            break
        codes += number(row[codes_col])
        scans += number(row[scans_col])
    return directives, codes, scans


def main():
    folder = Path(sys.argv[1])
    totals = {"files": 0, "directives": 0, "qrCodes": 0, "qrScans": 0}
    for path in sorted(folder.glob("*.xlsx")):
        d, c, s = read(path)
        totals["files"] += 1
        totals["directives"] += d
        totals["qrCodes"] += c
        totals["qrScans"] += s
    print(json.dumps(totals))


if __name__ == "__main__":
    main()
