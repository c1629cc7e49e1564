using System.Data;
using System.Globalization;
using Dapper;

namespace ReportHub.Warehouse.Connections;

/// <summary>
/// Instants are stored as ISO-8601 UTC text in every dialect, so that they compare and sort alike everywhere;
/// this lets Dapper read them straight into <see cref="DateTimeOffset"/> members.
/// </summary>
public sealed class InstantHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public static void Register() => SqlMapper.AddTypeHandler(new InstantHandler());

    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public override DateTimeOffset Parse(object value) => value switch
    {
        string text => Parse(text),
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        DateTimeOffset offset => offset,
        _ => throw new DataException($"Cannot read an instant from {value.GetType().Name}."),
    };

    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        parameter.DbType = DbType.String;
        parameter.Value = Format(value);
    }
}
