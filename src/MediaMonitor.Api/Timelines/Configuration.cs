using JasperFx.Events.Projections;
using Marten;

namespace MediaMonitor.Timelines;

public static class Configuration
{
    public static void AddTimelines(this StoreOptions marten) =>
        // Async: counters fed by every article stream (see TimelineProjection).
        marten.Projections.Add(new TimelineProjection(), ProjectionLifecycle.Async);
}
