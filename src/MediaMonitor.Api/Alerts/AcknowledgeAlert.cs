using System.Security.Claims;
using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Marten;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace MediaMonitor.Alerts;

public sealed record AcknowledgeAlert(string? Note);

public static class AcknowledgeAlertEndpoint
{
    public static ProblemDetails Validate(AcknowledgeAlert? command, Alert alert) =>
        AlertInput.RefuseNote(command?.Note)
        ?? (alert.State == AlertState.Dismissed
            ? Problems.ConflictDetails($"Alert {alert.Id} is dismissed; a dismissed alert cannot be acknowledged.")
            : WolverineContinue.NoProblems);

    public static Events Decide(Alert alert, AcknowledgeAlert? command, string actor, DateTimeOffset now) =>
        alert.State == AlertState.Open ? [new AlertAcknowledged(alert.Id, AlertInput.Note(command?.Note), actor, now)] : [];

    /// <summary>
    /// Marks an Open alert Acknowledged, recording the key's name and the note (optional). Acknowledging it again
    /// changes nothing, the note included; a dismissed alert cannot be acknowledged (409).
    /// </summary>
    [WolverinePost("/api/alerts/{id}/acknowledge"), Authorize(Policy = Scopes.Admin), Tags("Alerts")]
    [ProducesResponseType<AlertView>(200), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ValidationProblemDetails>(422)]
    // The body is optional (nullable: Wolverine binds no body or an empty one to null): a change needs no note.
    public static async Task<(IResult, Events)> Post(AcknowledgeAlert? command,
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = AlertInput.Missing)] Alert alert,
        IDocumentSession session, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var events = Decide(alert, command, AlertInput.Actor(user), clock.GetUtcNow());
        return (await AlertInput.AnswerAsync(session, alert, events, ct), events);
    }
}
