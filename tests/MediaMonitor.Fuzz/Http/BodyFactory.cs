using System.Text.Json;
using MediaMonitor.Fuzz.Generators;

namespace MediaMonitor.Fuzz.Http;

/// <summary>Valid-ish bodies from an operation's schema, with each field filled the way its name says (a title gets
/// article text, a rule gets rule syntax, a url a URL), and values of the wrong type now and then.</summary>
public sealed class BodyFactory(OpenApiOperations document, IdPools pools)
{
    public J ForSchema(Rng r, JsonElement schema, Operation op) => Object(r, schema, op, depth: 0);

    private J Object(Rng r, JsonElement schema, Operation op, int depth)
    {
        var o = new JObject();
        if (!schema.TryGetProperty("properties", out var properties)) return o;
        foreach (var property in properties.EnumerateObject())
        {
            if (r.Chance(0.07)) continue;
            o.With(property.Name, Value(r, property.Name, document.Resolve(property.Value), op, depth + 1));
        }
        return o;
    }

    private J Value(Rng r, string name, JsonElement schema, Operation op, int depth)
    {
        if (r.Chance(0.04)) return J.Null;
        if (r.Chance(0.03)) return JsonMutations.AnyValue(r);
        return name.ToLowerInvariant() switch
        {
            "title" => J.Str(r.Chance(0.8) ? HostileText.MostlyWords(r, r.Chance(0.05) ? 1_100 : 200) : HostileText.Next(r, 300)),
            "body" => J.Str(ArticleBody(r, heavy: op.Path == "/api/articles")),
            "lang" => J.Str(Lang(r)),
            "source" => J.Str(r.Chance(0.7) ? HostileText.MostlyWords(r, 60) : HostileText.Next(r, 260)),
            "url" when op.Path.StartsWith("/api/subscriptions", StringComparison.Ordinal) => J.Str(HostileUrls.StayingWebhook(r, pools.ReceiverUrl)),
            "url" => J.Str(HostileUrls.Article(r)),
            "publishedat" or "from" or "to" => J.Str(HostileValues.Time(r)),
            "name" => J.Str(r.Chance(0.7) ? HostileText.MostlyWords(r, 120) : HostileText.Next(r, 400)),
            "terms" => new JArray(Enumerable.Range(0, r.Chance(0.02) ? r.Between(499, 502) : r.Length(30)).Select(_ => Term(r)).ToList()),
            "rule" => J.Str(HostileValues.Rule(r)),
            "watchlistids" => WatchlistIds(r),
            "description" or "note" => J.Str(r.Chance(0.7) ? HostileText.MostlyWords(r, 700) : HostileText.Next(r, 700)),
            "includebackfill" => J.Raw(r.Pick("true", "false", "null", "0", "\"true\"")),
            _ => ByType(r, schema, op, depth),
        };
    }

    private J ByType(Rng r, JsonElement schema, Operation op, int depth)
    {
        var type = schema.TryGetProperty("type", out var t)
            ? t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()).FirstOrDefault(x => x != "null") : t.GetString()
            : null;
        return type switch
        {
            "object" when depth < 6 => Object(r, schema, op, depth),
            "array" when depth < 6 && schema.TryGetProperty("items", out var items) =>
                new JArray(Enumerable.Range(0, r.Length(5)).Select(_ => Value(r, "", document.Resolve(items), op, depth + 1)).ToList()),
            "integer" or "number" => J.Raw(HostileValues.Integer(r)),
            "boolean" => J.Raw(r.Pick("true", "false")),
            _ when schema.TryGetProperty("format", out var f) && f.GetString() == "uuid" => J.Str(pools.For(r, r.Pick(Enum.GetValues<IdKind>()))),
            _ when schema.TryGetProperty("format", out var f) && f.GetString() == "date-time" => J.Str(HostileValues.Time(r)),
            _ => J.Str(HostileText.Next(r, 50)),
        };
    }

    public static string Lang(Rng r) => r.Weighted((8, "ar"), (8, "en"), (1, ""), (1, "fr"), (1, "AR"), (1, "en-US"), (1, HostileText.Next(r, 10)));

    /// <summary>An article body: mostly text that matches the seeded watchlists; sometimes hostile, huge or amplifying.</summary>
    public static string ArticleBody(Rng r, bool heavy)
    {
        var roll = r.Next(100);
        if (heavy && roll < 3) return HostileText.Amplifying(r, r.Between(250_000, 310_000));
        if (heavy && roll < 5) return HostileText.MostlyWords(r, 3_000).PadRight(r.Between(499_990, 500_010), r.Pick(' ', 'x', '\u0647'));
        return roll switch
        {
            < 70 => HostileText.MostlyWords(r, 3_000),
            < 90 => HostileText.Next(r, 2_000),
            < 96 => Words.Sentence(r),
            _ => r.Pick("", " ", "\n", "\u200B"),
        };
    }

    private static J Term(Rng r)
    {
        if (r.Chance(0.03)) return JsonMutations.AnyValue(r);
        var phrase = r.Weighted(
            (6, Words.WatchedPhrases[r.Next(Words.WatchedPhrases.Length)]),
            (3, Words.Any(r)),
            (3, $"{Words.Any(r)} {Words.Any(r)}"),
            (2, $"{Words.Any(r)}|{Words.Any(r)} {Words.Any(r)}"),
            (1, $"\"{Words.Any(r)} {Words.Any(r)}\""),
            (2, HostileText.Next(r, 250)),
            (1, new string('w', r.Between(199, 202))),
            (1, r.Pick("", " ", "|", "\"\"", "a|b|c|d|e|f|g|h|i|j k|l|m|n|o|p|q|r|s|t", string.Join(' ', Enumerable.Repeat("word", 9)))));
        var term = new JObject().With("phrase", J.Str(phrase));
        if (r.Chance(0.8)) term.With("lang", r.Chance(0.1) ? J.Null : J.Str(Lang(r)));
        return term;
    }

    private J WatchlistIds(Rng r)
    {
        if (r.Chance(0.3)) return J.Null;
        var count = r.Weighted((20, r.Between(1, 3)), (1, 0), (1, r.Between(1_000, 1_002)));
        return new JArray(Enumerable.Range(0, count).Select(_ => J.Str(count > 10 ? Guid.NewGuid().ToString() : pools.For(r, IdKind.Watchlist))).ToList());
    }
}
