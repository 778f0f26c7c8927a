using System.Security.Cryptography;

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
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);   // version 8: a name-based id of our own
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);   // RFC 9562 variant
        return new Guid(hash[..16], bigEndian: true);
    }
}
