using System.Collections.Concurrent;
using JasperFx.Events.Projections;
using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Runtime.Agents;

namespace MediaMonitor.Audit;

public enum RebuildState { Running, Completed, Failed }

/// <param name="Sequence">How far the rebuild has read the log; <paramref name="HighWaterMark"/> is the end.</param>
public sealed record RebuildStatus(
    string Projection, RebuildState State, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? Error, long Sequence,
    long HighWaterMark);

public sealed record ProjectionInfo(string Name, string Lifecycle, long Sequence, RebuildStatus? Rebuild);

/// <summary>
/// Projection rebuilds started over HTTP, run in the background, one at a time per projection. A rebuild replays the
/// log into the projection and nothing else: matching is not run again, since matches and alerts are events. It goes
/// through Wolverine's agent family, which restarts an async projection's shard at once when done (a plain daemon
/// rebuild leaves it stopped until the agent loop comes round).
/// </summary>
public sealed class ProjectionRebuilds(IDocumentStore store, EventSubscriptionAgentFamily agents, TimeProvider clock, ILogger<ProjectionRebuilds> log)
{
    private readonly ConcurrentDictionary<string, RebuildStatus> _rebuilds = new(StringComparer.Ordinal);

    /// <summary>The projections that store something; a live aggregation is folded on each read and has nothing to rebuild.</summary>
    public IReadOnlyList<string> Names => store.Options.Events.Projections()
        .Where(p => p.Lifecycle != ProjectionLifecycle.Live).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();

    public string Lifecycle(string name) =>
        store.Options.Events.Projections().First(p => p.Name == name).Lifecycle.ToString();

    public bool TryStart(string name, out RebuildStatus status)
    {
        var started = new RebuildStatus(name, RebuildState.Running, clock.GetUtcNow(), null, null, 0, 0);
        status = _rebuilds.AddOrUpdate(name, started, (_, current) => current.State == RebuildState.Running ? current : started);
        if (!ReferenceEquals(status, started)) return false;
        _ = Task.Run(() => RunAsync(name));
        return true;
    }

    private async Task RunAsync(string name)
    {
        try
        {
            var ok = await agents.TryRebuildRegisteredProjectionAsync($"{name}:All", null!, CancellationToken.None);
            var statistics = await store.Advanced.FetchEventStoreStatistics();
            _rebuilds[name] = _rebuilds[name] with
            {
                State = ok ? RebuildState.Completed : RebuildState.Failed, FinishedAt = clock.GetUtcNow(),
                Error = ok ? null : "The projection's shard could not be rebuilt.", Sequence = statistics.EventSequenceNumber,
                HighWaterMark = statistics.EventSequenceNumber,
            };
        }
        catch (Exception e)
        {
            log.LogError(e, "Rebuilding projection {Projection} failed", name);
            _rebuilds[name] = _rebuilds[name] with { State = RebuildState.Failed, FinishedAt = clock.GetUtcNow(), Error = e.Message };
        }
    }

    /// <summary>The rebuild's status, with its progress read from the store while it runs.</summary>
    public async Task<RebuildStatus?> StatusAsync(string name, CancellationToken ct)
    {
        if (!_rebuilds.TryGetValue(name, out var status)) return null;
        if (status.State != RebuildState.Running) return status;
        var progress = await store.Advanced.AllProjectionProgress(token: ct);
        var sequence = progress.FirstOrDefault(p => p.ShardName.StartsWith(name + ":", StringComparison.Ordinal))?.Sequence ?? 0;
        var mark = progress.FirstOrDefault(p => p.ShardName == "HighWaterMark")?.Sequence ?? 0;
        return status with { Sequence = sequence, HighWaterMark = mark };
    }
}

public static class RebuildProjectionEndpoints
{
    /// <summary>Every projection, its lifecycle, how far it has read the log, and its last rebuild started here.</summary>
    [WolverineGet("/api/admin/projections"), Authorize(Policy = Scopes.Admin), Tags("Audit")]
    [ProducesResponseType<IReadOnlyList<ProjectionInfo>>(200)]
    public static async Task<IResult> List(ProjectionRebuilds rebuilds, IDocumentStore store, CancellationToken ct)
    {
        var progress = await store.Advanced.AllProjectionProgress(token: ct);
        var result = new List<ProjectionInfo>();
        foreach (var name in rebuilds.Names)
        {
            var sequence = progress.FirstOrDefault(p => p.ShardName.StartsWith(name + ":", StringComparison.Ordinal))?.Sequence ?? 0;
            result.Add(new ProjectionInfo(name, rebuilds.Lifecycle(name), sequence, await rebuilds.StatusAsync(name, ct)));
        }
        return Results.Ok(result);
    }

    /// <summary>Starts rebuilding a projection from the event log, in the background: 202, then follow the Location.</summary>
    [WolverinePost("/api/admin/projections/{name}/rebuild"), Authorize(Policy = Scopes.Admin), Tags("Audit")]
    [ProducesResponseType<RebuildStatus>(202), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409)]
    public static IResult Post(string name, ProjectionRebuilds rebuilds)
    {
        if (!rebuilds.Names.Contains(name, StringComparer.Ordinal))
            return Results.Problem(statusCode: 404, title: "Projection not found.", detail: $"Projections: {string.Join(", ", rebuilds.Names)}.");
        return rebuilds.TryStart(name, out var status)
            ? Results.Accepted($"/api/admin/projections/{name}/rebuild", status)
            : Problems.Conflict($"Projection {name} is being rebuilt already (since {status.StartedAt:O}).");
    }

    [WolverineGet("/api/admin/projections/{name}/rebuild"), Authorize(Policy = Scopes.Admin), Tags("Audit")]
    [ProducesResponseType<RebuildStatus>(200), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(string name, ProjectionRebuilds rebuilds, CancellationToken ct) =>
        await rebuilds.StatusAsync(name, ct) is { } status
            ? Results.Ok(status)
            : Results.Problem(statusCode: 404, title: "No rebuild.", detail: $"No rebuild of {name} was started on this node.");
}
