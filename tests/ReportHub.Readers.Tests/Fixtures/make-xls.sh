#!/usr/bin/env bash
# Regenerates the .xls fixtures. BIFF8 cannot be written by ClosedXML, so the source is a flat ODS document
# kept in this script and LibreOffice converts it (apt-get install libreoffice-calc).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cat > "$work/vietnamese.fods" <<'FODS'
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
  xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
  office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:automatic-styles>
  <number:date-style style:name="dmy">
   <number:day number:style="long"/><number:text>/</number:text>
   <number:month number:style="long"/><number:text>/</number:text>
   <number:year number:style="long"/>
  </number:date-style>
  <style:style style:name="date" style:family="table-cell" style:data-style-name="dmy"/>
  <style:style style:name="shown" style:family="table"><style:table-properties table:display="true"/></style:style>
  <style:style style:name="hidden" style:family="table"><style:table-properties table:display="false"/></style:style>
 </office:automatic-styles>
 <office:body>
  <office:spreadsheet>
   <table:table table:name="Phụ lục 1" table:style-name="shown">
    <table:table-row>
     <table:table-cell table:number-columns-spanned="3" table:number-rows-spanned="1" office:value-type="string"><text:p>BÁO CÁO KẾT QUẢ THỰC HIỆN</text:p></table:table-cell>
     <table:covered-table-cell table:number-columns-repeated="2"/>
    </table:table-row>
    <table:table-row>
     <table:table-cell office:value-type="string"><text:p>Đơn vị</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p>Số lượng</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p>Ngày báo cáo</text:p></table:table-cell>
    </table:table-row>
    <table:table-row>
     <table:table-cell office:value-type="string"><text:p>Sở Y tế tỉnh Điện Biên</text:p></table:table-cell>
     <table:table-cell office:value-type="float" office:value="541"><text:p>541</text:p></table:table-cell>
     <table:table-cell table:style-name="date" office:value-type="date" office:date-value="2024-03-15"><text:p>15/03/2024</text:p></table:table-cell>
    </table:table-row>
    <table:table-row>
     <table:table-cell/>
    </table:table-row>
    <table:table-row>
     <table:table-cell office:value-type="string"><text:p>Tỷ lệ</text:p></table:table-cell>
     <table:table-cell office:value-type="float" office:value="1.5"><text:p>1.5</text:p></table:table-cell>
     <table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>
    </table:table-row>
   </table:table>
   <table:table table:name="Ẩn" table:style-name="hidden">
    <table:table-row>
     <table:table-cell office:value-type="string"><text:p>Dữ liệu ẩn</text:p></table:table-cell>
    </table:table-row>
   </table:table>
  </office:spreadsheet>
 </office:body>
</office:document>
FODS

soffice --headless --convert-to 'xls:MS Excel 97' --outdir "$work" "$work/vietnamese.fods" >/dev/null
cp "$work/vietnamese.xls" "$here/vietnamese.xls"

# No encrypted fixture: LibreOffice 7.4 ignores the Password filter option on the command line and from a
# Basic macro's storeToURL, so the encrypted cases are covered by hand-built compound files in the tests.
