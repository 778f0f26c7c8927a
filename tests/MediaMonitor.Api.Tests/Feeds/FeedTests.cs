using MediaMonitor.Feeds;

namespace MediaMonitor.Api.Tests.Feeds;

public sealed class FeedTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Id = Guid.CreateVersion7(At);

    private static Feed Added() => Feed.Create(new FeedAdded(Id, "https://news.example/rss", "News", null, "ar", 300, false, At));

    private static FeedPolled Polled(params string[] keys) => new(Id, At, keys.Length, keys, keys.Length, 0, 0, 0, []);

    [Fact]
    public void the_feed_remembers_only_its_newest_item_keys()
    {
        var feed = Added();
        // A feed lists its newest item first: old-0 is the newest of the first poll, old-2999 its oldest.
        feed.Apply(Polled(Enumerable.Range(0, Feed.RememberedItems).Select(i => $"old-{i}").ToArray()));
        feed.Apply(Polled("new-1", "new-2"));

        Assert.Equal(Feed.RememberedItems, feed.SeenItems.Count);
        Assert.False(feed.Seen($"old-{Feed.RememberedItems - 1}"));
        Assert.False(feed.Seen($"old-{Feed.RememberedItems - 2}"));
        Assert.True(feed.Seen($"old-{Feed.RememberedItems - 3}"));
        Assert.True(feed.Seen("old-0"));
        Assert.True(feed.Seen("new-2"));
        Assert.Equal(Feed.RememberedItems + 2, feed.ItemsSeen);
    }

    [Fact]
    public void a_feed_that_lists_as_many_items_as_a_poll_takes_keeps_them_all_in_memory()
    {
        var feed = Added();
        var listed = Enumerable.Range(0, FeedParser.MaxEntries).Select(i => $"item-{i}").ToArray();
        feed.Apply(Polled(listed));
        feed.Apply(Polled("fresh"));
        Assert.All(listed, key => Assert.True(feed.Seen(key), key));
    }

    [Fact]
    public void a_good_poll_forgives_the_failures_before_it()
    {
        var feed = Added();
        feed.Apply(new FeedFailed(Id, At, "The server answered 500.", 500, At.AddMinutes(5)));
        feed.Apply(new FeedFailed(Id, At.AddMinutes(5), "The server answered 500.", 500, At.AddMinutes(15)));
        Assert.Equal((2, At), (feed.ConsecutiveFailures, feed.FailingSince));

        feed.Apply(Polled());

        Assert.Equal((0, (DateTimeOffset?)null, (string?)null), (feed.ConsecutiveFailures, feed.FailingSince, feed.LastFailure));
    }

    [Fact]
    public void a_poll_asked_for_and_a_resume_start_a_new_chain_of_polls()
    {
        var feed = Added();
        Assert.Equal(1, feed.Generation);
        feed.Apply(new FeedPollRequested(Id, At));
        feed.Apply(new FeedPaused(Id, null, At));
        feed.Apply(new FeedResumed(Id, At));
        Assert.Equal(3, feed.Generation);
    }

    [Fact]
    public void the_answer_to_a_command_is_the_feed_after_its_events_without_changing_the_feed_decided_on()
    {
        var feed = Added();
        feed.Version = 1;

        var after = feed.After([new FeedPaused(Id, null, At)]);

        Assert.Equal((FeedState.Paused, 2), (after.State, after.Version));
        Assert.Equal((FeedState.Active, 1), (feed.State, feed.Version));
    }

    [Fact]
    public void a_deleted_feed_stays_deleted_when_a_pause_decided_before_arrives()
    {
        var feed = Added();
        feed.Apply(new FeedDeleted(Id, At));
        feed.Apply(new FeedPaused(Id, "The feed is gone (410 Gone).", At));
        Assert.Equal(FeedState.Deleted, feed.State);
    }
}
