using System.Globalization;
using System.Text;
using System.Text.Json;
using MediaMonitor.Fuzz.Generators;

namespace MediaMonitor.Fuzz.Http;

/// <summary>Query strings from an operation's declared parameters: valid values with one hostile one, or hostile
/// throughout; repeated and unknown keys, NUL, values too long for a request line.</summary>
public sealed class QueryFactory(OpenApiOperations document, IdPools pools)
{
    private static readonly string[] EventTypes =
        ["article_ingested", "article_matched", "alert_raised", "watchlist_created", "delivery_attempted", "article_removed", "alert_acknowledged"];

    /// <summary>The query string of a request to <paramref name="op"/>, with its leading '?', or empty.</summary>
    public string Build(Rng r, Operation op)
    {
        var pairs = new List<(string Key, string Value)>();
        if (r.Chance(0.5))
        {
            foreach (var p in op.Query)
            {
                if (r.Chance(0.5)) pairs.Add((p.Name, QueryValue(r, p)));
            }
        }
        else
        {
            // Clean values with at most one hostile one: what reaches the code behind the query's validation.
            foreach (var p in op.Query)
            {
                if (r.Chance(0.25)) pairs.Add((p.Name, CleanQueryValue(r, p)));
            }
            if (pairs.Count > 0 && r.Chance(0.6))
            {
                var at = r.Next(pairs.Count);
                pairs[at] = (pairs[at].Key, r.Chance(0.25)
                    ? pairs[at].Value.Insert(r.Next(pairs[at].Value.Length + 1), HostileText.EdgeCharacter(r))
                    : QueryValue(r, op.Query.First(p => p.Name == pairs[at].Key)));
            }
        }
        if (pairs.Count > 0 && r.Chance(0.08)) pairs.Add((pairs[r.Next(pairs.Count)].Key, QueryValue(r, op.Query.First(p => p.Name == pairs[0].Key))));
        if (r.Chance(0.04)) pairs.Add((r.Pick("unknown", "LIMIT", "x[]", "", "%00"), HostileText.Next(r, 20)));
        if (pairs.Count > 0 && r.Chance(0.08))
        {
            var at = r.Next(pairs.Count);
            pairs[at] = (pairs[at].Key, r.Pick("\0", pairs[at].Value + "\0", "\0" + pairs[at].Value));
        }
        if (pairs.Count > 0 && r.Chance(0.02))
        {
            var at = r.Next(pairs.Count);
            pairs[at] = (pairs[at].Key, new string(r.Pick('a', '9', '\u0647'), r.Between(2_000, 9_000)));
        }
        if (pairs.Count == 0) return r.Chance(0.02) ? r.Pick("?", "?&", "?=", "?&&=&") : "";
        return "?" + string.Join('&', pairs.Select(p => Escape(r, p.Key) + (r.Chance(0.02) ? "" : "=" + Escape(r, p.Value))));
    }

    /// <summary>Mostly escaped as a client library would; sometimes with '+' and ':' left raw, as a hand-typed URL has them.</summary>
    private static string Escape(Rng r, string s)
    {
        var escaped = Uri.EscapeDataString(s);
        return r.Chance(0.15) ? escaped.Replace("%2B", "+").Replace("%3A", ":") : escaped;
    }

    private string QueryValue(Rng r, Parameter p)
    {
        var format = p.Schema.ValueKind == JsonValueKind.Object && p.Schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        var isInteger = format is "int32" or "int64";
        return p.Name switch
        {
            "watchlistId" => pools.For(r, IdKind.Watchlist),
            "alertId" => pools.For(r, IdKind.Alert),
            "streamId" => pools.For(r, r.Pick(Enum.GetValues<IdKind>())),
            "state" or "status" => r.Weighted((6, StateValue(r, p)), (1, StateValue(r, p).ToLowerInvariant()), (1, HostileText.Next(r, 15)), (1, r.Pick("0", "1", "7", "-1"))),
            "cursor" => r.Weighted((3, pools.PickCursor(r) ?? "x"), (1, Convert.ToBase64String(Encoding.UTF8.GetBytes(HostileText.Next(r, 40)))), (1, HostileText.Next(r, 40))),
            "type" => r.Weighted((4, r.Pick(EventTypes)), (2, string.Join(',', Enumerable.Range(0, r.Between(2, 4)).Select(_ => r.Pick(EventTypes)))),
                (1, HostileText.Next(r, 30)), (1, " , ,")),
            "lang" => r.Chance(0.2) ? HostileText.EdgeCharacter(r) : BodyFactory.Lang(r),
            "limit" => HostileValues.Integer(r, 600),
            _ when format == "date-time" => HostileValues.Time(r),
            _ when format == "uuid" => pools.For(r, IdKind.Article),
            _ when isInteger => HostileValues.Integer(r, 60),
            _ => r.Weighted((6, HostileText.MostlyWords(r, 40)), (2, HostileText.Next(r, 120)), (2, Words.Any(r) + HostileText.EdgeCharacter(r))),
        };
    }

    private string CleanQueryValue(Rng r, Parameter p) => p.Name switch
    {
        "watchlistId" => (pools.Pick(r, IdKind.Watchlist) ?? Guid.NewGuid()).ToString(),
        "alertId" => (pools.Pick(r, IdKind.Alert) ?? Guid.NewGuid()).ToString(),
        "streamId" => (pools.Pick(r, r.Pick(Enum.GetValues<IdKind>())) ?? Guid.NewGuid()).ToString(),
        "state" or "status" => StateValue(r, p),
        "cursor" => pools.PickCursor(r) ?? "",
        "type" => r.Pick(EventTypes),
        "lang" => r.Pick("ar", "en"),
        "limit" => r.Between(1, 100).ToString(CultureInfo.InvariantCulture),
        "version" => r.Between(1, 4).ToString(CultureInfo.InvariantCulture),
        "fromSequence" or "toSequence" => r.Between(1, 500).ToString(CultureInfo.InvariantCulture),
        "from" or "asOf" => DateTimeOffset.UtcNow.AddHours(-r.Between(1, 500)).ToString("O"),
        "to" => DateTimeOffset.UtcNow.AddMinutes(r.Between(1, 60)).ToString("O"),
        "reason" => Words.Sentence(r),
        _ => Words.Any(r),
    };

    private string StateValue(Rng r, Parameter p)
    {
        var schema = document.Resolve(p.Schema);
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out var values))
            return r.Pick(values.EnumerateArray().Select(v => v.ToString()).ToArray());
        // Declared as plain strings: the README names their values.
        return p.Name == "status" ? r.Pick("Pending", "Delivered", "Failed", "Cancelled") : r.Pick("Open", "Acknowledged", "Dismissed");
    }
}
