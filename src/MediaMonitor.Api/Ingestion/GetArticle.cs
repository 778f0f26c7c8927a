using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using MediaMonitor.Matching;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Ingestion;

public sealed record ArticleHitResponse(string Term, ArticleField Field, int Start, int Length, string Text, string Snippet);

/// <param name="HitsOmitted">Hits found but not listed (the list holds the first of each term, at most 20 a term and 100 in all).</param>
public sealed record ArticleMatchResponse(Guid WatchlistId, string WatchlistName, int WatchlistVersion, IReadOnlyList<ArticleHitResponse> Hits, int HitsOmitted);

/// <summary>Title and body as HTML-escaped text with each hit wrapped in &lt;mark&gt;, ready to show.</summary>
public sealed record Highlighted(string? Title, string Body);

public sealed record ArticleResponse(
    Guid Id, string? Title, string Body, string Lang, string? Source, string? Url, DateTimeOffset? PublishedAt,
    DateTimeOffset IngestedAt, IReadOnlyList<ArticleMatchResponse> Matches, Highlighted Highlighted,
    DateTimeOffset? RemovedAt = null, string? RemovalReason = null, Guid? StoryId = null);

public static class GetArticleEndpoint
{
    [WolverineGet("/api/articles/{id}"), Authorize(Policy = Scopes.Read), Tags("Articles")]
    [ProducesResponseType<ArticleResponse>(200), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken ct)
    {
        var article = await session.LoadAsync<ArticleView>(id, ct);
        return article is null ? Problems.NotFound("Article", id) : Results.Ok(ToResponse(article));
    }

    public static ArticleResponse ToResponse(ArticleView a)
    {
        if (a.RemovedAt is not null) return Removed(a);
        string FieldText(ArticleField f) => f == ArticleField.Title ? a.Title ?? "" : a.Body;
        var matches = a.Matches.Select(m => new ArticleMatchResponse(m.WatchlistId, m.WatchlistName, m.WatchlistVersion,
            m.Hits.Select(h => new ArticleHitResponse(h.Term, h.Field, h.Start, h.Length, h.Text,
                Snippet.Around(FieldText(h.Field), h.Start, h.Length))).ToList(), m.HitsOmitted)).ToList();
        var hits = a.Matches.SelectMany(m => m.Hits).ToList();
        var highlighted = new Highlighted(
            a.Title is null ? null : Highlighter.Mark(a.Title, hits.Where(h => h.Field == ArticleField.Title).Select(h => (h.Start, h.Length))),
            Highlighter.Mark(a.Body, hits.Where(h => h.Field == ArticleField.Body).Select(h => (h.Start, h.Length))));
        return new ArticleResponse(a.Id, a.Title, a.Body, a.Lang, a.Source, a.Url, a.PublishedAt, a.IngestedAt, matches, highlighted,
            a.RemovedAt, a.RemovalReason, a.StoryId);
    }

    /// <summary>A removed article: its matches and their offsets, but no words to show or highlight.</summary>
    private static ArticleResponse Removed(ArticleView a) => new(a.Id, null, "", a.Lang, a.Source, null, a.PublishedAt, a.IngestedAt,
        a.Matches.Select(m => new ArticleMatchResponse(m.WatchlistId, m.WatchlistName, m.WatchlistVersion,
            m.Hits.Select(h => new ArticleHitResponse(h.Term, h.Field, h.Start, h.Length, "", "")).ToList(), m.HitsOmitted)).ToList(),
        new Highlighted(null, ""), a.RemovedAt, a.RemovalReason, a.StoryId);
}
