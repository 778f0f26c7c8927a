using System.Security.Claims;
using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Alerts;

public sealed record AcknowledgeAlert(string? Note);

public static class AcknowledgeAlertEndpoint
{
    public static Decision Decide(AlertView alert, AcknowledgeAlert command, string actor, DateTimeOffset now)
    {
        var (note, refusal) = ChangeAlert.CheckNote(command.Note);
        if (refusal is not null) return refusal;
        return alert.State switch
        {
            AlertState.Open => new Decision.Append(new AlertAcknowledged(alert.Id, note, actor, now)),
            AlertState.Acknowledged => new Decision.NoChange(),
            _ => new Decision.Refuse(Problems.Conflict($"Alert {alert.Id} is dismissed; a dismissed alert cannot be acknowledged.")),
        };
    }

    /// <summary>
    /// Marks an Open alert Acknowledged, recording the key's name and the note (optional). Acknowledging it again
    /// changes nothing, the note included; a dismissed alert cannot be acknowledged (409).
    /// </summary>
    [WolverinePost("/api/alerts/{id}/acknowledge"), Authorize(Policy = Scopes.Admin), Tags("Alerts")]
    [ProducesResponseType<AlertView>(200), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ValidationProblemDetails>(422)]
    // The body is optional (nullable: Wolverine binds no body or an empty one to null): a change needs no note.
    public static Task<IResult> Post(Guid id, AcknowledgeAlert? command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        ChangeAlert.ApplyAsync(session, id, a => Decide(a, command ?? new AcknowledgeAlert(null), ChangeAlert.Actor(user), clock.GetUtcNow()), ct);
}
