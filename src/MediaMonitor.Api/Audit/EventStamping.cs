using Marten;

namespace MediaMonitor.Audit;

/// <summary>
/// Stamps every event saved through any session of the store (those Wolverine opens and our own) with the actor, an
/// API key's name or <see cref="AuditContext.SystemActor"/>, and, within a request, the request's correlation id.
/// Marten has copied the session's ids onto the events before this runs; a plain session takes the trace id as its
/// correlation id, so within a request the request's id replaces it. Outside one, a message handler's session
/// carries the message's correlation and causation (Wolverine sets them), and those stay.
/// </summary>
public sealed class EventStamping : DocumentSessionListenerBase
{
    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var context = AuditContext.Current;
        foreach (var stream in session.PendingChanges.Streams())
        {
            foreach (var e in stream.Events)
            {
                if (context is not null) e.CorrelationId = context.CorrelationId;
                if (e.GetHeader(AuditContext.ActorHeader) is null) e.SetHeader(AuditContext.ActorHeader, context?.Actor ?? AuditContext.SystemActor);
            }
        }
        return Task.CompletedTask;
    }
}
