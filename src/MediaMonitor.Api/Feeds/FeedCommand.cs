using Marten;
using Wolverine.Marten;

namespace MediaMonitor.Feeds;

/// <summary>The answer of a command on a feed: the feed as its events leave it, with its last poll.</summary>
public static class FeedCommand
{
    public static async Task<IResult> AnswerAsync(Feed feed, Events events, IQuerySession session, CancellationToken ct) =>
        Results.Ok(FeedResponse.From(feed.After(events), await session.LoadAsync<FeedCheck>(feed.Id, ct)));
}
