using System.Globalization;

namespace ReportHub.Api.Errors;

/// <summary>The figures error answers give people, in Vietnamese words: sizes in MB, waits in seconds and minutes.</summary>
public static class ErrorWording
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>20971520 → "20"; 1572864 → "1,5".</summary>
    public static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("#,##0.#", Vietnamese);

    /// <summary>45 → "khoảng 45 giây"; 60 → "khoảng 1 phút"; 90 → "khoảng 1 phút 30 giây".</summary>
    public static string Wait(int seconds)
    {
        seconds = Math.Max(1, seconds);
        if (seconds < 60)
        {
            return $"khoảng {seconds} giây";
        }
        var (minutes, rest) = Math.DivRem(seconds, 60);
        return rest == 0 ? $"khoảng {minutes} phút" : $"khoảng {minutes} phút {rest} giây";
    }

    /// <summary>The wait a 429 answer carries in its Retry-After header (delta seconds); null when it carries none.</summary>
    public static int? RetryAfterSeconds(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return int.TryParse(response.Headers.RetryAfter.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : null;
    }
}
