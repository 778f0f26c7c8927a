using Marten.Events.Aggregation;

namespace MediaMonitor.Alerts;

public sealed partial class AlertViewProjection : SingleStreamProjection<AlertView, Guid>
{
    public static AlertView Create(AlertRaised e) => new()
    {
        Id = e.AlertId, ArticleId = e.ArticleId, WatchlistId = e.WatchlistId, WatchlistVersion = e.WatchlistVersion,
        WatchlistName = e.WatchlistName, ArticleTitle = e.ArticleTitle, Lang = e.Lang, Source = e.Source,
        Url = e.Url, PublishedAt = e.PublishedAt, Hits = e.Hits, RaisedAt = e.RaisedAt, State = AlertState.Open,
    };
}
