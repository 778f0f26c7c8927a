using MediaMonitor.Infrastructure;
using Marten;

namespace MediaMonitor.Watchlists;

/// <summary>
/// The one write path of every change to an existing watchlist: load it for writing (so a concurrent change
/// fails with 409 instead of being lost), decide, append.
/// </summary>
public static class ChangeWatchlist
{
    public static async Task<IResult> ApplyAsync(
        IDocumentSession session, Guid id, Func<Watchlist, Decision> decide, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Watchlist>(id, ct);
        if (stream.Aggregate is not { } watchlist) return Problems.NotFound("Watchlist", id);

        var decision = decide(watchlist);
        if (decision is Decision.Refuse refuse) return refuse.Problem;
        if (decision is Decision.Append append)
        {
            stream.AppendOne(append.Event);
            watchlist.Advance(append.Event);
        }
        return Results.Ok(WatchlistResponse.From(watchlist, await session.LoadAsync<WatchlistMatchStats>(id, ct)));
    }

    public static Decision RefuseArchived(Watchlist w) =>
        new Decision.Refuse(Problems.Conflict($"Watchlist {w.Id} is archived; an archived watchlist cannot be changed."));
}
