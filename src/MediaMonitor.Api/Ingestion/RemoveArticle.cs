using MediaMonitor.Access;
using MediaMonitor.Alerts;
using MediaMonitor.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Ingestion;

/// <param name="Reason">Why (a takedown notice, a privacy request): kept with the fact of the removal.</param>
public sealed record RemoveArticle(string? Reason);

public static class RemoveArticleEndpoint
{
    public const int MaxReasonLength = 1000;

    /// <summary>
    /// Takes an article down: records <see cref="ArticleRemoved"/>, masks its text in every event about it (the
    /// article's and its alerts'), and brings the article and alert views in line, all in one transaction (Wolverine's
    /// transactional middleware commits the session). The article, its matches and alerts remain, without the text.
    /// Saying it again is harmless.
    /// </summary>
    [WolverineDelete("/api/articles/{id}"), Authorize(Policy = Scopes.Admin), Tags("Articles")]
    [ProducesResponseType(204), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ValidationProblemDetails>(422)]
    public static async Task<IResult> Delete(
        Guid id, [FromQuery] string? reason, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var trimmed = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        var errors = new ValidationErrors();
        if (trimmed?.Length > MaxReasonLength) errors.Add("reason", $"A reason has at most {MaxReasonLength} characters.");
        else TextRules.Check("reason", trimmed, errors);
        if (errors.Any) return Problems.Invalid(errors);

        var article = await session.LoadAsync<ArticleView>(id, ct);
        if (article is null) return Problems.NotFound("Article", id);
        // Optimistic: of two removals racing, one commits and the other is told of the conflict.
        if (article.RemovedAt is null) await session.Events.AppendOptimistic(id, ct, new ArticleRemoved(id, trimmed, clock.GetUtcNow()));

        // One query for every event of the article and its alerts, however many watchlists matched it. The
        // ArticleView projection masks the article's view itself when it applies ArticleRemoved.
        var alerts = await session.Query<AlertView>().Where(a => a.ArticleId == id).ToListAsync(ct);
        var streams = alerts.Select(a => a.Id).Append(id).ToArray();
        var events = await session.Events.QueryAllRawEvents().Where(e => e.StreamId.IsOneOf(streams)).ToListAsync(ct);
        foreach (var e in events.Where(ArticleMasking.TryMask)) session.Events.OverwriteEvent(e);
        foreach (var alert in alerts)
        {
            ArticleMasking.Mask(alert);
            session.Store(alert);
        }
        return Results.NoContent();
    }
}
