using System.Security.Cryptography;

namespace MediaMonitor.Infrastructure;

/// <summary>
/// An id derived from a name (the ids of what it names): the same name gives the same id on every node and every run,
/// so work done twice (a dispatch repeated, a detection replayed) finds what the first run stored.
/// </summary>
public static class NameBasedGuid
{
    /// <summary>SHA-256 of <paramref name="name"/>, as an RFC 9562 version 8 (custom) UUID.</summary>
    public static Guid From(ReadOnlySpan<byte> name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(name, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);   // version 8: a name-based id of our own
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);   // RFC 9562 variant
        return new Guid(hash[..16], bigEndian: true);
    }
}
