using JasperFx.Events;

namespace MediaMonitor.Audit;

/// <summary>One event as the audit endpoints show it: what happened (type, data) and its record (where in the log,
/// when, under which correlation, caused by what, by whom).</summary>
public sealed record EventRecord(
    Guid Id, long Sequence, Guid StreamId, long Version, string Type, DateTimeOffset Timestamp, string? CorrelationId,
    string? CausationId, string? Actor, IReadOnlyDictionary<string, object>? Headers, object Data)
{
    /// <summary>The actor of work no caller asked for (start-up, the daemon's subscriptions).</summary>
    public const string SystemActor = "system";

    /// <summary>Where events recorded before the user name column was used keep their actor.</summary>
    public const string LegacyActorHeader = "actor";

    public static EventRecord From(IEvent e) => new(
        e.Id, e.Sequence, e.StreamId, e.Version, e.EventTypeName, e.Timestamp, e.CorrelationId, e.CausationId, ActorOf(e), e.Headers, e.Data);

    public static string ActorOf(IEvent e) => e.UserName ?? e.GetHeader(LegacyActorHeader)?.ToString() ?? SystemActor;
}
