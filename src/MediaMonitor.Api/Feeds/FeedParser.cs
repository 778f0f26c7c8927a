using System.Text;
using CodeHollow.FeedReader;
using ParsedFeed = CodeHollow.FeedReader.Feed;

namespace MediaMonitor.Feeds;

/// <summary>
/// RSS 0.91/0.92/2.0, RSS 1.0 (RDF), Atom and JSON Feed documents read by CodeHollow.FeedReader, after our own safe
/// reading (<see cref="FeedXml"/>, <see cref="FeedJson"/>), into entries ready to become articles.
/// </summary>
public static class FeedParser
{
    public const int MaxEntries = 1_000;

    internal const string HtmlPage = "The address is an HTML page, not a feed: check that it is the feed's own address.";

    public static FeedDocument Parse(byte[] content, string? contentType)
    {
        var start = FirstSignificant(content);
        if (start < 0) throw new FeedFormatException("The feed is empty: the address returned no content.");
        if (LooksLikeHtml(content, start)) throw new FeedFormatException(HtmlPage);
        try
        {
            return content[start] is (byte)'{' or (byte)'[' ? ParseJson(content) : ParseXml(content, contentType);
        }
        catch (FeedFormatException e) when (IsHtmlType(contentType))
        {
            throw new FeedFormatException(HtmlPage, e);
        }
    }

    private static FeedDocument ParseJson(byte[] content)
    {
        var copy = FeedJson.Copy(content);
        var problems = new List<string>();
        if (copy.Listed > MaxEntries) problems.Add(TooMany(copy.Listed));
        return Read(copy.Json, copy.Listed, problems);
    }

    private static FeedDocument ParseXml(byte[] content, string? contentType)
    {
        var copy = FeedXml.Copy(content, contentType);
        var problems = new List<string>();
        if (copy.Break is { } broken) problems.Add(broken);
        if (copy.Listed > MaxEntries) problems.Add(TooMany(copy.Listed));
        return Read(copy.Xml, copy.Listed, problems);
    }

    private static FeedDocument Read(string text, int listed, List<string> problems)
    {
        ParsedFeed feed;
        try
        {
            feed = FeedReader.ReadFromString(text);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new FeedFormatException("The document looks like a feed but its channel could not be read.", e);
        }
        var format = feed.Type switch
        {
            FeedType.Rss_1_0 => "rdf",
            FeedType.Atom => "atom",
            FeedType.JsonFeed => "json",
            _ => "rss",
        };
        var link = FeedEntries.AbsoluteUrl(feed.Link, null);
        var lang = FeedEntries.FeedLang(feed);
        var entries = new List<FeedEntry>();
        foreach (var item in feed.Items)
        {
            if (FeedEntries.Read(item, link, lang) is { } entry) entries.Add(entry);
        }
        return new FeedDocument(format, FeedEntries.Clean(feed.Title), link, lang, entries,
            Math.Max(0, listed - entries.Count), problems);
    }

    private static string TooMany(int listed) =>
        $"The feed listed {listed:N0} items; only the first {MaxEntries:N0} were read.";

    private static int FirstSignificant(byte[] content)
    {
        var i = content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        while (i < content.Length && (content[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) i++;
        return i < content.Length ? i : -1;
    }

    private static bool LooksLikeHtml(byte[] content, int start)
    {
        var head = Encoding.ASCII.GetString(content, start, Math.Min(content.Length - start, 64));
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
               || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsHtmlType(string? contentType) =>
        contentType?.Split(';')[0].Trim().Equals("text/html", StringComparison.OrdinalIgnoreCase) == true;
}
