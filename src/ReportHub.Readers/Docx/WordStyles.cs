using System.Xml;

namespace ReportHub.Readers.Docx;

/// <summary>
/// The w:rFonts of one level (a run, a style, the document defaults). Each slot is inherited on its own, as Word does.
/// A theme font (asciiTheme) is recorded as "": themes name Unicode fonts, never .VnTime.
/// </summary>
internal readonly record struct RunFonts(string? Ascii, string? HAnsi)
{
    public static RunFonts None => default;

    /// <summary>Word draws characters above U+007F with the hAnsi font, plain ASCII with the ascii font.</summary>
    public string? Slot(bool highAnsi) => highAnsi ? HAnsi : Ascii;

    public static RunFonts Read(XmlReader reader)
    {
        var ascii = WordXml.Attribute(reader, "asciiTheme") is not null ? "" : WordXml.Attribute(reader, "ascii");
        var hAnsi = WordXml.Attribute(reader, "hAnsiTheme") is not null ? "" : WordXml.Attribute(reader, "hAnsi");
        reader.Skip();
        return new RunFonts(ascii, hAnsi);
    }

    /// <summary>Reads the rFonts of an rPr element and moves past it; revision history (rPrChange) is not the current formatting.</summary>
    /// <remarks>w:vanish comes out true or false where the level says so, null where it leaves it to the level below.</remarks>
    public static RunFonts ReadProperties(XmlReader reader, out string? runStyle, out bool? vanish)
    {
        var fonts = None;
        runStyle = null;
        vanish = null;
        foreach (var name in WordXml.Children(reader))
        {
            switch (name)
            {
                case "rFonts":
                    fonts = Read(reader);
                    break;
                case "rStyle":
                    runStyle = WordXml.ValueAndSkip(reader);
                    break;
                case "vanish":
                    // An on/off property: no w:val means on.
                    vanish = WordXml.ValueAndSkip(reader) is not ("0" or "false" or "off");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        return fonts;
    }
}

/// <summary>
/// The fonts and the hidden (w:vanish) setting that word/styles.xml gives runs that name none themselves: the document defaults and the chain of
/// paragraph and character styles. Table styles and theme resolution are left out; they never carry a legacy font.
/// </summary>
internal sealed class WordStyles
{
    private const int MaxChain = 16;

    private readonly Dictionary<string, (string? BasedOn, RunFonts Fonts, bool? Vanish)> _styles = new(StringComparer.Ordinal);
    private RunFonts _defaults;
    private bool? _defaultVanish;
    private string? _defaultParagraphStyle;

    public static WordStyles Empty { get; } = new();

    public static WordStyles Read(XmlReader reader)
    {
        var styles = new WordStyles();
        reader.MoveToContent();
        foreach (var name in WordXml.Children(reader))
        {
            switch (name)
            {
                case "docDefaults":
                    (styles._defaults, styles._defaultVanish) = ReadDefaults(reader);
                    break;
                case "style":
                    styles.ReadStyle(reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        return styles;
    }

    /// <summary>The font a run is drawn in: its own rFonts, its character style, its paragraph's style, the defaults.</summary>
    public string? Resolve(RunFonts direct, string? runStyle, string? paragraphStyle, bool highAnsi)
    {
        var font = direct.Slot(highAnsi)
            ?? FromChain(runStyle, highAnsi)
            ?? FromChain(paragraphStyle ?? _defaultParagraphStyle, highAnsi)
            ?? _defaults.Slot(highAnsi);
        return string.IsNullOrEmpty(font) ? null : font;
    }

    /// <summary>
    /// Whether Word leaves a run off the page: its own w:vanish, else its character style's chain, else its
    /// paragraph style's chain, else the defaults. The nearest level that says on or off wins; the paragraph mark's
    /// own properties (w:pPr/w:rPr) format only the mark, never the runs, as in Word.
    /// </summary>
    public bool Hidden(bool? direct, string? runStyle, string? paragraphStyle) =>
        direct
        ?? VanishFromChain(runStyle)
        ?? VanishFromChain(paragraphStyle ?? _defaultParagraphStyle)
        ?? _defaultVanish
        ?? false;

    private bool? VanishFromChain(string? styleId)
    {
        for (var hops = 0; styleId is not null && hops < MaxChain; hops++)
        {
            if (!_styles.TryGetValue(styleId, out var style))
            {
                return null;
            }
            if (style.Vanish is { } vanish)
            {
                return vanish;
            }
            styleId = style.BasedOn;
        }
        return null;
    }

    private string? FromChain(string? styleId, bool highAnsi)
    {
        for (var hops = 0; styleId is not null && hops < MaxChain; hops++)
        {
            if (!_styles.TryGetValue(styleId, out var style))
            {
                return null;
            }
            if (style.Fonts.Slot(highAnsi) is { } font)
            {
                return font;
            }
            styleId = style.BasedOn;
        }
        return null;
    }

    private static (RunFonts Fonts, bool? Vanish) ReadDefaults(XmlReader reader)
    {
        var fonts = RunFonts.None;
        bool? vanish = null;
        foreach (var name in WordXml.Children(reader))
        {
            if (name != "rPrDefault")
            {
                reader.Skip();
                continue;
            }
            foreach (var inner in WordXml.Children(reader))
            {
                if (inner == "rPr")
                {
                    fonts = RunFonts.ReadProperties(reader, out _, out vanish);
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        return (fonts, vanish);
    }

    private void ReadStyle(XmlReader reader)
    {
        var id = WordXml.Attribute(reader, "styleId");
        var type = WordXml.Attribute(reader, "type");
        var isDefault = WordXml.Attribute(reader, "default") is "1" or "true" or "on";
        string? basedOn = null;
        var fonts = RunFonts.None;
        bool? vanish = null;
        foreach (var name in WordXml.Children(reader))
        {
            switch (name)
            {
                case "basedOn":
                    basedOn = WordXml.ValueAndSkip(reader);
                    break;
                case "rPr":
                    fonts = RunFonts.ReadProperties(reader, out _, out vanish);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        if (string.IsNullOrEmpty(id) || type is not ("paragraph" or "character"))
        {
            return;
        }
        _styles.TryAdd(id, (basedOn, fonts, vanish));
        if (isDefault && type == "paragraph")
        {
            _defaultParagraphStyle ??= id;
        }
    }
}
