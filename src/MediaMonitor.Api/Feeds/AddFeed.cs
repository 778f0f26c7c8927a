using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace MediaMonitor.Feeds;

/// <param name="Name">What to call the feed; left out, its host name.</param>
/// <param name="Source">The source its articles give, unless an item names its own; left out, the name.</param>
/// <param name="Lang">ar or en; left out, each item's or the feed's own language, else detected from the text.</param>
/// <param name="IntervalSeconds">How often it is polled; 300 when left out, at least 60.</param>
/// <param name="FullText">Fetch each new item's page and take its main text instead of the item's summary.</param>
/// <param name="Category">Where it sits in your reading list, e.g. "Iraq/Security" (kept in OPML exports).</param>
public sealed record AddFeed(string? Url, string? Name, string? Lang, string? Source, int? IntervalSeconds, bool? FullText, string? Category = null);

/// <summary>The command as checked: the event to append, or what is wrong, or the feed that polls that URL already.</summary>
public sealed record CheckedFeed(FeedAdded? Added, ValidationErrors Errors, Feed? Existing);

public static class AddFeedEndpoint
{
    public static async Task<CheckedFeed> LoadAsync(
        AddFeed command, IQuerySession session, IOptionsMonitor<OutboundOptions> outbound, IOptionsMonitor<FeedOptions> feeds,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var url = await OutboundTargets.CheckAsync("url", command.Url, outbound.CurrentValue, errors, ct);
        var name = FeedInput.CheckName("name", command.Name, errors);
        var category = FeedInput.CheckName("category", command.Category, errors);
        var source = FeedInput.CheckSource(command.Source, errors);
        var lang = FeedInput.CheckLang(command.Lang, errors);
        var interval = FeedInput.CheckInterval(command.IntervalSeconds, feeds.CurrentValue, errors);
        if (errors.Any || url is null) return new CheckedFeed(null, errors, null);
        if (await FeedInput.ExistingAsync(session, url, ct) is { } existing) return new CheckedFeed(null, errors, existing);
        var now = clock.GetUtcNow();
        return new CheckedFeed(new FeedAdded(Guid.CreateVersion7(now), url.AbsoluteUri, name ?? url.IdnHost, source, lang, interval,
            command.FullText ?? false, now, category), errors, null);
    }

    public static ProblemDetails Validate(CheckedFeed feed) => feed switch
    {
        { Errors.Any: true } => Problems.InvalidDetails(feed.Errors),
        { Existing: { } existing } => Problems.ConflictDetails($"Feed {existing.Id} polls {existing.Url} already."),
        _ => WolverineContinue.NoProblems,
    };

    /// <summary>Adds a feed to poll; its first poll starts at once.</summary>
    [WolverinePost("/api/feeds"), Authorize(Policy = Scopes.Admin), Tags("Feeds")]
    [ProducesResponseType<FeedResponse>(201), ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ValidationProblemDetails>(422)]
    public static (IResult, IStartStream, OutgoingMessages) Post(AddFeed command, CheckedFeed feed)
    {
        var added = feed.Added!;
        var created = Feed.Create(added);
        created.Version = 1;
        return (Results.Created($"/api/feeds/{added.FeedId}", FeedResponse.From(created, null)),
            MartenOps.StartStream<Feed>(added.FeedId, added),
            [new PollFeed(added.FeedId, created.Generation)]);
    }
}
