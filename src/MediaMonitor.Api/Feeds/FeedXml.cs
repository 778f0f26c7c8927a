using System.Text;
using System.Xml;

namespace MediaMonitor.Feeds;

/// <summary>An XML feed as handed to CodeHollow: no DOCTYPE, at most <see cref="FeedParser.MaxEntries"/> items.</summary>
internal sealed record FeedXmlCopy(string Xml, int Listed, string? Break);

/// <summary>
/// Copies an XML feed through a reader that never processes a DTD, so CodeHollow (whose XDocument.Parse would) never
/// sees one. Items past the limit are only counted. When the XML breaks, the copy ends after the last complete item,
/// its open ancestors closed, so the items before the break are kept.
/// </summary>
internal static class FeedXml
{
    private static readonly string[] Roots = ["rss", "RDF", "feed"];

    public static FeedXmlCopy Copy(byte[] content, string? contentType)
    {
        var text = new StringBuilder();
        var open = new List<string>();
        var listed = 0;
        (int Length, string Closing)? complete = null;
        using var reader = SafeXml.Open(content, contentType);
        using var writer = XmlWriter.Create(new StringWriter(text), new XmlWriterSettings
        {
            OmitXmlDeclaration = true,
            CheckCharacters = false,
        });
        try
        {
            reader.MoveToContent();
            CheckRoot(reader);
            while (!reader.EOF)
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        var isItem = IsItem(reader);
                        if (isItem && ++listed > FeedParser.MaxEntries)
                        {
                            reader.Skip();
                            continue;
                        }
                        writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
                        writer.WriteAttributes(reader, defattr: false);
                        if (reader.IsEmptyElement)
                        {
                            writer.WriteEndElement();
                            if (isItem) complete = Checkpoint(writer, text, open);
                        }
                        else
                        {
                            open.Add(reader.Name);
                        }
                        break;
                    case XmlNodeType.EndElement:
                        writer.WriteFullEndElement();
                        open.RemoveAt(open.Count - 1);
                        if (IsItem(reader)) complete = Checkpoint(writer, text, open);
                        break;
                    case XmlNodeType.Text:
                        writer.WriteString(reader.Value);
                        break;
                    // Whitespace outside the root (the newline after </rss> that nearly every feed ends with) has no
                    // place in the copy: the writer refuses text after the root element.
                    case XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when open.Count > 0:
                        writer.WriteString(reader.Value);
                        break;
                    case XmlNodeType.CDATA:
                        writer.WriteCData(reader.Value);
                        break;
                }
                reader.Read();
            }
            writer.Flush();
            return new FeedXmlCopy(text.ToString(), listed, null);
        }
        catch (XmlException e)
        {
            var where = $"line {e.LineNumber}, position {e.LinePosition}";
            if (complete is not { } kept)
            {
                throw new FeedFormatException($"The feed is not well-formed XML at {where} ({SafeXml.Reason(e)}).", e);
            }
            text.Length = kept.Length;
            text.Append(kept.Closing);
            return new FeedXmlCopy(text.ToString(), listed, $"The feed breaks at {where} ({SafeXml.Reason(e)}); the items before the break were read.");
        }
    }

    private static void CheckRoot(XmlReader reader)
    {
        if (reader.NodeType != XmlNodeType.Element)
        {
            throw new FeedFormatException("The document has no XML element, so it is not a feed.");
        }
        if (reader.LocalName.Equals("html", StringComparison.OrdinalIgnoreCase))
        {
            throw new FeedFormatException(FeedParser.HtmlPage);
        }
        if (!Roots.Contains(reader.LocalName, StringComparer.OrdinalIgnoreCase))
        {
            throw new FeedFormatException(
                $"The document is XML with the root element <{reader.Name}>, not an RSS, RDF or Atom feed.");
        }
    }

    // RSS 2.0 items sit in rss/channel (depth 2), RSS 1.0 items and Atom entries directly under the root (depth 1).
    private static bool IsItem(XmlReader reader) =>
        reader.Depth is 1 or 2 && (reader.LocalName == "item" || reader.LocalName == "entry");

    private static (int, string) Checkpoint(XmlWriter writer, StringBuilder text, List<string> open)
    {
        writer.Flush();
        return (text.Length, string.Concat(Enumerable.Reverse(open).Select(name => $"</{name}>")));
    }
}
