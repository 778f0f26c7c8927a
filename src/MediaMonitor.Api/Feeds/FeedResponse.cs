namespace MediaMonitor.Feeds;

/// <summary>A feed as the API shows it: its settings, its state and how its polls go.</summary>
public sealed record FeedResponse(
    Guid Id, string Url, string Name, string? Source, string? Lang, string? Category, int IntervalSeconds, bool FullText, FeedState State,
    string? PausedReason, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, FeedPollResponse? LastPoll,
    DateTimeOffset? NextPollAt, int ItemsSeen, int ArticlesCreated, DateTimeOffset? LastNewItemsAt, int ConsecutiveFailures,
    DateTimeOffset? FailingSince, string? LastFailure)
{
    public static FeedResponse From(Feed f, FeedCheck? check) => new(
        f.Id, f.Url, f.Name, f.Source, f.Lang, f.Category, f.IntervalSeconds, f.FullText, f.State, f.PausedReason, f.Version, f.CreatedAt, f.UpdatedAt,
        check is null ? null : new FeedPollResponse(check.CheckedAt, check.Outcome, check.Status),
        f.State == FeedState.Active ? check?.NextPollAt : null, f.ItemsSeen, f.ArticlesCreated, f.LastNewItemsAt, f.ConsecutiveFailures,
        f.FailingSince, f.LastFailure);
}

/// <param name="Status">The HTTP status of the answer, when there was one.</param>
public sealed record FeedPollResponse(DateTimeOffset At, FeedOutcome Outcome, int? Status);
