using System.Security.Claims;
using MediaMonitor.Infrastructure;
using MediaMonitor.Access;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Alerts;

public sealed record DismissAlert(string? Note);

public static class DismissAlertEndpoint
{
    public static Decision Decide(AlertView alert, DismissAlert command, string actor, DateTimeOffset now)
    {
        var (note, refusal) = ChangeAlert.CheckNote(command.Note);
        if (refusal is not null) return refusal;
        return alert.State == AlertState.Dismissed
            ? new Decision.NoChange()
            : new Decision.Append(new AlertDismissed(alert.Id, note, actor, now));
    }

    /// <summary>
    /// Dismisses an Open or Acknowledged alert, recording the key's name and the note (optional). Dismissing is
    /// final; dismissing again changes nothing, the note included.
    /// </summary>
    [WolverinePost("/api/alerts/{id}/dismiss"), Authorize(Policy = Scopes.Admin), Tags("Alerts")]
    [ProducesResponseType<AlertView>(200), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ValidationProblemDetails>(422)]
    // The body is optional (nullable: Wolverine binds no body or an empty one to null): a change needs no note.
    public static Task<IResult> Post(Guid id, DismissAlert? command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        ChangeAlert.ApplyAsync(session, id, a => Decide(a, command ?? new DismissAlert(null), ChangeAlert.Actor(user), clock.GetUtcNow()), ct);
}
