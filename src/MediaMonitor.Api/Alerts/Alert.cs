using MediaMonitor.Matching;

namespace MediaMonitor.Alerts;

public sealed record AlertHit(string Term, ArticleField Field, int Start, int Length, string Text, string Snippet);

/// <summary>
/// One alert per article and watchlist. It carries what a reader of the feed needs (title, language,
/// source, the hits with their snippets) as they were when it was raised, so the feed never joins.
/// <paramref name="Backfill"/>: raised by a backfill of past articles, not on intake. The hits are those of the match
/// (see <see cref="Ingestion.ArticleMatched"/>), and <paramref name="HitsOmitted"/> counts those it left out.
/// <paramref name="StoryId"/>: the story the article joined (null for alerts raised before stories were kept);
/// <paramref name="RepeatInStory"/>: an earlier article of that story already raised an alert for this watchlist, so
/// subscribers that want one notification per story pass this one by.
/// </summary>
public sealed record AlertRaised(
    Guid AlertId, Guid ArticleId, Guid WatchlistId, int WatchlistVersion, string WatchlistName,
    string? ArticleTitle, string Lang, string? Source, string? Url, DateTimeOffset? PublishedAt,
    IReadOnlyList<AlertHit> Hits, DateTimeOffset RaisedAt, bool Backfill = false, int HitsOmitted = 0,
    Guid? StoryId = null, bool RepeatInStory = false);

/// <summary>Someone (the API key's name) has seen the alert and is on it.</summary>
public sealed record AlertAcknowledged(Guid AlertId, string? Note, string Actor, DateTimeOffset At);

/// <summary>Someone (the API key's name) has closed the alert; nothing moves it on from here.</summary>
public sealed record AlertDismissed(Guid AlertId, string? Note, string Actor, DateTimeOffset At);

/// <summary>Open, then Acknowledged and/or Dismissed, in that order: an alert never goes back.</summary>
public enum AlertState { Open, Acknowledged, Dismissed }

public sealed record AlertStateChange(AlertState State, DateTimeOffset At, string Actor, string? Note);

/// <summary>
/// What acknowledging and dismissing decide on: the alert's state, folded live from its stream (a handful of events)
/// whenever a command loads it. Every endpoint answers an alert as <see cref="AlertView"/>.
/// </summary>
public sealed partial class Alert
{
    public Guid Id { get; set; }
    public Guid WatchlistId { get; set; }
    public Guid ArticleId { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public AlertState State { get; set; }
    /// <summary>When the alert entered its current state; null while it is still Open.</summary>
    public DateTimeOffset? StateChangedAt { get; set; }
    /// <summary>The note of the change that led to the current state, if it had one.</summary>
    public string? Note { get; set; }
    /// <summary>Every state change, with who made it.</summary>
    public List<AlertStateChange> History { get; set; } = [];

    public static Alert Create(AlertRaised e) => new()
    {
        Id = e.AlertId, WatchlistId = e.WatchlistId, ArticleId = e.ArticleId, RaisedAt = e.RaisedAt, State = AlertState.Open,
    };

    public void Apply(AlertAcknowledged e) => Change(AlertState.Acknowledged, e.At, e.Actor, e.Note);

    public void Apply(AlertDismissed e) => Change(AlertState.Dismissed, e.At, e.Actor, e.Note);

    private void Change(AlertState state, DateTimeOffset at, string actor, string? note)
    {
        State = state;
        StateChangedAt = at;
        Note = note;
        History.Add(new AlertStateChange(state, at, actor, note));
    }
}
