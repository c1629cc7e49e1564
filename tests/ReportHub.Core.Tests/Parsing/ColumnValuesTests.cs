using ReportHub.Core.Domain;

namespace ReportHub.Core.Tests.Parsing;

public sealed class ColumnValuesTests
{
    private static readonly ColumnKeys Keys = new(["ordinal", "entity", "qrCodes", "qrScans", "note"]);

    [Fact]
    public void ValuesEnumerateInColumnOrderWhateverOrderTheyWereSetIn()
    {
        var row = new ColumnValues<FieldValue>(Keys);
        row.Set("qrScans", new FieldValue { Text = "541" });
        row.Set("entity", new FieldValue { Text = "Sở Công Thương" });

        Assert.Equal(["entity", "qrScans"], row.Select(p => p.Key));
        Assert.Equal(2, row.Count);
        Assert.Equal("541", row["qrScans"].Text);
        Assert.True(row.ContainsKey("entity"));
        Assert.False(row.ContainsKey("note"));
    }

    [Fact]
    public void SettingAColumnAgainReplacesItsValueWithoutCountingItTwice()
    {
        var row = new ColumnValues<FieldValue>(Keys);
        row.Set("qrCodes", new FieldValue { Text = "1" });
        row.Set("qrCodes", new FieldValue { Text = "2" });

        Assert.Single(row);
        Assert.Equal("2", row["qrCodes"].Text);
    }

    [Fact]
    public void AKeyOutsideTheTableIsAbsentAndCannotBeSet()
    {
        var row = new ColumnValues<FieldValue>(Keys);

        Assert.False(row.TryGetValue("citation", out _));
        Assert.Null(row.GetValueOrDefault("citation"));
        Assert.Throws<KeyNotFoundException>(() => row["citation"]);
        Assert.Throws<ArgumentException>(() => row.Set("citation", new FieldValue { Text = "x" }));
    }

    [Fact]
    public void AKeyEqualButNotTheSameStringIsFound()
    {
        var row = new ColumnValues<FieldValue>(Keys);
        var key = new string("entity".ToCharArray());
        row.Set(key, new FieldValue { Text = "UBND huyện Bình Sơn" });

        Assert.Equal("UBND huyện Bình Sơn", row["entity"].Text);
    }

    [Fact]
    public void RepeatedColumnKeysAreRefused() =>
        Assert.Throws<ArgumentException>(() => new ColumnKeys(["entity", "entity"]));
}
