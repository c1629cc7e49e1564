using System.Text;
using System.Text.RegularExpressions;

namespace ReportHub.Integration.Tests.Structure;

/// <summary>
/// Which ReportHub namespace uses which, read from the source text: <c>using</c> directives, fully and partly qualified
/// names, and types of an enclosing namespace, which C# lets a file name without any directive. Comments and plain
/// string literals are skipped; interpolated strings are kept, since their holes are code.
/// </summary>
public sealed partial class NamespaceGraph
{
    private readonly Dictionary<string, HashSet<string>> _declared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, SortedSet<string>>> _edges = new(StringComparer.Ordinal);

    /// <summary>A source file: its path (for messages), the namespace it is in (null when it has none) and its code.</summary>
    private sealed record Source(string Path, string? Namespace, string Code);

    public static NamespaceGraph FromFolder(string root)
    {
        var files = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !IsBuildOutput(Path.GetRelativePath(root, f)))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText(f)));
        return FromSources(files);
    }

    /// <param name="files">Relative path and text of each file; a .cshtml file is in the namespace its folder names.</param>
    public static NamespaceGraph FromSources(IEnumerable<(string Path, string Text)> files)
    {
        var graph = new NamespaceGraph();
        var sources = files.Select(f => Read(f.Path, f.Text)).ToList();
        foreach (var source in sources.Where(s => s.Namespace is not null))
        {
            var types = graph.Declared(source.Namespace!);
            foreach (Match m in TypeDeclaration().Matches(source.Code))
            {
                types.Add(m.Groups["name"].Value);
            }
        }
        foreach (var source in sources.Where(s => s.Namespace is not null))
        {
            graph.AddEdges(source);
        }
        return graph;
    }

    /// <summary>Namespaces each file declares, to compare with the folder it sits in.</summary>
    public static IEnumerable<(string Path, string Namespace)> FileNamespaces(string root) =>
        Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Path.GetRelativePath(root, f)))
            .Select(f => (Path: Path.GetRelativePath(root, f).Replace('\\', '/'), Ns: DeclaredNamespace(Strip(File.ReadAllText(f)))))
            .Where(f => f.Ns is not null)
            .Select(f => (f.Path, f.Ns!));

    /// <summary>Every set of namespaces that reach each other, each with the uses that close the loop.</summary>
    public IReadOnlyList<string> Cycles()
    {
        var found = new List<string>();
        foreach (var component in StronglyConnected().Where(c => c.Count > 1))
        {
            var members = component.ToHashSet(StringComparer.Ordinal);
            var text = new StringBuilder();
            text.Append("Namespaces that use each other: ").AppendJoin(", ", component.Order(StringComparer.Ordinal)).AppendLine();
            foreach (var from in component.Order(StringComparer.Ordinal))
            {
                foreach (var (to, why) in _edges.GetValueOrDefault(from, []).Where(e => members.Contains(e.Key)).OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    text.Append("  ").Append(from).Append(" -> ").Append(to).Append(": ").AppendJoin("; ", why.Take(4));
                    text.AppendLine(why.Count > 4 ? $"; and {why.Count - 4} more" : string.Empty);
                }
            }
            found.Add(text.ToString());
        }
        return found;
    }

    public bool Uses(string from, string to) => _edges.TryGetValue(from, out var targets) && targets.ContainsKey(to);

    private static bool IsBuildOutput(string relative) =>
        relative.Replace('\\', '/').Split('/').Any(part => part is "bin" or "obj");

    private HashSet<string> Declared(string ns)
    {
        if (!_declared.TryGetValue(ns, out var types))
        {
            _declared[ns] = types = new HashSet<string>(StringComparer.Ordinal);
        }
        return types;
    }

    private static Source Read(string path, string text)
    {
        var code = Strip(text);
        if (path.EndsWith(".cshtml", StringComparison.Ordinal))
        {
            // Razor puts a page in the namespace of its folder (src/ReportHub.Api/Pages/Rounds → ReportHub.Api.Pages.Rounds).
            var folder = Path.GetDirectoryName(path)!.Replace('\\', '/');
            return new Source(path, folder.Replace('/', '.'), RazorUsing().Replace(code, "using $1;"));
        }
        return new Source(path, DeclaredNamespace(code), code);
    }

    private static string? DeclaredNamespace(string code) =>
        NamespaceDeclaration().Match(code) is { Success: true } m ? m.Groups["ns"].Value : null;

    private void AddEdges(Source source)
    {
        var from = source.Namespace!;
        foreach (Match m in UsingDirective().Matches(source.Code))
        {
            Add(from, Resolve(m.Groups["name"].Value), $"{source.Path} (using {m.Groups["name"].Value})");
        }
        var body = UsingOrNamespaceLine().Replace(source.Code, string.Empty);
        foreach (Match m in QualifiedName().Matches(body))
        {
            Add(from, Resolve(m.Value), $"{source.Path} ({m.Value})");
        }

        var ancestors = Ancestors(from).ToList();
        foreach (var scope in ancestors.Prepend(from))
        {
            // A name qualified from an enclosing namespace: Issues.Issue inside ReportHub.Core.Parsing.
            foreach (var (target, types) in _declared.Where(d => d.Key.StartsWith(scope + ".", StringComparison.Ordinal)))
            {
                var relative = target[(scope.Length + 1)..];
                foreach (Match m in Regex.Matches(body, $@"(?<![\w.]){Regex.Escape(relative)}\.(?<type>[A-Z]\w*)"))
                {
                    if (types.Contains(m.Groups["type"].Value))
                    {
                        Add(from, target, $"{source.Path} ({m.Value})");
                    }
                }
            }
        }
        var own = _declared.GetValueOrDefault(from, []);
        foreach (var ancestor in ancestors)
        {
            // Types of an enclosing namespace need no directive, so they are found by name.
            foreach (var type in _declared.GetValueOrDefault(ancestor, []).Where(t => !own.Contains(t)))
            {
                if (Regex.IsMatch(body, $@"(?<![\w.]){type}\b"))
                {
                    Add(from, ancestor, $"{source.Path} ({type})");
                }
            }
        }
    }

    /// <summary>The namespace a dotted name is in: its longest prefix that declares types.</summary>
    private string? Resolve(string name)
    {
        var parts = name.Replace("global::", string.Empty, StringComparison.Ordinal).Split('.');
        for (var length = parts.Length; length > 1; length--)
        {
            var candidate = string.Join('.', parts[..length]);
            if (_declared.ContainsKey(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    private void Add(string from, string? to, string why)
    {
        if (to is null || to == from)
        {
            return;
        }
        if (!_edges.TryGetValue(from, out var targets))
        {
            _edges[from] = targets = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        }
        if (!targets.TryGetValue(to, out var reasons))
        {
            targets[to] = reasons = new SortedSet<string>(StringComparer.Ordinal);
        }
        reasons.Add(why);
    }

    private static IEnumerable<string> Ancestors(string ns)
    {
        for (var dot = ns.LastIndexOf('.'); dot > 0; dot = ns.LastIndexOf('.', dot - 1))
        {
            yield return ns[..dot];
        }
    }

    /// <summary>Tarjan's algorithm over the namespaces that use or are used.</summary>
    private List<List<string>> StronglyConnected()
    {
        var nodes = _edges.Keys.Concat(_edges.Values.SelectMany(t => t.Keys)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var components = new List<List<string>>();
        var next = 0;

        void Visit(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in _edges.GetValueOrDefault(v, []).Keys)
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], index[w]);
                }
            }
            if (low[v] == index[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);
                components.Add(component);
            }
        }

        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }
        return components;
    }

    /// <summary>The code with comments blanked and non-interpolated string and character literals emptied.</summary>
    private static string Strip(string text)
    {
        var code = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '/' && At(text, i + 1) == '/')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && At(text, i + 1) == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 2;
                code.Append(' ');
            }
            else if (c == '@' && At(text, i + 1) == '*')
            {
                // A Razor comment.
                var end = text.IndexOf("*@", i + 2, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 2;
                code.Append(' ');
            }
            else if (c == '\'')
            {
                i++;
                while (i < text.Length && text[i] != '\'' && text[i] != '\n')
                {
                    i += text[i] == '\\' ? 2 : 1;
                }
                i++;
                code.Append("' '");
            }
            else if (StringStart(text, i) is { } start)
            {
                i = SkipString(text, i, start, code);
            }
            else
            {
                code.Append(c);
                i++;
            }
        }
        return code.ToString();
    }

    private static char At(string text, int i) => i < text.Length ? text[i] : '\0';

    private readonly record struct StringPrefix(int Length, bool Interpolated, bool Verbatim, int Quotes);

    private static StringPrefix? StringStart(string text, int i)
    {
        if (i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] == '_'))
        {
            return null;
        }
        var j = i;
        var interpolated = false;
        var verbatim = false;
        while (j < text.Length && (text[j] == '$' || text[j] == '@'))
        {
            interpolated |= text[j] == '$';
            verbatim |= text[j] == '@';
            j++;
        }
        if (At(text, j) != '"')
        {
            return null;
        }
        var quotes = 0;
        while (At(text, j + quotes) == '"')
        {
            quotes++;
        }
        // "" is an empty literal, not the start of a raw one.
        quotes = quotes >= 3 ? quotes : 1;
        return new StringPrefix(j - i, interpolated, verbatim, quotes);
    }

    private static int SkipString(string text, int i, StringPrefix start, StringBuilder code)
    {
        var open = i + start.Length + start.Quotes;
        int end;
        int close;
        if (start.Quotes >= 3)
        {
            var fence = new string('"', start.Quotes);
            end = text.IndexOf(fence, open, StringComparison.Ordinal);
            close = end < 0 ? text.Length : end + start.Quotes;
        }
        else
        {
            end = open;
            while (end < text.Length)
            {
                if (!start.Verbatim && text[end] == '\\')
                {
                    end += 2;
                    continue;
                }
                if (text[end] == '"')
                {
                    if (start.Verbatim && At(text, end + 1) == '"')
                    {
                        end += 2;
                        continue;
                    }
                    break;
                }
                if (!start.Verbatim && text[end] == '\n')
                {
                    break;
                }
                end++;
            }
            close = Math.Min(end + 1, text.Length);
        }
        code.Append(' ');
        if (start.Interpolated && end > open)
        {
            code.Append(text, open, Math.Min(end, text.Length) - open);
        }
        code.Append(' ');
        return close;
    }

    [GeneratedRegex(@"^\s*namespace\s+(?<ns>[\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"\b(?:class|struct|interface|enum|record)\s+(?:struct\s+|class\s+)?(?<name>[A-Z]\w*)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?(?<name>(?:global::)?ReportHub(?:\.\w+)+)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"^\s*(?:(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?[\w.:]+\s*;|namespace\s+[\w.]+)", RegexOptions.Multiline)]
    private static partial Regex UsingOrNamespaceLine();

    [GeneratedRegex(@"(?<![\w.])(?:global::)?ReportHub(?:\.\w+)+")]
    private static partial Regex QualifiedName();

    [GeneratedRegex(@"^\s*@(?:using|model|inject)\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex RazorUsing();
}
