using System.Security.Claims;
using MediaMonitor.Infrastructure;
using Marten;
using Wolverine.Marten;
using Microsoft.AspNetCore.Mvc;

namespace MediaMonitor.Alerts;

/// <summary>What acknowledging and dismissing an alert check and answer alike.</summary>
public static class AlertInput
{
    public const int MaxNoteLength = 1_000;

    /// <summary>The 404 of a command on an alert that does not exist (Wolverine puts in the id).</summary>
    public const string Missing = "There is no alert with id {Id}.";

    /// <summary>The note trimmed; blank is none.</summary>
    public static string? Note(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    /// <summary>A note too long or that cannot be stored, refused; null for one that may be kept.</summary>
    public static ProblemDetails? RefuseNote(string? note)
    {
        var trimmed = Note(note);
        var errors = new ValidationErrors();
        if (trimmed?.Length > MaxNoteLength) errors.Add("note", $"A note has at most {MaxNoteLength:N0} characters.");
        else TextRules.Check("note", trimmed, errors);
        return errors.Any ? Problems.InvalidDetails(errors) : null;
    }

    /// <summary>
    /// The answer to a change: the alert as every endpoint gives it (<see cref="AlertView"/>), with the change applied
    /// as the inline projection will apply it when the transaction commits.
    /// </summary>
    public static async Task<IResult> AnswerAsync(IDocumentSession session, Alert alert, Events events, CancellationToken ct)
    {
        var view = await session.LoadAsync<AlertView>(alert.Id, ct)
                   ?? throw new InvalidOperationException($"Alert {alert.Id} has a stream but no view.");
        return Results.Ok(events.Aggregate(view, (v, e) => v.After(e)));
    }

    /// <summary>Who made the change: the name of the API key (every key has one; the endpoints need a key).</summary>
    public static string Actor(ClaimsPrincipal user) =>
        user.Identity?.Name ?? throw new InvalidOperationException("An alert is changed only under a named API key.");
}
