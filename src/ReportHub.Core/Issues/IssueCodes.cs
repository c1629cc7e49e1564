namespace ReportHub.Core.Issues;

/// <summary>Stable issue codes. Scripts match on these; never rename one.</summary>
public static class IssueCodes
{
    // The file as a whole.
    public const string FileEmpty = "file.empty";
    public const string FileTooLarge = "file.too-large";
    public const string FileNotSpreadsheet = "file.not-spreadsheet";
    public const string FileEncrypted = "file.encrypted";
    public const string FileCorrupt = "file.corrupt";
    public const string FileZipBomb = "file.zip-bomb";
    public const string FileUnsafeXml = "file.unsafe-xml";
    public const string FileTimeout = "file.timeout";
    public const string SheetTooManyRows = "sheet.too-many-rows";
    public const string SheetNotFound = "sheet.no-appendix";
    public const string SheetTooManyCells = "sheet.too-many-cells";
    public const string SheetTooManyMerges = "sheet.too-many-merges";
    public const string CellTooLong = "cell.too-long";
    public const string CsvUnbalancedQuote = "csv.unbalanced-quote";
    public const string CsvMixedSeparators = "csv.mixed-separators";
    public const string CsvSeparatorUnusable = "csv.separator-unusable";
    public const string SheetHiddenUsed = "sheet.hidden-used";

    /// <summary>A Word letter holds hidden text or hidden table rows, which were left out as Word leaves them off the page.</summary>
    public const string DocxHiddenSkipped = "docx.hidden-skipped";

    /// <summary>A Word letter holds unaccepted tracked changes; it was read as if all were accepted.</summary>
    public const string DocxTrackedChanges = "docx.tracked-changes";

    /// <summary>A Word letter holds content the reader does not lay out (a table in a text box, an embedded chunk).</summary>
    public const string DocxUnreadContent = "docx.unread-content";

    /// <summary>One file holds a second letter (a second national motto, PHỤ LỤC or unit code).</summary>
    public const string LetterSeveral = "letter.several";

    /// <summary>The summary that stands for the findings left out once a file has too many to list.</summary>
    public const string IssuesTruncated = "issues.truncated";

    // Storing the outcome.
    public const string WarehouseSaveFailed = "warehouse.save-failed";

    // Resolution of unit and round.
    public const string UnitUnresolved = "unit.unresolved";
    public const string UnitMismatch = "unit.mismatch";

    /// <summary>The file names its issuing body, but the registry has no such unit.</summary>
    public const string UnitUnknown = "unit.unknown";
    public const string UnitInactive = "unit.inactive";

    /// <summary>The unit is not one of the round's expected units (<c>round_units</c>); an analyst may add it.</summary>
    public const string UnitNotExpected = "unit.not-expected";

    /// <summary>A cell of a <c>unit</c> column names no unit of the registry.</summary>
    public const string UnitUnknownName = "unit.unknown-name";

    /// <summary>A re-sent file matches an accepted version that is no longer the unit's current one.</summary>
    public const string DuplicateNotCurrent = "duplicate.not-current";

    /// <summary>An analyst approved the unit's current report for the round: its data is locked until set back to pending.</summary>
    public const string SubmissionApproved = "submission.approved";
    public const string RoundUnresolved = "round.unresolved";
    public const string RoundMismatch = "round.mismatch";
    public const string RoundClosed = "round.closed";

    // Structure.
    public const string SectionMissing = "section.missing";
    public const string ColumnMissing = "column.missing";
    public const string ColumnUnknown = "column.unknown";

    /// <summary>The file was filled on another version's form, which the round's version cannot read.</summary>
    public const string TemplateVersionMismatch = "template.version-mismatch";
    public const string AppendixEmpty = "appendix.empty";

    // Values.
    public const string NumberInvalid = "value.not-a-number";
    public const string NumberNegative = "value.negative";
    public const string NumberFractional = "value.fractional";
    public const string NumberImplausible = "value.implausible";
    public const string ForeignDigits = "value.foreign-digits";
    public const string InvisibleDropped = "value.invisible-dropped";
    public const string FormulaCached = "value.formula-cached";
    public const string ScansWithoutCodes = "qr.scans-without-codes";
    public const string TotalMismatch = "qr.total-mismatch";
    public const string CitationInvalid = "directive.citation-invalid";
    public const string DateImplausible = "directive.date-implausible";
    public const string DuplicateRow = "row.duplicate";
    public const string LegacyTextConverted = "text.legacy-converted";
    /// <summary>A blank cell in a required column: an error, since a blank is never taken as 0.</summary>
    public const string ValueMissing = "value.missing";

    /// <summary>A stored report whose bytes were not kept cannot be read again (an upgrade, a replay).</summary>
    public const string FileNotKept = "file.not-kept";

    /// <summary>The round a file answers reads with a stored template version that no longer loads.</summary>
    public const string TemplateBroken = "template.broken";
    public const string DateInvalid = "value.not-a-date";
    public const string ChoiceUnknown = "value.not-a-choice";
    public const string OutOfRange = "value.out-of-range";

    // Template rules without a code of their own.
    public const string RuleCompare = "rule.compare";
    public const string RuleRequires = "rule.requires";
    public const string RuleTotalRow = "rule.total-row";
    public const string RuleDateWindow = "rule.date-window";
    public const string RuleUnique = "rule.unique";

    /// <summary>A rule could not be checked in a row because an optional operand is blank.</summary>
    public const string RuleOperandMissing = "rule.operand-missing";
}
