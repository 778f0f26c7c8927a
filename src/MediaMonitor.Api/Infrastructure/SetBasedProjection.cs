using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;

namespace MediaMonitor.Infrastructure;

/// <summary>
/// An event projection that writes a whole batch of events in a few set-based statements instead of one per event:
/// the daemon's page (async and rebuilds) and the events of an inline transaction all reach <see cref="Apply"/> at once.
/// </summary>
/// <remarks>
/// Marten's <see cref="EventProjection"/> implements both batch entry points explicitly and loops over the events one by
/// one; this class implements the two interfaces again, which C# then calls in their place. Marten still requires an
/// event projection to override the single-event <see cref="ApplyAsync(IDocumentOperations, IEvent, CancellationToken)"/>
/// (or to have Project methods), so that override sends its one event the same way.
/// </remarks>
public abstract class SetBasedProjection : EventProjection, IInlineProjection<IDocumentOperations>, IJasperFxProjection<IDocumentOperations>
{
    /// <summary>Queues the statements for <paramref name="events"/>, in log order.</summary>
    protected abstract void Apply(IDocumentOperations operations, IReadOnlyList<IEvent> events);

    public sealed override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        Apply(operations, [e]);
        return ValueTask.CompletedTask;
    }

    Task IInlineProjection<IDocumentOperations>.ApplyAsync(IDocumentOperations operations, IEnumerable<StreamAction> streams, CancellationToken cancellation)
    {
        Apply(operations, streams.SelectMany(s => s.Events).ToList());
        return Task.CompletedTask;
    }

    Task IJasperFxProjection<IDocumentOperations>.ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        Apply(operations, events);
        return Task.CompletedTask;
    }
}
