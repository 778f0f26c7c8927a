using JasperFx;

namespace MediaMonitor.Feeds;

/// <param name="Name">What the user calls the feed.</param>
/// <param name="Source">What its articles give as their source, unless an item names its own; null: the name.</param>
/// <param name="Lang">The language of its articles (ar or en); null: the feed's own, else each article's detected.</param>
/// <param name="FullText">Each new item's page is fetched and its main text taken, rather than the item's summary.</param>
/// <param name="Category">Where the feed sits in the user's reading list ("Iraq/Security"), as OPML keeps it.</param>
public sealed record FeedAdded(
    Guid FeedId, string Url, string Name, string? Source, string? Lang, int IntervalSeconds, bool FullText, DateTimeOffset At,
    string? Category = null);

/// <summary>A poll that found items not seen before (or the first good poll after failures): what became of them.</summary>
/// <param name="NewItemKeys">The keys (<see cref="FeedEntry.Key"/>) of the items this poll saw for the first time.</param>
public sealed record FeedPolled(
    Guid FeedId, DateTimeOffset At, int Items, IReadOnlyList<string> NewItemKeys, int ArticlesCreated, int Duplicates,
    int Rejected, int Skipped, IReadOnlyList<string> Problems);

/// <summary>A poll that failed; the next try waits longer each time (see <see cref="FeedSchedule"/>).</summary>
/// <param name="Status">The HTTP status, when there was an answer.</param>
public sealed record FeedFailed(Guid FeedId, DateTimeOffset At, string Reason, int? Status, DateTimeOffset RetryAt);

/// <summary>The feed answered a permanent redirect (301, 308): it is polled at the new address from now on.</summary>
public sealed record FeedMoved(Guid FeedId, string From, string To, DateTimeOffset At);

/// <param name="Reason">Why the service paused it (gone, failing too long); null when a user did.</param>
public sealed record FeedPaused(Guid FeedId, string? Reason, DateTimeOffset At);
public sealed record FeedResumed(Guid FeedId, DateTimeOffset At);
/// <summary>A user asked for a poll now; the poll scheduled before it is dropped when it falls due.</summary>
public sealed record FeedPollRequested(Guid FeedId, DateTimeOffset At);
public sealed record FeedDeleted(Guid FeedId, DateTimeOffset At);

public enum FeedState { Active, Paused, Deleted }

/// <summary>
/// The feed stream folded into what a poll decides on, kept inline as a document. <see cref="Generation"/> tells the
/// live chain of scheduled polls from stale ones: each event that starts a new chain (added, poll requested, resumed)
/// moves it on, and a <see cref="PollFeed"/> of another generation is dropped.
/// </summary>
public sealed partial class Feed : IRevisioned
{
    /// <summary>How many item keys are remembered: three times what a poll takes, so every item a feed still lists is
    /// recognised without asking the database, however long the feed.</summary>
    public const int RememberedItems = 3 * FeedParser.MaxEntries;

    public Guid Id { get; set; }
    public string Url { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Source { get; set; }
    public string? Lang { get; set; }
    public string? Category { get; set; }
    public int IntervalSeconds { get; set; }
    public bool FullText { get; set; }
    public FeedState State { get; set; }
    public string? PausedReason { get; set; }
    public int Generation { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? LastPolledAt { get; set; }
    public DateTimeOffset? LastNewItemsAt { get; set; }
    public int ItemsSeen { get; set; }
    public int ArticlesCreated { get; set; }
    public int ConsecutiveFailures { get; set; }
    public DateTimeOffset? FailingSince { get; set; }
    public string? LastFailure { get; set; }
    /// <summary>The newest <see cref="RememberedItems"/> item keys, oldest first (a poll's new keys in the feed's order
    /// reversed: feeds list their newest first).</summary>
    public List<string> SeenItems { get; set; } = [];
    public int Version { get; set; }

    public bool Seen(string key) => SeenItems.Contains(key);

    /// <summary>The feed as it will be once <paramref name="events"/> are appended: what a command answers.</summary>
    public Feed After(IReadOnlyList<object> events)
    {
        var after = (Feed)MemberwiseClone();
        after.SeenItems = [.. SeenItems];
        foreach (var e in events)
        {
            switch (e)
            {
                case FeedPaused x: after.Apply(x); break;
                case FeedResumed x: after.Apply(x); break;
                case FeedPollRequested x: after.Apply(x); break;
                case FeedDeleted x: after.Apply(x); break;
                default: throw new ArgumentException($"{e.GetType().Name} is not a command's event.", nameof(events));
            }
        }
        after.Version += events.Count;
        return after;
    }

    public static Feed Create(FeedAdded e) => new()
    {
        Id = e.FeedId, Url = e.Url, Name = e.Name, Source = e.Source, Lang = e.Lang, Category = e.Category, IntervalSeconds = e.IntervalSeconds, FullText = e.FullText,
        State = FeedState.Active, Generation = 1, CreatedAt = e.At, UpdatedAt = e.At,
    };

    public void Apply(FeedPolled e)
    {
        LastPolledAt = e.At;
        if (e.NewItemKeys.Count > 0) LastNewItemsAt = e.At;
        ItemsSeen += e.NewItemKeys.Count;
        ArticlesCreated += e.ArticlesCreated;
        ConsecutiveFailures = 0;
        FailingSince = null;
        LastFailure = null;
        SeenItems.AddRange(e.NewItemKeys.Reverse());
        if (SeenItems.Count > RememberedItems) SeenItems.RemoveRange(0, SeenItems.Count - RememberedItems);
    }

    public void Apply(FeedFailed e)
    {
        ConsecutiveFailures++;
        FailingSince ??= e.At;
        LastFailure = e.Reason;
    }

    public void Apply(FeedMoved e) { Url = e.To; UpdatedAt = e.At; }

    public void Apply(FeedPaused e)
    {
        if (State == FeedState.Deleted) return;
        State = FeedState.Paused;
        PausedReason = e.Reason;
        UpdatedAt = e.At;
    }

    /// <summary>A resumed feed starts afresh: its failures are forgiven, and it is polled at once.</summary>
    public void Apply(FeedResumed e)
    {
        State = FeedState.Active;
        PausedReason = null;
        ConsecutiveFailures = 0;
        FailingSince = null;
        Generation++;
        UpdatedAt = e.At;
    }

    public void Apply(FeedPollRequested e) => Generation++;
    public void Apply(FeedDeleted e) { State = FeedState.Deleted; UpdatedAt = e.At; }
}
