
namespace ReportHub.Core.Domain;

/// <summary>
/// The provincial body that asks for a round's reports and receives them. On 2025-03-01 the provincial Sở Thông tin
/// và Truyền thông merged into the Sở Khoa học và Công nghệ, which took over its function; a letter, a heading or a
/// request line names the body that existed when the round was requested.
/// </summary>
public sealed record RequestingBody
{
    /// <summary>The first day the Sở Khoa học và Công nghệ is the requesting body.</summary>
    public static readonly DateOnly MergedOn = new(2025, 3, 1);

    public static readonly RequestingBody InformationAndCommunications = new()
    {
        Name = "Sở Thông tin và Truyền thông",
        Heading = "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
    };

    public static readonly RequestingBody ScienceAndTechnology = new()
    {
        Name = "Sở Khoa học và Công nghệ",
        Heading = "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
    };

    /// <summary>"Sở Khoa học và Công nghệ": as it is written inside a sentence.</summary>
    public required string Name { get; init; }

    /// <summary>"SỞ KHOA HỌC VÀ CÔNG NGHỆ": as it stands in a letterhead.</summary>
    public required string Heading { get; init; }

    /// <summary>The body on the round's request date, or on its deadline when the round records no request date.</summary>
    public static RequestingBody Of(Round round)
    {
        ArgumentNullException.ThrowIfNull(round);
        return On(round.RequestDate ?? round.Deadline);
    }

    public static RequestingBody On(DateOnly date) => date < MergedOn ? InformationAndCommunications : ScienceAndTechnology;
}
