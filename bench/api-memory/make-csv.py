#!/usr/bin/env python3
"""Writes the largest plausible appendix within the 20 MB limit: seed 004 as a `;` CSV with ~160,000 QR rows.

Usage: make-csv.py OUT.csv [VARIANT]  (VARIANT changes one cell so that several files are not duplicates)
"""
import sys

out_path = sys.argv[1]
variant = sys.argv[2] if len(sys.argv) > 2 else ""
head = [
    "UBND TỈNH QUẢNG NGÃI;;;;", "SỞ CÔNG THƯƠNG;;;;", "Số: 2162/SCT-VP;;;;",
    "Theo Công văn số 1406/STTTT-BCVT&CNTT ngày 26/10/2021 của Sở Thông tin và Truyền thông;;;;", "PHỤ LỤC;;;;",
    "1. Công tác chỉ đạo, triển khai và tuyên truyền;;;;",
    "STT;Nội dung thực hiện;Số, ngày ban hành văn bản;Đơn vị ban hành;Đối tượng tiếp nhận thông tin",
    f"1;Triển khai quét mã QR {variant};780/SCT-VP ngày 07/05/2021;Sở Công Thương;Công chức",
    "2. Kết quả tạo, quản lý mã QR địa điểm và quét mã QR tại các địa điểm;;;;",
    "TT;Đối tượng thống kê;Tổng số mã QR địa điểm đã tạo và quản lý;Tổng số lượt quét mã QR của các địa điểm;Ghi chú",
]
with open(out_path, "w", encoding="utf-8-sig", newline="") as out:
    out.write("\r\n".join(head) + "\r\n")
    n = 0
    while out.tell() < 18_000_000:
        n += 1
        out.write(f"{n};Cửa hàng kinh doanh số {n} phường Trần Phú thành phố Quảng Ngãi;{n % 7 + 1};{n % 900 + 10};ghi chú {n}\r\n")
print(f"{out_path}: {n} rows")
