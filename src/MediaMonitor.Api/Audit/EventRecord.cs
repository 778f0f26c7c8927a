using JasperFx.Events;

namespace MediaMonitor.Audit;

/// <summary>One event as the audit endpoints show it: what happened (type, data) and its record (where in the log,
/// when, under which correlation, caused by what, by whom).</summary>
public sealed record EventRecord(
    long Sequence, Guid StreamId, long Version, string Type, DateTimeOffset Timestamp, string? CorrelationId,
    string? CausationId, string? Actor, IReadOnlyDictionary<string, object>? Headers, object Data)
{
    public static EventRecord From(IEvent e) => new(
        e.Sequence, e.StreamId, e.Version, e.EventTypeName, e.Timestamp, e.CorrelationId, e.CausationId,
        e.GetHeader(AuditContext.ActorHeader)?.ToString(), e.Headers, e.Data);
}
