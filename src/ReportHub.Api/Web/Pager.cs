using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace ReportHub.Api.Web;

/// <summary>
/// One page of a filtered list and the links to the others. The links are the current address with only the page
/// number changed, so the filters stay as they are and everything works without script.
/// </summary>
public sealed class Pager
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    private readonly string _path;
    private readonly List<KeyValuePair<string, string?>> _query;
    private readonly string? _fragment;

    private Pager(HttpRequest request, string pageParameter, int total, int page, int size, string? fragment)
    {
        _fragment = fragment;
        _path = request.PathBase + request.Path;
        // Everything else the address says (filters, a unit, another list's page) is kept, in its order.
        _query = [.. request.Query.Where(p => p.Key != pageParameter).SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))];
        PageParameter = pageParameter;
        Total = total;
        Size = size;
        Pages = Math.Max(1, (total + size - 1) / size);
        Page = Math.Clamp(page, 1, Pages);
    }

    /// <summary>The page the request asks for (<paramref name="pageParameter"/>, from 1) and the size (<paramref name="sizeParameter"/>), both bounded.</summary>
    public static Pager For(HttpRequest request, string pageParameter, string sizeParameter, int total, int defaultSize = DefaultSize, string? fragment = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = int.TryParse(request.Query[pageParameter], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 1;
        var size = int.TryParse(request.Query[sizeParameter], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? Math.Clamp(s, 1, MaxSize) : defaultSize;
        return new Pager(request, pageParameter, total, page, size, fragment);
    }

    /// <summary>The requested page and size before the total is known, for a query that counts and pages at once.</summary>
    public static (int Page, int Size) Requested(HttpRequest request, string pageParameter, string sizeParameter, int defaultSize = DefaultSize)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = int.TryParse(request.Query[pageParameter], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? Math.Max(1, p) : 1;
        var size = int.TryParse(request.Query[sizeParameter], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? Math.Clamp(s, 1, MaxSize) : defaultSize;
        return (page, size);
    }

    public string PageParameter { get; }
    public int Total { get; }
    public int Page { get; }
    public int Size { get; }
    public int Pages { get; }
    public int Offset => (Page - 1) * Size;

    /// <summary>The items of the current page out of the whole filtered list.</summary>
    public IReadOnlyList<T> Slice<T>(IEnumerable<T> items) => [.. items.Skip(Offset).Take(Size)];

    /// <summary>"Hiển thị 1–50 trên 312 mục", or "Không có mục nào".</summary>
    public string Summary => Total == 0
        ? "Không có mục nào"
        : $"Hiển thị {Display.Number(Offset + 1)}–{Display.Number(Math.Min(Offset + Size, Total))} trên {Display.Number(Total)} mục";

    /// <summary>The address of page <paramref name="page"/> with every other parameter kept.</summary>
    public string Href(int page)
    {
        var query = new List<KeyValuePair<string, string?>>(_query);
        if (page > 1)
        {
            query.Add(new(PageParameter, page.ToString(CultureInfo.InvariantCulture)));
        }
        var href = QueryHelpers.AddQueryString(_path, query);
        return _fragment is null ? href : href + "#" + _fragment;
    }

    /// <summary>The page numbers to link: the first, the last, and two either side of the current one; 0 marks a gap.</summary>
    public IReadOnlyList<int> Links()
    {
        var shown = new SortedSet<int> { 1, Pages };
        for (var p = Page - 2; p <= Page + 2; p++)
        {
            if (p >= 1 && p <= Pages)
            {
                shown.Add(p);
            }
        }
        var links = new List<int>();
        var last = 0;
        foreach (var p in shown)
        {
            if (p > last + 1)
            {
                links.Add(0);
            }
            links.Add(p);
            last = p;
        }
        return links;
    }
}
