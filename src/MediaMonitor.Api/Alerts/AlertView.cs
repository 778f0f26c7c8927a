namespace MediaMonitor.Alerts;

/// <summary>
/// The alert stream folded into a document, the feed's item. <see cref="History"/> keeps every state change,
/// so the state at any past instant can be told from the document alone (see <see cref="AsOf"/>).
/// </summary>
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
    /// <summary>Hits found but not listed in <see cref="Hits"/> (which holds the first of each term).</summary>
    public int HitsOmitted { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public bool Backfill { get; set; }
    /// <summary>The story of its article (see <see cref="AlertRaised.StoryId"/>).</summary>
    public Guid? StoryId { get; set; }
    /// <summary>An earlier article of the story had already raised an alert for this watchlist.</summary>
    public bool RepeatInStory { get; set; }
    public AlertState State { get; set; }
    /// <summary>When the alert entered its current state; null while it is still Open.</summary>
    public DateTimeOffset? StateChangedAt { get; set; }
    /// <summary>The note of the change that led to the current state, if it had one.</summary>
    public string? Note { get; set; }
    public IReadOnlyList<AlertStateChange> History { get; set; } = [];

    /// <summary>The alert after one state change, as a copy (see <see cref="AlertViewProjection"/>).</summary>
    public AlertView After(object e)
    {
        var change = e switch
        {
            AlertAcknowledged x => new AlertStateChange(AlertState.Acknowledged, x.At, x.Actor, x.Note),
            AlertDismissed x => new AlertStateChange(AlertState.Dismissed, x.At, x.Actor, x.Note),
            _ => throw new ArgumentException($"{e.GetType().Name} is not an alert state change.", nameof(e)),
        };
        return With([.. History, change]);
    }

    /// <summary>
    /// The alert as it stood at <paramref name="instant"/>: only the changes made by then, and the state, time
    /// and note of the last of them (Open, with neither, if there was none). A copy; this instance is unchanged.
    /// </summary>
    public AlertView AsOf(DateTimeOffset instant) => With(History.Where(c => c.At <= instant).ToList());

    private AlertView With(IReadOnlyList<AlertStateChange> history)
    {
        var view = (AlertView)MemberwiseClone();
        var last = history.Count > 0 ? history[^1] : null;
        view.History = history;
        view.State = last?.State ?? AlertState.Open;
        view.StateChangedAt = last?.At;
        view.Note = last?.Note;
        return view;
    }
}
