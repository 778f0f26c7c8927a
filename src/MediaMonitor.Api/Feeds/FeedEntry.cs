namespace MediaMonitor.Feeds;

/// <summary>
/// One item of a feed. Key: a short stable identity for "already seen" checks (guid/id, else the canonical link,
/// else title and text; hashed). Text: the item's plain text, or its title when it has no text.
/// Url: an absolute http/https link or null. Lang: "ar" or "en" when the item or feed says so.
/// Source: the item's own RSS &lt;source&gt; name.
/// </summary>
public sealed record FeedEntry(
    string Key, string? Url, string? Title, string Text, DateTimeOffset? PublishedAt, string? Author, string? Source,
    string? Lang);
