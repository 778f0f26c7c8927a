using System.Globalization;

namespace MediaMonitor.Feeds;

/// <summary>
/// Feed dates: RFC 822 (RSS, with named or numeric zones) and ISO 8601 (Atom, JSON Feed, dc:date), in UTC.
/// CodeHollow's own parse depends on the current culture and misses some zones, so its date strings are parsed here.
/// A date that cannot be read is null: it never costs the item.
/// </summary>
internal static class FeedDates
{
    private static readonly Dictionary<string, int> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = 0, ["UTC"] = 0, ["GMT"] = 0, ["Z"] = 0,
        ["EST"] = -5, ["EDT"] = -4, ["CST"] = -6, ["CDT"] = -5, ["MST"] = -7, ["MDT"] = -6, ["PST"] = -8, ["PDT"] = -7,
    };

    private static readonly string[] Rfc822Formats =
    [
        "d MMM yyyy HH:mm:ss", "d MMM yyyy HH:mm", "d MMM yy HH:mm:ss", "d MMM yy HH:mm",
        "d MMMM yyyy HH:mm:ss", "d MMMM yyyy HH:mm",
    ];

    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        if (text.Length > 100) return null;
        if (char.IsAsciiDigit(text[0]) && text.Length >= 10 && text[4] == '-')
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var iso)
                ? iso.ToUniversalTime()
                : null;
        }
        return Rfc822(text);
    }

    private static DateTimeOffset? Rfc822(string text)
    {
        var comma = text.IndexOf(',');
        if (comma >= 0) text = text[(comma + 1)..];
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length is not (4 or 5)) return null;
        var offset = parts.Length == 5 ? Offset(parts[4]) : TimeSpan.Zero;
        if (offset is null) return null;
        return DateTime.TryParseExact(string.Join(' ', parts[..4]), Rfc822Formats, CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, offset.Value).ToUniversalTime()
            : null;
    }

    private static TimeSpan? Offset(string zone)
    {
        if (Zones.TryGetValue(zone, out var hours)) return TimeSpan.FromHours(hours);
        var digits = zone.Replace(":", "");
        if (digits.Length != 5 || (digits[0] != '+' && digits[0] != '-')
            || !int.TryParse(digits.AsSpan(1, 2), CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(digits.AsSpan(3, 2), CultureInfo.InvariantCulture, out var m)
            || h > 14 || m > 59)
        {
            return null;
        }
        var span = new TimeSpan(h, m, 0);
        return digits[0] == '-' ? -span : span;
    }
}
