using MediaMonitor.Access;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Feeds;

public static class ExportOpmlEndpoint
{
    /// <summary>The feeds (not deleted ones) as an OPML 2.0 reading list, for a feed reader or another MediaMonitor.</summary>
    [WolverineGet("/api/feeds/opml"), Authorize(Policy = Scopes.Admin), Tags("Feeds")]
    [Produces("text/x-opml")]
    public static async Task<IResult> Get(IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var feeds = await session.Query<Feed>().Where(x => x.State != FeedState.Deleted).OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).ToListAsync(ct);
        var opml = Opml.Write("MediaMonitor feeds", feeds.Select(f => new OpmlOutline(f.Url, f.Name, f.Lang, f.Category)), clock.GetUtcNow());
        return Results.Text(opml, "text/x-opml; charset=utf-8");
    }
}
