using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using MediaMonitor.Ingestion;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Alerts;

public sealed record AlertArticle(Guid Id, string? Title, string Lang, string? Source, string? Url, DateTimeOffset? PublishedAt, DateTimeOffset IngestedAt);

public sealed record AlertResponse(
    Guid Id, AlertState State, DateTimeOffset? StateChangedAt, string? Note, IReadOnlyList<AlertStateChange> History,
    DateTimeOffset RaisedAt, Guid WatchlistId, string WatchlistName, int WatchlistVersion, IReadOnlyList<AlertHit> Hits,
    AlertArticle? Article, int HitsOmitted, Guid? StoryId, bool RepeatInStory);

public static class GetAlertEndpoint
{
    [WolverineGet("/api/alerts/{id}"), Authorize(Policy = Scopes.Read), Tags("Alerts")]
    [ProducesResponseType<AlertResponse>(200), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken ct)
    {
        var alert = await session.LoadAsync<AlertView>(id, ct);
        if (alert is null) return Problems.NotFound("Alert", id);
        var article = await session.LoadAsync<ArticleView>(alert.ArticleId, ct);
        return Results.Ok(new AlertResponse(alert.Id, alert.State, alert.StateChangedAt, alert.Note, alert.History, alert.RaisedAt,
            alert.WatchlistId, alert.WatchlistName, alert.WatchlistVersion, alert.Hits,
            article is null ? null : new AlertArticle(article.Id, article.Title, article.Lang, article.Source, article.Url, article.PublishedAt, article.IngestedAt),
            alert.HitsOmitted, alert.StoryId, alert.RepeatInStory));
    }
}
