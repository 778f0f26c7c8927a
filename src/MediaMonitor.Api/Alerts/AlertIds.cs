using MediaMonitor.Infrastructure;

namespace MediaMonitor.Alerts;

/// <summary>
/// An alert's id is a function of its article and watchlist: one article raises at most one alert per watchlist, and
/// the event store holds the rule. Whoever raises a second (a backfill after a rename or a change of terms, two
/// backfills at once, on any node) starts a stream that exists already, and Marten refuses the whole transaction.
/// </summary>
public static class AlertIds
{
    private static ReadOnlySpan<byte> Name => "alert:"u8;

    public static Guid For(Guid articleId, Guid watchlistId)
    {
        Span<byte> input = stackalloc byte[6 + 32];
        Name.CopyTo(input);
        articleId.TryWriteBytes(input[6..]);
        watchlistId.TryWriteBytes(input[22..]);
        return NameBasedGuid.From(input);
    }
}
