using Marten.Events.Aggregation;

namespace MediaMonitor.Alerts;

public sealed partial class AlertViewProjection : SingleStreamProjection<AlertView, Guid>
{
    public static AlertView Create(AlertRaised e) => new()
    {
        Id = e.AlertId, ArticleId = e.ArticleId, WatchlistId = e.WatchlistId, WatchlistVersion = e.WatchlistVersion,
        WatchlistName = e.WatchlistName, ArticleTitle = e.ArticleTitle, Lang = e.Lang, Source = e.Source,
        Url = e.Url, PublishedAt = e.PublishedAt, Hits = e.Hits, HitsOmitted = e.HitsOmitted, RaisedAt = e.RaisedAt, Backfill = e.Backfill, State = AlertState.Open,
        StoryId = e.StoryId, RepeatInStory = e.RepeatInStory,
    };

    // Times, actors and notes come from the events, never from the clock: a rebuild yields the same documents.
    public static AlertView Apply(AlertAcknowledged e, AlertView view) => view.After(e);

    public static AlertView Apply(AlertDismissed e, AlertView view) => view.After(e);
}
