using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Alerts;

public static class GetAlertEndpoint
{
    /// <summary>The alert, as every endpoint that answers an alert gives it: the feed's item, with its hits, snippets,
    /// state and history, and what it says of its article (title, language, source, url, publishedAt).</summary>
    [WolverineGet("/api/alerts/{id}"), Authorize(Policy = Scopes.Read), Tags("Alerts")]
    [ProducesResponseType<AlertView>(200), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<AlertView>(id, ct) is { } alert ? Results.Ok(alert) : Problems.NotFound("Alert", id);
}
