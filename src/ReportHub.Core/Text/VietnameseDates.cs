using ReportHub.Core.Domain;

namespace ReportHub.Core.Text;

public static class VietnameseDates
{
    /// <summary>"Quảng Ngãi, ngày 27 tháng 10 năm 2021"; "Bình Sơn, ngày   tháng   năm 2021" gives a null Date and Year 2021.</summary>
    public static bool TryParsePlaceDate(string? line, out PlaceDate placeDate) => throw new NotImplementedException();

    /// <summary>"07/05/2021", "7/5/2021", "07-05-2021", "07.05.2021", "2021-05-07", "ngày 27 tháng 10 năm 2021"; day first.</summary>
    public static bool TryParseDate(string? text, out DateOnly date) => throw new NotImplementedException();

    /// <summary>An Excel (1900 system) serial as a date.</summary>
    public static DateOnly FromSerial(double serial) => throw new NotImplementedException();
}
