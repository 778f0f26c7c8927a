using JasperFx.Events;
using JasperFx.Events.Projections;
using MediaMonitor.Webhooks;
using Marten;
using Wolverine;
using Wolverine.Marten;

namespace MediaMonitor.Spikes;

public static class Configuration
{
    public static void AddSpikes(this StoreOptions marten)
    {
        // Async: fed by every article stream (see SpikeWatchProjection), and the only place spikes are found.
        marten.Projections.Add<SpikeWatchProjection>(ProjectionLifecycle.Async);
        // Async: the spike's event is appended by the detection's side effect, which inline projections do not see.
        marten.Projections.Snapshot<SpikeView>(SnapshotLifecycle.Async);
        // The spike feed, newest first, whole or for one watchlist.
        marten.Schema.For<SpikeView>().Index([x => x.WindowEnd]).Index([x => x.WatchlistId, x => x.WindowEnd]);
    }

    /// <summary>Every <see cref="SpikeDetected"/>, in log order, to <see cref="DispatchSpikeHandler"/>.</summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddSpikeDispatch(
        this MartenServiceCollectionExtensions.MartenConfigurationExpression marten) =>
        marten.PublishEventsToWolverine("SpikeDispatch", relay => relay.PublishEvent<SpikeDetected>((e, bus) => bus.PublishAsync(e)));

    public static void UseSpikeMessaging(this WolverineOptions opts) =>
        // The alerts' dispatch queue: one at a time, so a subscription's deliveries are queued in the order raised.
        opts.PublishMessage<IEvent<SpikeDetected>>().ToLocalQueue(Webhooks.Configuration.DispatchQueue);
}
