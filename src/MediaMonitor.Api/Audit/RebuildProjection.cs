using JasperFx.Events.Projections;
using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Attributes;
using Wolverine.Http;

namespace MediaMonitor.Audit;

public enum RebuildState { Running, Completed, Failed }

/// <summary>
/// The last rebuild of a projection, stored, so that every node answers for it whichever node ran it.
/// <paramref name="Sequence"/>: how far the rebuild has read the log; <paramref name="HighWaterMark"/> is the end.
/// </summary>
public sealed record RebuildStatus(
    string Projection, RebuildState State, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? Error,
    long Sequence, long HighWaterMark);

public sealed record ProjectionInfo(string Name, string Lifecycle, long Sequence, RebuildStatus? Rebuild);

/// <summary>Rebuild the projection from the event log. A durable message: a rebuild cut short by a restart is run
/// again, on whichever node picks it up.</summary>
public sealed record RebuildProjection(string Projection, DateTimeOffset StartedAt);

/// <summary>The projections that can be rebuilt, and the progress of a running rebuild, read from the store.</summary>
public sealed class ProjectionRebuilds(IDocumentStore store)
{
    public const string Queue = "projection-rebuilds";

    /// <summary>The projections that store something; a live aggregation is folded on each read and has nothing to rebuild.</summary>
    public IReadOnlyList<string> Names => store.Options.Events.Projections()
        .Where(p => p.Lifecycle != ProjectionLifecycle.Live).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();

    public string Lifecycle(string name) =>
        store.Options.Events.Projections().First(p => p.Name == name).Lifecycle.ToString();

    /// <summary>The rebuild's status, with its progress read from the store while it runs.</summary>
    public static async Task<RebuildStatus?> StatusAsync(IQuerySession session, string name, CancellationToken ct)
    {
        if (await session.LoadAsync<RebuildStatus>(name, ct) is not { } status) return null;
        return status.State == RebuildState.Running
            ? WithProgress(status, await session.DocumentStore.Advanced.AllProjectionProgress(token: ct))
            : status;
    }

    /// <summary>A running rebuild's status with how far its projection has read and where the log ends. An inline
    /// projection's replay has no shard; it stores its own progress in the status.</summary>
    public static RebuildStatus WithProgress(RebuildStatus status, IReadOnlyList<ShardState> progress) =>
        status.State != RebuildState.Running || Shard(progress, status.Projection) is not { } shard
            ? status
            : status with { Sequence = shard.Sequence, HighWaterMark = Sequence(progress, "HighWaterMark") };

    /// <summary>How far the projection's shard (or the high water mark, by its name) has read the log.</summary>
    public static long Sequence(IReadOnlyList<ShardState> progress, string name) => Shard(progress, name)?.Sequence ?? 0;

    private static ShardState? Shard(IReadOnlyList<ShardState> progress, string name) =>
        progress.FirstOrDefault(p => p.ShardName == name || p.ShardName.StartsWith(name + ":", StringComparison.Ordinal));
}

public static class RebuildProjectionEndpoints
{
    /// <summary>Every projection, its lifecycle, how far it has read the log, and its last rebuild.</summary>
    [WolverineGet("/api/admin/projections"), Authorize(Policy = Scopes.Admin), Tags("Audit")]
    [ProducesResponseType<IReadOnlyList<ProjectionInfo>>(200)]
    public static async Task<IResult> List(ProjectionRebuilds rebuilds, IQuerySession session, CancellationToken ct)
    {
        var progress = await session.DocumentStore.Advanced.AllProjectionProgress(token: ct);
        var names = rebuilds.Names;
        var statuses = (await session.LoadManyAsync<RebuildStatus>(ct, names)).ToDictionary(s => s.Projection, StringComparer.Ordinal);
        return Results.Ok(names.Select(name => new ProjectionInfo(name, rebuilds.Lifecycle(name), ProjectionRebuilds.Sequence(progress, name),
            statuses.TryGetValue(name, out var status) ? ProjectionRebuilds.WithProgress(status, progress) : null)).ToList());
    }

