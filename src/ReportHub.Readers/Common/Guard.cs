using ReportHub.Core.Issues;

namespace ReportHub.Readers.Common;

/// <summary>
/// Keeps the promise that bad input only ever surfaces as <see cref="FileRejectedException"/>:
/// parsers below us throw whatever they like (InvalidDataException, XmlException, library-specific types).
/// </summary>
internal static class Guard
{
    public static bool IsForeign(Exception e) =>
        e is not FileRejectedException and not OperationCanceledException;

    public static T Run<T>(Func<T> action, Func<Exception, FileRejectedException> map)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (IsForeign(e))
        {
            throw map(e);
        }
    }

    /// <summary>Wraps a lazy sequence; C# forbids yield inside try/catch, so we drive the enumerator by hand.</summary>
    public static IEnumerable<T> Enumerate<T>(Func<IEnumerable<T>> source, Func<Exception, FileRejectedException> map)
    {
        IEnumerator<T> enumerator;
        try
        {
            enumerator = source().GetEnumerator();
        }
        catch (Exception e) when (IsForeign(e))
        {
            throw map(e);
        }

        using (enumerator)
        {
            while (true)
            {
                try
                {
                    if (!enumerator.MoveNext())
                    {
                        yield break;
                    }
                }
                catch (Exception e) when (IsForeign(e))
                {
                    throw map(e);
                }
                yield return enumerator.Current;
            }
        }
    }
}
