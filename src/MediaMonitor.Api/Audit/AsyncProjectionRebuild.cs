using Marten.Events.Daemon.Coordination;
using Wolverine;
using Wolverine.Runtime;
using Wolverine.Runtime.Agents;

namespace MediaMonitor.Audit;

/// <summary>
/// Rebuilds an async projection on the node whose Wolverine agent runs it. Rebuilt anywhere else, the agent would
/// go on projecting beside the rebuild and the two would fight over the projection's progress. The daemon's rebuild
/// stops the agent and does not start it again; the node then asks Wolverine to start it at once (which restarts an
/// agent whose shard has stopped), instead of leaving it until the next agent health check, some 20 s later.
/// </summary>
public sealed class AsyncProjectionRebuild(IWolverineRuntime runtime, EventSubscriptionAgentFamily agents, IProjectionCoordinator coordinator)
{
    /// <summary>Rebuilds the projection here, or hands the rebuild to the node running its agent: true when done
    /// here, false when handed on (that node then records the outcome).</summary>
    public async Task<bool> RunAsync(RebuildProjection command, TimeSpan timeout, CancellationToken ct)
    {
        var shard = $"{command.Projection}:All";
        var agent = await agents.FindAgentUriAsync(shard, null, ct);
        var here = agent is not null && runtime.Agents.AllRunningAgentUris().Contains(agent);
        if (agent is not null && !here && await OwnerAsync(agent, ct) is { ControlUri: { } control } owner)
        {
            await runtime.Agents.InvokeAsync(new NodeDestination(owner.NodeId, control), new RebuildProjectionOnNode(command));
            return false;
        }

        foreach (var daemon in await coordinator.AllDaemonsAsync())
        {
            await daemon.RebuildProjectionAsync(command.Projection, timeout, ct);
            // Solo, Wolverine leaves the shards to the daemon itself rather than to agents.
            if (runtime.Options.Durability.Mode == DurabilityMode.Solo) await daemon.StartAgentAsync(shard, ct);
        }
        if (here) await runtime.Agents.StartLocallyAsync(agent!);
        return true;
    }

    private async Task<WolverineNode?> OwnerAsync(Uri agent, CancellationToken ct) =>
        (await runtime.Storage.Nodes.LoadAllNodesAsync(ct))
        .FirstOrDefault(n => n.NodeId != runtime.Options.UniqueNodeId && n.ActiveAgents.Contains(agent));
}

/// <summary>Sent to the node running a projection's agent over Wolverine's node control channel: that node queues the
/// rebuild on its own durable rebuild queue (the command returns at once; the rebuild may take long).</summary>
public sealed record RebuildProjectionOnNode(RebuildProjection Command) : IAgentCommand
{
    public async Task<AgentCommands> ExecuteAsync(IWolverineRuntime runtime, CancellationToken cancellationToken)
    {
        await new MessageBus(runtime).PublishAsync(Command);
        return AgentCommands.Empty;
    }
}
