using System.Globalization;
using ReportHub.Core.Grid;
using ReportHub.Core.Text;

namespace ReportHub.Readers.Common;

/// <summary>How every reader turns raw values into <see cref="CellValue"/>, so the formats agree.</summary>
internal static class CellText
{
    // DateTime.FromOADate accepts (-657435, 2958466); outside that a "date" is really a number.
    private const double MinOaDate = -657434.0;
    private const double MaxOaDate = 2958465.99999999;

    public static CellValue Number(int row, int column, double value, string? font) =>
        new(row, column, CellKind.Number, FormatNumber(value), value, font);

    public static string FormatNumber(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static CellValue DateOrNumber(int row, int column, double serial, string? font) =>
        serial is >= MinOaDate and <= MaxOaDate && !double.IsNaN(serial)
            ? new(row, column, CellKind.Date, FormatDate(DateTime.FromOADate(serial)), serial, font)
            : Number(row, column, serial, font);

    public static CellValue Date(int row, int column, DateTime value, string? font) =>
        new(row, column, CellKind.Date, FormatDate(value), value.ToOADate(), font);

    public static CellValue Boolean(int row, int column, bool value, string? font) =>
        new(row, column, CellKind.Boolean, value ? "TRUE" : "FALSE", value ? 1 : 0, font);

    public static CellValue Text(int row, int column, string value, string? font) =>
        new(row, column, CellKind.Text, Nfc(value), null, font);

    /// <summary>Text already made NFC where it was read (the shared-string table), so it is not checked again per cell.</summary>
    public static CellValue NormalizedText(int row, int column, string value, string? font) =>
        new(row, column, CellKind.Text, value, null, font);

    public static CellValue Error(int row, int column, string value, string? font) =>
        new(row, column, CellKind.Error, value, null, font);

    public static string FormatDate(DateTime value) => value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The cell's text through the one cleaner (<see cref="VietnameseText.Safe"/>): NFC, and nothing a warehouse or an export cannot carry.</summary>
    public static string Nfc(string value) => VietnameseText.Safe(value);
}
