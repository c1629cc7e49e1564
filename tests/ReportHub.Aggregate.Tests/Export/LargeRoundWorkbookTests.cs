using ReportHub.Aggregate.Export;

namespace ReportHub.Aggregate.Tests.Export;

/// <summary>A round the size of a province's busiest month: the QR sheet's rows are streamed, none may go missing.</summary>
public sealed class LargeRoundWorkbookTests
{
    private const int QrRows = 64_000;

    [Fact]
    public void SixtyFourThousandQrRowsAreAllWrittenInOrderWithATotalEqualToTheirSum()
    {
        var sample = SampleRound.Build();
        var rows = Enumerable.Range(1, QrRows).Select(i => new QrRow
        {
            Ordinal = i,
            Entity = i == QrRows / 2 ? "=SUM(D5:D9)" : $"Điểm kinh doanh số {i}, thôn An Phú, xã Bình Châu",
            QrCodes = i % 7,
            QrScans = 1_000L * i,
            Note = i % 3 == 0 ? "Đã rà soát" : null,
            Cell = $"B{13 + i}",
        }).ToList();
        // Two units' tables one after the other, as the warehouse returns them.
        var data = sample with
        {
            Rows =
            [
                .. UnitRows.FirstTemplate(SampleRound.BinhSon.Code, SampleRound.BinhSon.Name, [], rows[..(QrRows / 2)]),
                .. UnitRows.FirstTemplate(SampleRound.Sct.Code, SampleRound.Sct.Name, [], rows[(QrRows / 2)..]),
            ],
        };

        var grid = Workbooks.Grids(Workbooks.Bytes(s => ConsolidatedWorkbook.Write(s, data)))["Mã QR"];

        var body = grid.Where(r => r[0] is double).ToList();
        Assert.Equal(QrRows, body.Count);
        Assert.Equal(Enumerable.Range(1, QrRows).Select(i => (double)i), body.Select(r => (double)r[0]!));
        for (var i = 0; i < QrRows; i++)
        {
            Assert.Equal((double)rows[i].QrCodes, body[i][3]);
            Assert.Equal((double)rows[i].QrScans, body[i][4]);
        }
        Assert.Equal(rows[^1].Entity, body[^1][2]);
        Assert.Equal(SampleRound.BinhSon.Name, body[0][1]);
        Assert.Equal(SampleRound.Sct.Name, body[^1][1]);
        Assert.Equal("Đã rà soát", body[2][5]);
        Assert.Null(body[0][5]);
        // Department text that looks like a formula is still the text the unit sent.
        Assert.Equal("=SUM(D5:D9)", body[QrRows / 2 - 1][2]);

        var total = Workbooks.RowStartingWith(grid, 0, ConsolidatedWorkbook.TotalLabel);
        Assert.Equal((double)rows.Sum(r => r.QrCodes), total[3]);
        Assert.Equal((double)rows.Sum(r => r.QrScans), total[4]);
        Assert.Same(total, grid[^1]);
    }
}
