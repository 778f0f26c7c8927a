using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace MediaMonitor.Feeds;

/// <summary>OPML subscription lists, the format feed readers import and export.</summary>
public static class Opml
{
    /// <summary>
    /// Every outline with an xmlUrl, nested ones too; outlines without one are containers whose titles make the
    /// Category of what they hold.
    /// </summary>
    public static IReadOnlyList<OpmlOutline> Parse(byte[] content)
    {
        XDocument document;
        try
        {
            using var reader = SafeXml.Open(content, null);
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new FeedFormatException(
                $"The OPML file is not well-formed XML at line {e.LineNumber}, position {e.LinePosition} ({SafeXml.Reason(e)}).", e);
        }
        if (document.Root is not { } root || !root.Name.LocalName.Equals("opml", StringComparison.OrdinalIgnoreCase))
        {
            throw new FeedFormatException($"The document is not an OPML file: its root element is <{document.Root?.Name.LocalName}>, not <opml>.");
        }
        var outlines = new List<OpmlOutline>();
        var pending = new Stack<(XElement Outline, string? Category)>();
        Push(pending, root.Elements().Where(e => e.Name.LocalName == "body").SelectMany(e => e.Elements()), null);
        while (pending.Count > 0)
        {
            var (outline, category) = pending.Pop();
            var title = FeedEntries.Clean(Attribute(outline, "text") ?? Attribute(outline, "title"));
            if (Attribute(outline, "xmlUrl") is { } url)
            {
                outlines.Add(new OpmlOutline(url, title, Attribute(outline, "language"), category));
            }
            else
            {
                Push(pending, outline.Elements(), title is null ? category : category is null ? title : $"{category}/{title}");
            }
        }
        return outlines;
    }

    // Pushed in reverse so that the outlines come out in the file's order, without recursion on deep nesting.
    private static void Push(Stack<(XElement, string?)> pending, IEnumerable<XElement> elements, string? category)
    {
        foreach (var outline in elements.Where(e => e.Name.LocalName == "outline").Reverse()) pending.Push((outline, category));
    }

    /// <summary>An OPML 2.0 document listing the outlines, nested by Category (each "/" a level), UTF-8.</summary>
    public static string Write(string title, IEnumerable<OpmlOutline> outlines, DateTimeOffset createdAt)
    {
        var body = new XElement("body");
        var containers = new Dictionary<string, XElement>(StringComparer.Ordinal);
        // Stable sort: the feeds of one category sit together, in the order given, before its sub-categories.
        foreach (var outline in outlines.OrderBy(o => o.Category ?? "", StringComparer.Ordinal))
        {
            var parent = body;
            if (!string.IsNullOrWhiteSpace(outline.Category))
            {
                var path = "";
                foreach (var name in outline.Category.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    path = path.Length == 0 ? name : $"{path}/{name}";
                    if (!containers.TryGetValue(path, out var container))
                    {
                        container = new XElement("outline", new XAttribute("text", name), new XAttribute("title", name));
                        containers[path] = container;
                        parent.Add(container);
                    }
                    parent = container;
                }
            }
            var label = outline.Title ?? outline.Url;
            parent.Add(new XElement("outline",
                new XAttribute("type", "rss"), new XAttribute("text", label), new XAttribute("title", label),
                new XAttribute("xmlUrl", outline.Url),
                outline.Lang is { } lang ? new XAttribute("language", lang) : null));
        }
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("opml", new XAttribute("version", "2.0"),
            new XElement("head",
                new XElement("title", title),
                new XElement("dateCreated", createdAt.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture))),
            body));
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            document.Save(writer);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string? Attribute(XElement element, string name) =>
        element.Attributes().FirstOrDefault(a => a.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value is { } value
        && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : null;
}
