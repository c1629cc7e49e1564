namespace ReportHub.Readers.Xlsx;

/// <summary>
/// The byte scanner met XML it does not handle itself (a comment, CDATA, an odd name, a reference it cannot prove
/// valid, ...). Never leaves the reader: the part is read again with XmlReader, which either reads it or names the
/// fault exactly as it always has.
/// </summary>
internal sealed class XmlScanFallbackException(string reason) : Exception(reason);
