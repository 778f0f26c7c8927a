using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Http;

namespace MediaMonitor.Feeds;

/// <summary>What became of one outline of an imported reading list.</summary>
/// <param name="Status">added, exists (a feed polls that URL already: its id), invalid (errors say why).</param>
public sealed record OpmlImportResult(string? Url, string? Title, string Status, Guid? FeedId, IDictionary<string, string[]>? Errors);

public static class ImportOpmlEndpoint
{
    public const string Route = "/api/feeds/opml";
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxOutlines = 5_000;
    public const int ParallelChecks = 8;

    /// <summary>
    /// Imports an OPML reading list (the body, as every feed reader exports it): each outline with an <c>xmlUrl</c>
    /// becomes a feed, checked as <c>POST /api/feeds</c> checks one, and is answered on its own; one bad outline
    /// does not stop the others. The added feeds are polled at once.
    /// </summary>
    [WolverinePost(Route), Authorize(Policy = Scopes.Admin), Tags("Feeds")]
    [ProducesResponseType<IReadOnlyList<OpmlImportResult>>(200), ProducesResponseType<ProblemDetails>(413), ProducesResponseType<ProblemDetails>(415),
     ProducesResponseType<ValidationProblemDetails>(422)]
    public static async Task<(IResult, OutgoingMessages)> Post(
        HttpRequest request, IDocumentSession session, IOptionsMonitor<OutboundOptions> outbound, IOptionsMonitor<FeedOptions> feeds,
        TimeProvider clock, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        if (!IsXml(request.ContentType))
        {
            return (Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The reading list was refused.",
                detail: $"Send the OPML document with Content-Type: text/x-opml or application/xml (got '{request.ContentType}')."), messages);
        }
        IReadOnlyList<OpmlOutline> outlines;
        try
        {
            outlines = Opml.Parse((await RequestBody.ReadAsync(request, MaxBytes, ct)).ToArray());
        }
        catch (RequestRejectedException e)
        {
            return (Results.Problem(statusCode: e.StatusCode, title: "The reading list was refused.", detail: e.Message), messages);
        }
        catch (FeedFormatException e)
        {
            var errors = new ValidationErrors();
            errors.Add("opml", e.Message);
            return (Problems.Invalid(errors), messages);
        }
        if (outlines.Count > MaxOutlines)
        {
            var errors = new ValidationErrors();
            errors.Add("opml", $"The list has {outlines.Count:N0} feeds; at most {MaxOutlines:N0} are imported at once.");
            return (Problems.Invalid(errors), messages);
        }

        // The URLs are checked (DNS included) a few at a time, and the feeds already polling any of them found in one
        // query: a reading list of hundreds of feeds is answered in seconds, not a lookup after another.
        var options = outbound.CurrentValue;
        var checkedUrls = new (Uri? Url, ValidationErrors Errors)[outlines.Count];
        await Parallel.ForAsync(0, outlines.Count, new ParallelOptions { MaxDegreeOfParallelism = ParallelChecks, CancellationToken = ct },
            async (i, token) =>
            {
                var errors = new ValidationErrors();
                checkedUrls[i] = (await OutboundTargets.CheckAsync("url", outlines[i].Url, options, errors, token), errors);
            });
        var wanted = checkedUrls.Where(c => c.Url is not null).Select(c => c.Url!.AbsoluteUri).Distinct().ToArray();
        var polled = (await session.Query<Feed>().Where(f => f.Url.IsOneOf(wanted) && f.State != FeedState.Deleted).ToListAsync(ct))
            .ToDictionary(f => f.Url, f => f.Id);

        var results = new List<OpmlImportResult>();
        var now = clock.GetUtcNow();
        for (var i = 0; i < outlines.Count; i++)
        {
            var (outline, (url, errors)) = (outlines[i], checkedUrls[i]);
            var name = FeedInput.CheckName("title", outline.Title, errors);
            var category = FeedInput.CheckName("category", outline.Category, errors);
            var lang = FeedInput.CheckLang(outline.Lang, errors);
            var interval = FeedInput.CheckInterval(null, feeds.CurrentValue, errors);
            if (errors.Any || url is null)
            {
                results.Add(new OpmlImportResult(outline.Url, outline.Title, "invalid", null, errors.ToDictionary()));
                continue;
            }
            if (polled.TryGetValue(url.AbsoluteUri, out var existing))
            {
                results.Add(new OpmlImportResult(url.AbsoluteUri, outline.Title, "exists", existing, null));
                continue;
            }
            // Ids in the list's order: feeds added together are listed (and exported) in the order they were read.
            var feed = new FeedAdded(SequentialGuid.Next(now), url.AbsoluteUri, name ?? url.IdnHost, null, lang, interval, false, now, category);
            session.Events.StartStream<Feed>(feed.FeedId, feed);
            messages.Add(new PollFeed(feed.FeedId, 1));
            polled[url.AbsoluteUri] = feed.FeedId;
            results.Add(new OpmlImportResult(url.AbsoluteUri, outline.Title, "added", feed.FeedId, null));
        }
        return (Results.Ok(results), messages);
    }

    /// <summary>OPML as readers export it: labelled as OPML, as XML, or as a file of no particular type.</summary>
    private static bool IsXml(string? contentType)
    {
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var type)) return false;
        var media = type.MediaType.Value!.ToLowerInvariant();
        return media is "text/x-opml" or "application/x-opml" or "text/xml" or "application/xml" or "application/octet-stream"
               || media.EndsWith("+xml", StringComparison.Ordinal);
    }
}
