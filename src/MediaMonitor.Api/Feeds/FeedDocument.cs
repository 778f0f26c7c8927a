namespace MediaMonitor.Feeds;

/// <summary>One parsed feed. Format: "rss" (0.9x/2.0), "rdf" (RSS 1.0), "atom", "json".</summary>
public sealed record FeedDocument(
    string Format, string? Title, string? Link, string? Lang, IReadOnlyList<FeedEntry> Entries, int Skipped,
    IReadOnlyList<string> Problems);
