namespace MediaMonitor.Fuzz.Http;

/// <summary>
/// Error entries the fuzz pass tolerates, each by category and a piece of its text, with the reason. Everything else
/// logged at Error or above fails the pass: a client's mistake (malformed JSON, a duplicate, a lost race) must be
/// answered, not logged as a server error with a stack trace.
/// </summary>
/// <remarks>An entry needs a reason a reviewer would accept, e.g. "the library logs a retry it then wins at Error, and
/// offers no setting to lower it".</remarks>
public static class ErrorLogAllowlist
{
    public sealed record Allowed(string Category, string Containing, string Reason);

    public static readonly IReadOnlyList<Allowed> Entries =
    [
        new("Wolverine.Runtime.Agents.NodeAgentController", "being rebuilt",
            "A projection rebuilt over HTTP stops its agent; Wolverine's assignment loop tries to start it again meanwhile, " +
            "is refused, and starts it once the rebuild is done. Wolverine logs the refused start at Error and has no setting " +
            "to lower it."),
        new("Marten.Events.Daemon.ProjectionDaemon", "OperationCanceledException",
            "A projection rebuilt over HTTP stops its shard, which may be loading a page of events just then; JasperFx's " +
            "SubscriptionAgent catches every exception of that load, the cancellation too, and logs it at Error, with no " +
            "setting to lower it. The rebuild then replays the projection from the start."),
        new("Wolverine.Runtime.Agents.NodeAgentController", "Other: Query was cancelled",
            "The same cancelled load, seen by Wolverine's agent health sweep: it reports every paused shard that carries a " +
            "failure at Error, worded \"cannot recover from by restarting\", even a failure of category Other, which it " +
            "classifies as self-healing and restarts; the rebuild starts the agent again when it is done."),
    ];

    public static bool Allows(LoggedError entry) =>
        Entries.Any(a => a.Category == entry.Category && $"{entry.FirstLine} {entry.ExceptionType}".Contains(a.Containing, StringComparison.Ordinal));
}
