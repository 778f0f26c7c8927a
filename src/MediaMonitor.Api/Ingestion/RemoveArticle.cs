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
    /// article's and its alerts'), and brings the article and alert views in line. The article, its matches and
    /// alerts remain, without the text. Saying it again is harmless, and finishes a removal that was cut short.
    /// </summary>
    [WolverineDelete("/api/articles/{id}"), Authorize(Policy = Scopes.Admin), Tags("Articles")]
    [ProducesResponseType(204), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ValidationProblemDetails>(422)]
    public static async Task<IResult> Delete(
        Guid id, [FromQuery] string? reason, IDocumentStore store, TimeProvider clock, CancellationToken ct)
    {
        var trimmed = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        var errors = new ValidationErrors();
        if (trimmed?.Length > MaxReasonLength) errors.Add("reason", $"A reason has at most {MaxReasonLength} characters.");
        else TextRules.Check("reason", trimmed, errors);
        if (errors.Any) return Problems.Invalid(errors);

        await using var session = store.LightweightSession();
        var article = await session.LoadAsync<ArticleView>(id, ct);
        if (article is null) return Problems.NotFound("Article", id);
        if (article.RemovedAt is null)
        {
            session.Events.Append(id, new ArticleRemoved(id, trimmed, clock.GetUtcNow()));
            await session.SaveChangesAsync(ct);
        }

        // Once the removal is recorded, finish it even if the caller goes away.
        var finish = CancellationToken.None;
        var alerts = await session.Query<AlertView>().Where(a => a.ArticleId == id).Select(a => a.Id).ToListAsync(finish);
        await store.Advanced.ApplyEventDataMasking(x =>
        {
            x.IncludeStream(id);
            foreach (var alert in alerts) x.IncludeStream(alert);
        }, finish);
        // Masking rewrites events, not documents: replay the streams into their views.
        await store.Advanced.RebuildSingleStreamAsync<ArticleView>(id, finish);
        foreach (var alert in alerts) await store.Advanced.RebuildSingleStreamAsync<AlertView>(alert, finish);
        return Results.NoContent();
    }
}
