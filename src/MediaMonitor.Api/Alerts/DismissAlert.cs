using System.Security.Claims;
using MediaMonitor.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Marten;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace MediaMonitor.Alerts;

public sealed record DismissAlert(string? Note);

public static class DismissAlertEndpoint
{
    public static ProblemDetails Validate(DismissAlert? command) => AlertInput.RefuseNote(command?.Note) ?? WolverineContinue.NoProblems;

    public static Events Decide(Alert alert, DismissAlert? command, string actor, DateTimeOffset now) =>
        alert.State == AlertState.Dismissed ? [] : [new AlertDismissed(alert.Id, AlertInput.Note(command?.Note), actor, now)];

    /// <summary>
    /// Dismisses an Open or Acknowledged alert, recording the key's name and the note (optional). Dismissing is
    /// final; dismissing again changes nothing, the note included.
    /// </summary>
    [WolverinePost("/api/alerts/{id}/dismiss"), Authorize(Policy = Scopes.Admin), Tags("Alerts")]
    [ProducesResponseType<AlertView>(200), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ValidationProblemDetails>(422)]
    // The body is optional (nullable: Wolverine binds no body or an empty one to null): a change needs no note.
    public static async Task<(IResult, Events)> Post(DismissAlert? command,
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = AlertInput.Missing)] Alert alert,
        IDocumentSession session, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var events = Decide(alert, command, AlertInput.Actor(user), clock.GetUtcNow());
        return (await AlertInput.AnswerAsync(session, alert, events, ct), events);
    }
}
