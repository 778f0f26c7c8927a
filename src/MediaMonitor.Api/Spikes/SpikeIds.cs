using MediaMonitor.Infrastructure;

namespace MediaMonitor.Spikes;

public static class SpikeIds
{
    /// <summary>The spike of a watchlist for the window ending at <paramref name="windowEnd"/>: a name-based id (SHA-256,
    /// version 8), so the detection run again names the same spike, whose stream then exists.</summary>
    public static Guid For(Guid watchlistId, DateTimeOffset windowEnd)
    {
        Span<byte> input = stackalloc byte[24];
        watchlistId.TryWriteBytes(input);
        BitConverter.TryWriteBytes(input[16..], windowEnd.UtcTicks);
        return NameBasedGuid.From(input);
    }
}
