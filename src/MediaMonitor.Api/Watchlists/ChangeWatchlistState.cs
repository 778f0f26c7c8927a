using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Watchlists;

/// <summary>Pause, resume and archive: a paused watchlist raises nothing until resumed; archiving is final.</summary>
public static class ChangeWatchlistStateEndpoints
{
    public static Decision Pause(Watchlist w, DateTimeOffset now) => w.State switch
    {
        WatchlistState.Archived => ChangeWatchlist.RefuseArchived(w),
        WatchlistState.Paused => new Decision.NoChange(),
        _ => new Decision.Append(new WatchlistPaused(w.Id, now)),
    };

    public static Decision Resume(Watchlist w, DateTimeOffset now) => w.State switch
    {
        WatchlistState.Archived => ChangeWatchlist.RefuseArchived(w),
        WatchlistState.Active => new Decision.NoChange(),
        _ => new Decision.Append(new WatchlistResumed(w.Id, now)),
    };

    public static Decision Archive(Watchlist w, DateTimeOffset now) => w.State == WatchlistState.Archived
        ? new Decision.NoChange()
        : new Decision.Append(new WatchlistArchived(w.Id, now));

    [WolverinePost("/api/watchlists/{id}/pause"), Authorize(Policy = Scopes.Admin), Tags("Watchlists")]
    [ProducesResponseType<WatchlistResponse>(200), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409)]
    public static Task<IResult> PostPause(Guid id, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        ChangeWatchlist.ApplyAsync(session, id, w => Pause(w, clock.GetUtcNow()), ct);

    [WolverinePost("/api/watchlists/{id}/resume"), Authorize(Policy = Scopes.Admin), Tags("Watchlists")]
    [ProducesResponseType<WatchlistResponse>(200), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409)]
    public static Task<IResult> PostResume(Guid id, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        ChangeWatchlist.ApplyAsync(session, id, w => Resume(w, clock.GetUtcNow()), ct);

    [WolverinePost("/api/watchlists/{id}/archive"), Authorize(Policy = Scopes.Admin), Tags("Watchlists")]
    [ProducesResponseType<WatchlistResponse>(200), ProducesResponseType<ProblemDetails>(404)]
    public static Task<IResult> PostArchive(Guid id, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        ChangeWatchlist.ApplyAsync(session, id, w => Archive(w, clock.GetUtcNow()), ct);
}
