using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace MediaMonitor.Ingestion;

/// <summary>An article as a client sends it. Unknown fields are refused (see ApiJson).</summary>
public sealed record IngestArticle(
    string? Title, string? Body, string? Lang, string? Source, string? Url, DateTimeOffset? PublishedAt);

/// <param name="StoryId">The story a new article joined (see <c>GET /api/stories/{id}</c>); null for a duplicate.</param>
public sealed record IngestResponse(Guid Id, string Status, IReadOnlyList<RaisedAlert> Alerts, Guid? StoryId = null);

public static class IngestArticleEndpoint
{
    [WolverinePost("/api/articles"), Authorize(Policy = Scopes.Ingest), Tags("Articles")]
    [ProducesResponseType<IngestResponse>(201), ProducesResponseType<IngestResponse>(200)]
    [ProducesResponseType<ProblemDetails>(400), ProducesResponseType<ProblemDetails>(413), ProducesResponseType<ProblemDetails>(415)]
    [ProducesResponseType<ValidationProblemDetails>(422)]
    public static async Task<IResult> Post(IngestArticle article, ArticleGroupCommit ingestor, IMessageContext requester, CancellationToken ct)
    {
        var (candidate, errors) = ArticleIntake.Check(article);
        if (candidate is null) return Problems.Invalid(errors);

        var outcome = await ingestor.IngestAsync(candidate, requester, ct);
        return outcome switch
        {
            IngestOutcome.Created c => Results.Created($"/api/articles/{c.ArticleId}", new IngestResponse(c.ArticleId, "created", c.Alerts, c.StoryId)),
            IngestOutcome.Duplicate d => Results.Ok(new IngestResponse(d.ArticleId, "duplicate", [])),
            _ => throw new InvalidOperationException($"Unexpected outcome {outcome}"),
        };
    }
}
