using System.Security.Claims;
using MediaMonitor.Infrastructure;
using Marten;

namespace MediaMonitor.Alerts;

/// <summary>
/// The one write path of every change to an alert's state: load it for writing (so a concurrent change fails with
/// 409 instead of being lost), decide, append to the alert's stream.
/// </summary>
public static class ChangeAlert
{
    public const int MaxNoteLength = 1_000;

    public static async Task<IResult> ApplyAsync(
        IDocumentSession session, Guid id, Func<AlertView, Decision> decide, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<AlertView>(id, ct);
        if (stream.Aggregate is not { } alert) return Problems.NotFound("Alert", id);

        var decision = decide(alert);
        if (decision is Decision.Refuse refuse) return refuse.Problem;
        if (decision is not Decision.Append append) return Results.Ok(alert);
        stream.AppendOne(append.Event);
        return Results.Ok(alert.After(append.Event));
    }

    /// <summary>The note trimmed (blank is none), or a refusal when it is too long or cannot be stored.</summary>
    public static (string? Note, Decision.Refuse? Refusal) CheckNote(string? note)
    {
        var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        var errors = new ValidationErrors();
        if (trimmed?.Length > MaxNoteLength) errors.Add("note", $"A note has at most {MaxNoteLength:N0} characters.");
        else TextRules.Check("note", trimmed, errors);
        return errors.Any ? (null, new Decision.Refuse(Problems.Invalid(errors))) : (trimmed, null);
    }

    /// <summary>Who made the change: the name of the API key (every key has one; the endpoints need a key).</summary>
    public static string Actor(ClaimsPrincipal user) =>
        user.Identity?.Name ?? throw new InvalidOperationException("An alert is changed only under a named API key.");
}
