namespace MediaMonitor.Audit;

/// <summary>
/// Who is acting, and under which correlation id, for the work under way on this async flow: set per request by
/// <see cref="CorrelationMiddleware"/>, read by <see cref="EventStamping"/> when events are saved. Work with no
/// request behind it (messages, the daemon, start-up) has none, and its events are stamped as the system's.
/// </summary>
public sealed record AuditContext(string CorrelationId, string Actor)
{
    public const string SystemActor = "system";
    public const string ActorHeader = "actor";

    private static readonly AsyncLocal<AuditContext?> Ambient = new();

    public static AuditContext? Current
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }
}
