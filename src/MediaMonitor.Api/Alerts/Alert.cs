using MediaMonitor.Matching;

namespace MediaMonitor.Alerts;

public sealed record AlertHit(string Term, ArticleField Field, int Start, int Length, string Text, string Snippet);

/// <summary>
/// One alert per article and watchlist. It carries what a reader of the feed needs (title, language,
/// source, the hits with their snippets) as they were when it was raised, so the feed never joins.
/// </summary>
public sealed record AlertRaised(
    Guid AlertId, Guid ArticleId, Guid WatchlistId, int WatchlistVersion, string WatchlistName,
    string? ArticleTitle, string Lang, string? Source, string? Url, DateTimeOffset? PublishedAt,
    IReadOnlyList<AlertHit> Hits, DateTimeOffset RaisedAt);

public enum AlertState { Open }

public sealed class AlertView
{
    public Guid Id { get; set; }
    public Guid ArticleId { get; set; }
    public Guid WatchlistId { get; set; }
    public int WatchlistVersion { get; set; }
    public string WatchlistName { get; set; } = "";
    public string? ArticleTitle { get; set; }
    public string Lang { get; set; } = "";
    public string? Source { get; set; }
    public string? Url { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public IReadOnlyList<AlertHit> Hits { get; set; } = [];
    public DateTimeOffset RaisedAt { get; set; }
    public AlertState State { get; set; }
}
