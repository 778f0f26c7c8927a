using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;

namespace MediaMonitor.Feeds;

public static class Configuration
{
    public const string PollQueue = "feeds";

    public static IServiceCollection AddFeeds(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeedOptions>().Bind(configuration.GetSection(FeedOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FeedOptions>, FeedOptionsValidation>();
        services.AddSingleton<FeedFetcher>();
        services.AddSingleton<RobotsCache>();
        services.AddSingleton<FeedItems>();
        return services;
    }

    public static void AddFeeds(this StoreOptions marten)
    {
        // Inline: a poll's and a command's decisions see the state the last one committed.
        marten.Projections.Snapshot<Feed>(SnapshotLifecycle.Inline);
        // One feed per URL among those not deleted, even when two adds race: the loser's commit fails, answered 409.
        marten.Schema.For<Feed>().Index(x => x.Url, index =>
        {
            index.IsUnique = true;
            index.Predicate = $"(data ->> 'state') <> '{nameof(FeedState.Deleted)}'";
        }).Index(x => x.State);
        // A poll of an older chain that committed after a newer one would set the next poll back: it fails instead, and
        // its retry finds itself stale.
        marten.Schema.For<FeedCheck>().UseOptimisticConcurrency(true);
    }

    public static void UseFeedMessaging(this WolverineOptions opts)
    {
        // Durable (the service's local queues are): a poll due or under way when a node stops is done by another.
        opts.LocalQueue(PollQueue).MaximumParallelMessages(Environment.ProcessorCount * 2);
        opts.PublishMessage<PollFeed>().ToLocalQueue(PollQueue);
    }
}

public sealed class FeedOptionsValidation : IValidateOptions<FeedOptions>
{
    public ValidateOptionsResult Validate(string? name, FeedOptions options) =>
        options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