    /// <summary>
    /// Starts rebuilding a projection from the event log, in the background: 202, then follow the Location. Rebuilds
    /// run one at a time on a node (each reads the whole log), through Wolverine's durable local queue: one asked for
    /// while another runs waits its turn, and one cut short by a restart starts again.
    /// </summary>
    [WolverinePost("/api/admin/projections/{name}/rebuild"), Authorize(Policy = Scopes.Admin), Tags("Audit")]
    [ProducesResponseType<RebuildStatus>(202), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409)]
    public static async Task<(IResult, OutgoingMessages)> Post(
        string name, ProjectionRebuilds rebuilds, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        if (!rebuilds.Names.Contains(name, StringComparer.Ordinal))
            return (Results.Problem(statusCode: 404, title: "Projection not found.", detail: $"Projections: {string.Join(", ", rebuilds.Names)}."), messages);
        var last = await session.LoadAsync<RebuildStatus>(name, ct);
        if (last is { State: RebuildState.Running })
            return (Problems.Conflict($"Projection {name} is being rebuilt already (since {last.StartedAt:O})."), messages);

        var started = new RebuildStatus(name, RebuildState.Running, clock.GetUtcNow(), null, null, 0, 0);
        // Optimistic: of two requests racing, one inserts or replaces the status it read, and the other hears 409.
        if (last is null) session.Insert(started);
        else session.Store(started);
        messages.Add(new RebuildProjection(name, started.StartedAt));
        return (Results.Accepted($"/api/admin/projections/{name}/rebuild", started), messages);
    }

    [WolverineGet("/api/admin/projections/{name}/rebuild"), Authorize(Policy = Scopes.Admin), Tags("Audit")]
    [ProducesResponseType<RebuildStatus>(200), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(string name, IQuerySession session, CancellationToken ct) =>
        await ProjectionRebuilds.StatusAsync(session, name, ct) is { } status
            ? Results.Ok(status)
            : Results.Problem(statusCode: 404, title: "No rebuild.", detail: $"No rebuild of {name} was started.");
}

/// <summary>
/// Replays the log into the projection and nothing else: matching is not run again, since matches and alerts are
/// events. An inline projection is replayed in one transaction (<see cref="InlineProjectionReplay"/>), so queries
/// answer from the old documents until it commits. An async one is rebuilt in place, on the node and the daemon
/// whose Wolverine agent runs it (<see cref="AsyncProjectionRebuild"/>).
/// </summary>
public static class RebuildProjectionHandler
{
    /// <summary>How long the rebuild may take to reach the end of the log; the daemon's default, 5 minutes, is too short
    /// for a projection fed by every article of a long log.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(55);

    /// <summary>Wolverine cancels a handler after a minute by default; an hour leaves the rebuild its <see cref="Timeout"/>.</summary>
    [MessageTimeout(3600)]
    public static async Task Handle(
        RebuildProjection command, IDocumentSession session, AsyncProjectionRebuild rebuild, InlineProjectionReplay replay,
        TimeProvider clock, ILogger<RebuildProjection> log, CancellationToken ct)
    {
        string? error = null;
        try
        {
            if (replay.CanReplay(command.Projection))
                await replay.RunAsync(command.Projection, (read, end, token) => StoreProgressAsync(session.DocumentStore, command, read, end, token), ct);
            else if (!await rebuild.RunAsync(command, Timeout, ct))
                return;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogError(e, "Rebuilding projection {Projection} failed", command.Projection);
            error = e.Message;
        }

        var mark = await session.DocumentStore.Storage.Database.FetchHighestEventSequenceNumber(ct);
        // Loaded first, so that the optimistic check has the version this replaces.
        await session.LoadAsync<RebuildStatus>(command.Projection, ct);
        session.Store(new RebuildStatus(command.Projection, error is null ? RebuildState.Completed : RebuildState.Failed,
            command.StartedAt, clock.GetUtcNow(), error, mark, mark));
    }

    /// <summary>A running replay's progress, committed on its own (the replay's transaction commits only at the end),
    /// for <c>GET .../rebuild</c> on any node.</summary>
    private static async Task StoreProgressAsync(IDocumentStore store, RebuildProjection command, long read, long end, CancellationToken ct)
    {
        await using var progress = store.LightweightSession();
        progress.Store(new RebuildStatus(command.Projection, RebuildState.Running, command.StartedAt, null, null, read, end));
        await progress.SaveChangesAsync(ct);
    }
}
