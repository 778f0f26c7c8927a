using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using MediaMonitor.Ingestion;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Stories;

/// <param name="First">The earliest article of the story by the articles' own times.</param>
/// <param name="Title">Null for an article taken down.</param>
public sealed record StoryArticleResponse(
    Guid ArticleId, string? Title, string? Source, string? Url, DateTimeOffset At, DateTimeOffset? PublishedAt, DateTimeOffset? IngestedAt,
    bool First, Guid? NearestArticleId, double? Similarity);

public sealed record StoryResponse(
    Guid Id, string Lang, int Size, Guid FirstArticleId, Guid StartedBy, DateTimeOffset FirstAt, DateTimeOffset LatestAt,
    IReadOnlyList<StorySource> Sources, IReadOnlyList<Guid> WatchlistIds, IReadOnlyList<StoryArticleResponse> Articles);

public static class GetStoryEndpoint
{
    private sealed record ArticleHeader(Guid Id, string? Title, string? Url, DateTimeOffset? PublishedAt, DateTimeOffset IngestedAt);

    /// <summary>A story: its articles by time (which came first, the copy each was found closest to, and how close),
    /// its sources and the watchlists its articles matched. Kept by the async daemon: a copy taken in a moment ago may
    /// not be on it yet.</summary>
    [WolverineGet("/api/stories/{id}"), Authorize(Policy = Scopes.Read), Tags("Stories")]
    [ProducesResponseType<StoryResponse>(200), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken ct)
    {
        var story = await session.LoadAsync<StoryView>(id, ct);
        if (story is null) return Problems.NotFound("Story", id);
        var ids = story.Articles.Select(a => a.ArticleId).ToArray();
        var headers = (await session.Query<ArticleView>().Where(a => a.Id.IsOneOf(ids))
                .Select(a => new ArticleHeader(a.Id, a.Title, a.Url, a.PublishedAt, a.IngestedAt)).ToListAsync(ct))
            .ToDictionary(a => a.Id);
        var articles = story.Articles.OrderBy(a => a.At).ThenBy(a => a.ArticleId).Select(a =>
        {
            var header = headers.GetValueOrDefault(a.ArticleId);
            return new StoryArticleResponse(a.ArticleId, header?.Title, a.Source, header?.Url, a.At, header?.PublishedAt, header?.IngestedAt,
                a.ArticleId == story.FirstArticleId, a.NearestArticleId, a.Similarity);
        }).ToList();
        return Results.Ok(new StoryResponse(story.Id, story.Lang, story.Size, story.FirstArticleId, story.StartedBy, story.FirstAt,
            story.LatestAt, story.Sources, story.WatchlistIds, articles));
    }
}
