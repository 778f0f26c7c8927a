namespace MediaMonitor.Infrastructure;

/// <summary>What a pure decision about an existing stream comes to: append one event, change nothing, or refuse
/// with a problem. Shared by the watchlist, subscription and alert write paths.</summary>
public abstract record Decision
{
    public sealed record Append(object Event) : Decision;
    public sealed record NoChange : Decision;
    public sealed record Refuse(IResult Problem) : Decision;
}
