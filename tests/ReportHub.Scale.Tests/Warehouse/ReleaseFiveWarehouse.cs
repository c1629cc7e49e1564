using System.Globalization;
using Dapper;
using ReportHub.Core.Domain;
using ReportHub.Scale.Tests.Support;

namespace ReportHub.Scale.Tests.Warehouse;

/// <summary>
/// A warehouse as the release before generic storage leaves it: the migrations up to 005 only, then units, a
/// round and submissions written with the INSERT statements that release's stores ran (its columns, its
/// '\n'-joined recipients, its stored totals), so migration 008 meets the data it will meet in the field.
/// </summary>
internal static class ReleaseFiveWarehouse
{
    public const int LastVersion = 5;

    public static async Task SeedReferenceAsync(TestWarehouse wh)
    {
        await using var connection = await wh.Db.OpenAsync(CancellationToken.None);
        foreach (var unit in Reports.Units)
        {
            await connection.ExecuteAsync("""
                INSERT INTO units (code, name, type, parent, aliases, valid_from, valid_to, successor)
                VALUES (@Code, @Name, @Type, @Parent, '', NULL, NULL, NULL)
                """, new { unit.Code, unit.Name, unit.Type, unit.Parent });
        }
        var round = Reports.Round2021;
        await connection.ExecuteAsync("""
            INSERT INTO rounds (code, title, request_document, request_date, deadline, closed, created_at)
            VALUES (@Code, @Title, @RequestDocument, '2021-10-26', '2021-10-29', 0, '2021-10-26T00:00:00.0000000Z')
            """, new { round.Code, round.Title, round.RequestDocument });
        foreach (var unit in round.ExpectedUnits)
        {
            await connection.ExecuteAsync("INSERT INTO round_units (round_code, unit_code) VALUES (@Round, @Unit)", new { Round = round.Code, Unit = unit });
        }
    }

    /// <summary>Writes one submission as the old SubmissionStore did; the report is null for a rejected file.</summary>
    public static async Task<long> SaveAsync(TestWarehouse wh, int seed, string unit, string outcome, string status, ParsedReport? report,
        DateTimeOffset receivedAt)
    {
        await using var connection = await wh.Db.OpenAsync(CancellationToken.None);
        var content = Reports.Bytes(seed, 64);
        var sha = Reports.Sha(content);
        await connection.ExecuteAsync("INSERT INTO files (sha256, size, content, stored_at, kept) VALUES (@Sha, @Size, @Content, @At, 1)",
            new { Sha = sha, Size = (long)content.Length, Content = content, At = "2021-10-28T02:00:00.0000000Z" });
        var id = await connection.ExecuteScalarAsync<long>(wh.Db.InsertReturningId("""
            (file_sha256, file_name, file_size, source, received_at, outcome, status, unit_code, round_code,
             parser_version, template_id, sheet, directives, qr_codes, qr_scans, doc_number, doc_date, signer,
             duplicate_of, supersedes, replay_of)
            VALUES (@Sha, 'bao-cao.xlsx', @Size, 'test', @ReceivedAt, @Outcome, @Status, @Unit, @Round,
             'release-5', @TemplateId, @Sheet, @Directives, @QrCodes, @QrScans, NULL, NULL, NULL, NULL, NULL, NULL)
            """, "submissions"), new
        {
            Sha = sha,
            Size = (long)content.Length,
            ReceivedAt = receivedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture),
            Outcome = outcome,
            Status = status,
            Unit = unit,
            Round = Reports.Round,
            // A file rejected before its template was known had none.
            TemplateId = report?.TemplateId,
            Sheet = report?.Sheet,
            Directives = (long)(report?.Directives.Count ?? 0),
            QrCodes = report?.QrCodes ?? 0,
            QrScans = report?.QrScans ?? 0,
        });
        foreach (var d in report?.Directives ?? [])
        {
            await connection.ExecuteAsync("""
                INSERT INTO directives (submission_id, ordinal, content, citation_text, doc_number, doc_symbol, doc_date, issuing_unit, recipients, cell)
                VALUES (@Id, @Ordinal, @Content, @CitationText, @Number, @Symbol, @Date, @IssuingUnit, @Recipients, @Cell)
                """, new
            {
                Id = id, d.Ordinal, d.Content, d.CitationText, d.Citation?.Number, d.Citation?.Symbol,
                Date = d.Citation?.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.IssuingUnit,
                Recipients = string.Join('\n', d.Recipients), d.Cell,
            });
        }
        foreach (var q in report?.QrRows ?? [])
        {
            await connection.ExecuteAsync("""
                INSERT INTO qr_rows (submission_id, ordinal, entity, qr_codes, qr_scans, note, cell)
                VALUES (@Id, @Ordinal, @Entity, @QrCodes, @QrScans, @Note, @Cell)
                """, new { Id = id, q.Ordinal, q.Entity, q.QrCodes, q.QrScans, q.Note, q.Cell });
        }
        return id;
    }

    /// <summary>The per-unit figures exactly as the release's rollup read them: the current submission's stored totals.</summary>
    public static async Task<IReadOnlyList<(string Unit, long Directives, long QrCodes, long QrScans)>> OldUnitFiguresAsync(TestWarehouse wh)
    {
        await using var connection = await wh.Db.OpenAsync(CancellationToken.None);
        var rows = await connection.QueryAsync<(string, long, long, long)>("""
            SELECT unit_code, directives, qr_codes, qr_scans FROM submissions
            WHERE round_code = @Round AND status = 'current' ORDER BY unit_code
            """, new { Round = Reports.Round });
        return rows.ToList();
    }
}
