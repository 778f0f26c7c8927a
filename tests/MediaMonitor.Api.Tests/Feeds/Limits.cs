namespace MediaMonitor.Api.Tests.Feeds;

internal static class Limits
{
    /// <summary>Catches a hang or a blow-up (quadratic, exponential) on hostile input, far above the time the work
    /// takes: not a speed target, which benchmarks measure.</summary>
    public static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);
}
