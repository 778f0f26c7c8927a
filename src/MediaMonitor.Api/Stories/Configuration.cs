using JasperFx.Events.Projections;
using Marten;

namespace MediaMonitor.Stories;

public static class Configuration
{
    public static void AddStories(this StoreOptions marten)
    {
        // Inline: intake reads it to place the next articles (see StoryIndex).
        marten.Projections.Add(new StoryIndex(), ProjectionLifecycle.Inline);
        // Async: a story gathers many article streams (see StoryViewProjection).
        marten.Projections.Add<StoryViewProjection>(ProjectionLifecycle.Async);
        marten.Schema.For<StoryView>()
            .Index(x => x.LatestAt)
            .Index([x => x.Lang, x => x.LatestAt])
            .GinIndexJsonData();
    }

    public static IServiceCollection AddStories(this IServiceCollection services) => services.AddSingleton<StoryWindow>();
}
