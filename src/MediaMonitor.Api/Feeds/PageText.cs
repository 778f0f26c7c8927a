using SmartReader;

namespace MediaMonitor.Feeds;

/// <summary>The main text of an article page, found by SmartReader (a port of Mozilla's Readability).</summary>
public static class PageText
{
    // Far above any article page; a bigger answer is a bomb or not an article, and Readability scores every node.
    private const int MaxPageLength = 5_000_000;

    // Article pages have a few thousand elements. Readability builds the whole tree, which costs time growing with the
    // square of the nesting, and cannot be stopped midway: a page with far more tags than any article is left alone.
    private const int MaxTags = 30_000;

    public static string? Extract(string html, Uri pageUrl)
    {
        if (html.Length > MaxPageLength) html = html[..MaxPageLength];
        if (html.AsSpan().Count('<') > MaxTags) return null;
        var article = new Reader(pageUrl.AbsoluteUri, html).GetArticle();
        if (!article.IsReadable || string.IsNullOrWhiteSpace(article.Content)) return null;
        var text = HtmlText.ToText(article.Content);
        return text.Length == 0 ? null : text;
    }
}
