using System.Globalization;

namespace MediaMonitor.Fuzz.Generators;

/// <summary>Times, numbers, ids and rules as a hostile client would write them in a query or a body.</summary>
public static class HostileValues
{
    private static readonly DateTimeOffset Anchor = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A time: valid ISO 8601 in every form (offsets from -12:00 to +14:00, no zone, a date alone, fractions,
    /// the ends of the calendar) and garbage.</summary>
    public static string Time(Rng r)
    {
        var at = r.Weighted(
            (6, DateTimeOffset.UtcNow.AddMinutes(-r.Between(0, 60 * 24 * 30))),
            (2, Anchor.AddDays(r.Between(-4000, 4000))),
            (1, DateTimeOffset.MinValue.AddDays(r.Between(0, 3))),
            (1, DateTimeOffset.MaxValue.AddDays(-r.Between(0, 3))));
        var offset = TimeSpan.FromMinutes(r.Pick(0, 0, 180, -720, 840, 330, 345, -150, 60));
        var local = SafeOffset(at, offset);
        return r.Next(16) switch
        {
            0 => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            1 => local.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            2 => local.ToString("yyyy-MM-ddTHH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture),
            3 => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            4 => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            5 => local.ToString("yyyy-MM-ddTHH:mmzzz", CultureInfo.InvariantCulture),
            6 => r.Pick("0001-01-01T00:00:00Z", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59.9999999Z",
                "9999-12-31T23:59:59-12:00", "0001-01-01", "9999-12-31", "2024-02-29T24:00:00Z", "2023-02-29T00:00:00Z"),
            7 => r.Pick("", " ", "now", "yesterday", "2024-13-01", "2024-01-32T00:00:00Z", "2024-01-01T25:00:00Z",
                "2024-01-01T00:00:00+25:00", "2024-01-01T00:00:00+03", "20240101T000000Z", "1704067200", "-1", "NaN",
                "2024-01-01T00:00:00.123456789012Z", "2024-01-01T00:00:00Z\0", "２０２４-０１-０１", "null", "[]", "{}"),
            8 => local.ToString("R", CultureInfo.InvariantCulture),
            9 => local.ToString("O", CultureInfo.InvariantCulture),
            10 => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            11 => local.ToString("yyyy-MM-dd HH:mm:sszzz", CultureInfo.InvariantCulture),
            12 => local.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture).Replace("+", r.Pick("+", " ", "%2B")),
            13 => HostileText.Next(r, 40),
            _ => local.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
        };
    }

    private static DateTimeOffset SafeOffset(DateTimeOffset at, TimeSpan offset)
    {
        try
        {
            return at.ToOffset(offset);
        }
        catch (ArgumentOutOfRangeException)
        {
            return at;
        }
    }

    /// <summary>An integer as text: in range, at the edges of every integer type, past them, and not an integer.</summary>
    public static string Integer(Rng r, int typicalMax = 100) => r.Next(10) switch
    {
        < 4 => r.Between(0, typicalMax).ToString(CultureInfo.InvariantCulture),
        4 => r.Pick("0", "-1", "1", "-0", "+5", "00", "01", "1e3", "1.5", "0x10", " 5", "5 ", "５", "٥"),
        5 => r.Pick(int.MaxValue, int.MinValue, short.MaxValue + 1, 501, 1001, 10_001).ToString(CultureInfo.InvariantCulture),
        6 => r.Pick("2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
            "18446744073709551616", "1" + new string('0', 400)),
        7 => r.NextLong().ToString(CultureInfo.InvariantCulture),
        8 => r.Pick("", "NaN", "Infinity", "-Infinity", "null", "true", "[1]"),
        _ => HostileText.Next(r, 20),
    };

    /// <summary>A rule in the watchlist query syntax: valid-looking, broken, deep, long, with odd distances.</summary>
    public static string Rule(Rng r)
    {
        return r.Next(8) switch
        {
            0 => Expression(r, r.Between(0, 4)),
            1 => Expression(r, r.Between(0, 14)),
            2 => string.Join(' ', Enumerable.Range(0, r.Between(1, 30)).Select(_ => RuleToken(r))),
            3 => new string('(', r.Between(9, 300)) + Words.Any(r) + new string(')', r.Between(0, 300)),
            4 => $"{Words.Any(r)} {r.Pick("NEAR", "ONEAR")}/{HostileValues.Integer(r, 60)} {Words.Any(r)}",
            5 => string.Join(" OR ", Enumerable.Range(0, r.Between(150, 260)).Select(i => $"w{i}x")),
            6 => HostileText.Next(r, 5000),
            _ => $"\"{string.Join(' ', Enumerable.Range(0, r.Between(1, 12)).Select(_ => Words.Any(r)))}\"~{r.Between(-2, 9)} " +
                 $"{r.Pick("AND", "OR", "NOT", "")} {r.Pick("title", "body", "lang", "x")}:{Words.Any(r)}*",
        };
    }

    /// <summary>A rule that parses: words, phrases, fields and operators nested a few levels.</summary>
    public static string ValidRule(Rng r) => Expression(r, r.Between(0, 3));

    private static string Expression(Rng r, int depth)
    {
        if (depth <= 0) return Leaf(r);
        return r.Next(6) switch
        {
            0 => $"({Expression(r, depth - 1)} OR {Expression(r, depth - 1)})",
            1 => $"{Expression(r, depth - 1)} AND {Expression(r, depth - 1)}",
            2 => $"{Leaf(r)} NOT {Expression(r, depth - 1)}",
            3 => $"{Leaf(r)} {r.Pick("NEAR", "ONEAR")}/{r.Between(0, 60)} ({Expression(r, depth - 1)})",
            4 => $"{r.Pick("title", "body")}:({Expression(r, depth - 1)})",
            _ => $"({Expression(r, depth - 1)})",
        };
    }

    private static string Leaf(Rng r) => r.Next(6) switch
    {
        0 => $"\"{r.Pick(Words.WatchedPhrases)}\"",
        1 => Words.Any(r) + (r.Chance(0.3) ? "*" : ""),
        2 => $"lang:{r.Pick("ar", "en", "fr", "")}",
        3 => $"\"{Words.Any(r)} {Words.Any(r)}\"~{r.Between(0, 7)}",
        4 => r.Pick(Words.WatchedPhrases).Split(' ')[0],
        _ => Words.Any(r),
    };

    private static string RuleToken(Rng r) => r.Pick(
        "AND", "OR", "NOT", "NEAR/5", "ONEAR/1", "NEAR/0", "NEAR/999999999999", "NEAR/-1", "NEAR/", "(", ")", "\"", "*", "ab*",
        "a*", "title:", "body:", "lang:ar", "lang:", ":", "~", "~3", "\"x y\"~", "|", "and", "or", "not", Words.Any(r),
        HostileText.Fragment(r));

    /// <summary>An id as it may appear in a path or query, escaped as it is to be sent (some escapes are the point:
    /// %00, %2e%2e, overlong UTF-8).</summary>
    public static string OddId(Rng r, Guid? valid) => r.Next(18) switch
    {
        0 => Guid.Empty.ToString(),
        1 => "00000000000000000000000000000000",
        2 => valid is { } v ? v.ToString().ToUpperInvariant() : Guid.NewGuid().ToString(),
        3 => valid is { } b ? "%7B" + b + "%7D" : "%7B%7D",
        4 => valid is { } n ? n.ToString("N") : "x",
        5 => valid is { } p ? "(" + p + ")" : "()",
        6 => valid is { } s ? s.ToString()[..35] : "",
        7 => valid is { } t ? t + "0" : "0",
        8 => "ffffffff-ffff-ffff-ffff-ffffffffffff",
        9 => r.Pick("..", ".", "%2e%2e", "%2F", "%00", "%", "%zz", "%C0%80", "%ED%A0%80", "%EF%BF%BE", "%FF"),
        10 => r.Pick("null", "undefined", "-1", "0", "1", "NaN", "true", "[]", "{}"),
        11 => Uri.EscapeDataString(HostileText.Next(r, 40)),
        12 => new string('a', r.Between(200, 5000)),
        13 => valid is { } w ? w + "%20" : "%20",
        14 => valid is { } x ? "%20" + x : "%20",
        15 => valid is { } y ? y + "/extra" : "a/b",
        16 => valid is { } z ? z + "%2Fextra" : "a%2Fb",
        _ => Guid.NewGuid().ToString(),
    };
}
