using System.Globalization;
using System.Text.Json;

namespace MediaMonitor.Infrastructure;

/// <summary>
/// Marten's keyset cursors (<c>v1:</c> and the base64 of a JSON array: the last row's ORDER BY values) page with
/// <c>a &lt; x OR (a = x AND id &lt; y)</c>, which PostgreSQL cannot answer from the index on <c>a</c>: it walks every
/// newer row first, so a page deep in a feed of 300,000 alerts took 2.5 s. The cursor's leading time, added as the
/// plain bound <c>a &lt;= x</c> (redundant, so the page is the same), lets the index seek to it.
/// </summary>
public static class CursorBound
{
    /// <summary>The leading time of a cursor of a feed ordered by a time first; null when it holds none (the page is
    /// then found without the bound, and Marten judges the cursor).</summary>
    public static DateTimeOffset? LeadingTime(string? cursor)
    {
        if (cursor is null || !cursor.StartsWith("v1:", StringComparison.Ordinal)) return null;
        try
        {
            using var keys = JsonDocument.Parse(Convert.FromBase64String(cursor[3..]));
            return keys.RootElement is { ValueKind: JsonValueKind.Array } array && array.GetArrayLength() > 0
                   && array[0].ValueKind == JsonValueKind.String
                   && DateTimeOffset.TryParse(array[0].GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
                ? time.ToUniversalTime()
                : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
