namespace ReportHub.Readers.Common;

/// <summary>The program a submitter should reopen the file in; decides which menu path a message gives.</summary>
internal enum OfficeApp
{
    Excel,
    Word,
}
