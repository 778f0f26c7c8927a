using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using CodeHollow.FeedReader;
using ParsedFeed = CodeHollow.FeedReader.Feed;
using CodeHollow.FeedReader.Feeds;
using MediaMonitor.Ingestion;

namespace MediaMonitor.Feeds;

/// <summary>
/// CodeHollow's items as <see cref="FeedEntry"/>. Text is read from the item's XML rather than from CodeHollow's
/// Content, which HTML-decodes content once more than the XML did (an escaped "&amp;lt;script&amp;gt;" in an
/// article would become a script and be dropped) and flattens Atom XHTML content without its paragraphs.
/// </summary>
internal static class FeedEntries
{
    private static readonly XNamespace ContentModule = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    /// <summary>The entry of one item, or null when it has neither title nor text or cannot be read at all.</summary>
    public static FeedEntry? Read(FeedItem item, string? feedLink, string? feedLang)
    {
        try
        {
            return Map(item.SpecificItem, feedLink, feedLang);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    private static FeedEntry? Map(BaseFeedItem item, string? feedLink, string? feedLang)
    {
        var title = Clean(item.Title);
        var (id, text, date, author, source, lang) = item switch
        {
            Rss20FeedItem rss => (rss.Guid, RssText(rss.Element, rss.Description), FeedDates.Parse(rss.PublishingDateString) ?? FeedDates.Parse(rss.DC?.DateString),
                Clean(rss.Author) ?? Clean(rss.DC?.Creator), Clean(rss.Source?.Value), rss.DC?.Language),
            MediaRssFeedItem media => (media.Guid, RssText(media.Element, media.Description), FeedDates.Parse(media.PublishingDateString) ?? FeedDates.Parse(media.DC?.DateString),
                Clean(media.Author) ?? Clean(media.DC?.Creator), Clean(media.Source?.Value), media.DC?.Language),
            Rss10FeedItem rdf => (rdf.About, RssText(rdf.Element, rdf.Description ?? rdf.DC?.Description), FeedDates.Parse(rdf.DC?.DateString),
                Clean(rdf.DC?.Creator), null, rdf.DC?.Language),
            Rss092FeedItem rss092 => (null, RssText(rss092.Element, rss092.Description), FeedDates.Parse(rss092.PublishingDateString),
                Clean(item.Element.Element(DublinCore + "creator")?.Value), Clean(rss092.Source?.Value), null),
            Rss091FeedItem rss091 => (null, RssText(rss091.Element, rss091.Description), FeedDates.Parse(rss091.PublishingDateString),
                Clean(item.Element.Element(DublinCore + "creator")?.Value), null, null),
            AtomFeedItem atom => (atom.Id, AtomText(atom.Element), FeedDates.Parse(atom.PublishedDateString) ?? FeedDates.Parse(atom.UpdatedDateString),
                Clean(atom.Author?.Name), null, null),
            JsonFeedItem json => (json.Id, JsonText(json), FeedDates.Parse(json.DatePublishedString) ?? FeedDates.Parse(json.DateModifiedString),
                Clean(string.Join(", ", json.Authors.Select(a => a.Name).Where(n => !string.IsNullOrWhiteSpace(n)))), null, json.Language),
            _ => (null, "", null, null, null, null),
        };
        if (string.IsNullOrEmpty(text)) text = title ?? "";
        if (text.Length == 0) return null;
        var url = AbsoluteUrl(item.Link ?? (item as JsonFeedItem)?.ExternalUrl, feedLink);
        var itemLang = FeedLanguage.Of(lang) ?? FeedLanguage.Of(XmlLang(item.Element)) ?? feedLang;
        return new FeedEntry(Key(id, url, title, text), url, title, text, date, author, source, itemLang);
    }

    /// <summary>The feed's language: its language element, dc:language, JSON "language" or the root's xml:lang.</summary>
    public static string? FeedLang(ParsedFeed feed) =>
        FeedLanguage.Of(feed.Language)
        ?? FeedLanguage.Of((feed.SpecificFeed as Rss10Feed)?.DC?.Language)
        ?? FeedLanguage.Of(feed.SpecificFeed?.Element?.Element(DublinCore + "language")?.Value)
        ?? FeedLanguage.Of(XmlLang(feed.SpecificFeed?.Element));

    /// <summary>An absolute http/https address, a relative one resolved against the feed's link; otherwise null.</summary>
    public static string? AbsoluteUrl(string? link, string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(link)) return null;
        link = link.Trim();
        Uri? uri;
        if (!Uri.TryCreate(link, UriKind.Absolute, out uri) || uri.Scheme == Uri.UriSchemeFile)
        {
            if (baseUrl is null || !Uri.TryCreate(new Uri(baseUrl), link, out uri)) return null;
        }
        return uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps ? uri.AbsoluteUri : null;
    }

    /// <summary>A title or name as one line of plain text, or null when blank.</summary>
    public static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Contains('<') || value.Contains('&') ? HtmlText.ToText(value) : value;
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length == 0 ? null : text;
    }

    private static string Key(string? id, string? url, string? title, string text)
    {
        var identity = !string.IsNullOrWhiteSpace(id) ? id.Trim()
            : ArticleIntake.UrlKey(url) is { } urlKey ? urlKey
            : $"{title}\n{text}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)).AsSpan(0, 16));
    }

    private static string RssText(XElement item, string? description)
    {
        var encoded = item.Element(ContentModule + "encoded")?.Value;
        return HtmlText.ToText(!string.IsNullOrWhiteSpace(encoded) ? encoded : description ?? "");
    }

    private static string AtomText(XElement entry)
    {
        var atom = entry.Name.Namespace;
        var content = TypedText(entry.Element(atom + "content"));
        return content.Length > 0 ? content : TypedText(entry.Element(atom + "summary"));
    }

    // Atom text constructs: "xhtml" holds markup as XML elements, "html" holds it escaped, "text" (the default) none.
    private static string TypedText(XElement? element)
    {
        if (element is null) return "";
        return (element.Attribute("type")?.Value ?? "text").ToLowerInvariant() switch
        {
            "xhtml" => HtmlText.ToText(string.Concat(element.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)))),
            "html" or "text/html" => HtmlText.ToText(element.Value),
            _ => PlainText(element.Value),
        };
    }

    private static string JsonText(JsonFeedItem item) =>
        !string.IsNullOrWhiteSpace(item.ContentHtml) ? HtmlText.ToText(item.ContentHtml)
        : !string.IsNullOrWhiteSpace(item.ContentText) ? PlainText(item.ContentText)
        : PlainText(item.Summary ?? "");

    // Plain text keeps its paragraphs; only runs of spaces within a line are collapsed.
    private static string PlainText(string text) =>
        string.Join('\n', text.Replace("\r\n", "\n").Split('\n')
                .Select(line => string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))))
            .Trim();

    private static string? XmlLang(XElement? element) =>
        element?.AncestorsAndSelf().Select(e => e.Attribute(XNamespace.Xml + "lang")?.Value).FirstOrDefault(v => v is not null);
}
