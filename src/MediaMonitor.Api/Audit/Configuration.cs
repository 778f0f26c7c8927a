using Marten;
using Wolverine;

namespace MediaMonitor.Audit;

public static class Configuration
{
    public static IServiceCollection AddAudit(this IServiceCollection services) => services.AddSingleton<ProjectionRebuilds>().AddSingleton<InlineProjectionReplay>()
        .AddSingleton<AsyncProjectionRebuild>();

    public static void AddAudit(this StoreOptions marten) =>
        marten.Schema.For<RebuildStatus>().Identity(x => x.Projection).UseOptimisticConcurrency(true);

    public static void UseAuditMessaging(this WolverineOptions opts)
    {
        // One rebuild at a time: each reads the whole log, and two at once would only slow each other and the service.
        opts.LocalQueue(ProjectionRebuilds.Queue).Sequential();
        opts.PublishMessage<RebuildProjection>().ToLocalQueue(ProjectionRebuilds.Queue);
        // A node reads an agent command by its type name, which it knows only of the types it handles or is told of.
        opts.RegisterMessageType(typeof(RebuildProjectionOnNode));
    }
}
