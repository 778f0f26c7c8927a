using System.Text.Json;
using MediaMonitor.Fuzz.Generators;

namespace MediaMonitor.Fuzz.Http;

/// <summary>Valid-ish bodies from an operation's schema, with each field filled the way its name says (a title gets
/// article text, a rule gets rule syntax, a url a URL), and values of the wrong type now and then.</summary>
public sealed class BodyFactory(OpenApiOperations document, IdPools pools)
{
    /// <summary>Half the time every field hostile or odd; else a clean body with one thing wrong in it (or nothing), which is
    /// what gets past the other checks to the one under test.</summary>
    public J ForSchema(Rng r, JsonElement schema, Operation op) =>
        r.Chance(0.5) ? Object(r, schema, op, depth: 0) : Spiced(r, Clean(r, schema, op));

    public JObject Clean(Rng r, JsonElement schema, Operation op)
    {
        var o = new JObject();
        if (!schema.TryGetProperty("properties", out var properties)) return o;
        foreach (var property in properties.EnumerateObject())
        {
            if (CleanValue(r, property.Name, op) is { } value) o.With(property.Name, value);
        }
        return o;
    }

    private J? CleanValue(Rng r, string name, Operation op)
    {
        var now = DateTimeOffset.UtcNow;
        return name.ToLowerInvariant() switch
        {
            "title" => J.Str(Words.Sentence(r)),
            // The number keeps it from being a duplicate of an earlier article.
            "body" => J.Str(string.Join(' ', Enumerable.Range(0, r.Between(1, 8)).Select(_ => Words.Sentence(r))) + " " + r.Next(1_000_000_000)),
            "lang" => r.Chance(0.3) ? null : J.Str(r.Pick("ar", "en")),
            "source" => J.Str(r.Pick("Wire", "وكالة الأنباء", "Reuters")),
            "url" when op.Path.StartsWith("/api/subscriptions", StringComparison.Ordinal) => J.Str(pools.ReceiverUrl),
            "url" => J.Str($"https://news.example/{r.Next(int.MaxValue)}"),
            "publishedat" => J.Str(now.AddMinutes(-r.Next(100_000)).ToString("O")),
            "from" => J.Str(now.AddDays(-r.Between(1, 30)).ToString("O")),
            "to" => r.Chance(0.5) ? null : J.Str(now.AddMinutes(r.Between(-60, 60)).ToString("O")),
            "name" => J.Str(Words.Sentence(r)),
            "terms" => new JArray(Enumerable.Range(0, r.Between(1, 3)).Select(_ => (J)new JObject()
                .With("phrase", J.Str(r.Chance(0.6) ? r.Pick(Words.WatchedPhrases) : Words.Any(r))).With("lang", J.Str(r.Pick("ar", "en")))).ToList()),
            "rule" => r.Chance(0.5) ? null : J.Str(HostileValues.ValidRule(r)),
            "watchlistids" => r.Chance(0.4) ? null : new JArray(Enumerable.Range(0, r.Between(1, 2)).Select(_ => J.Str((pools.Pick(r, IdKind.Watchlist) ?? Guid.NewGuid()).ToString())).ToList()),
            "description" or "note" => J.Str(Words.Sentence(r)),
            "includebackfill" => J.Raw(r.Pick("true", "false")),
            _ => null,
        };
    }

    /// <summary>One string somewhere in the body made hostile: a refused or odd character, a length at a limit, a time in
    /// another form, a value of another type.</summary>
    private static J Spiced(Rng r, JObject body)
    {
        if (r.Chance(0.2)) return body;
        var leaves = new List<(List<(string Key, J Value)>? Members, List<J>? Items, int At, string Key, string Text)>();
        Collect(body, leaves);
        if (leaves.Count == 0) return body;
        var (members, items, at, key, text) = leaves[r.Next(leaves.Count)];
        var timeLike = key.ToLowerInvariant() is "from" or "to" or "publishedat";
        J spiced = r.Next(10) switch
        {
            < 3 => J.Str(text.Insert(r.Next(text.Length + 1), HostileText.Fragment(r))),
            < 6 => J.Str(text.Insert(r.Next(text.Length + 1), HostileText.EdgeCharacter(r))),
            6 => J.Str(new string(r.Pick('x', '\u0647', ' '), r.Pick(199, 200, 201, 499, 500, 501, 999, 1_000, 1_001, 2_047, 2_048, 2_049, 500_000, 500_001))),
            < 9 => J.Str(timeLike ? HostileValues.Time(r) : HostileText.Next(r, 100)),
            _ => JsonMutations.AnyValue(r),
        };
        if (members is not null) members[at] = (key, spiced);
        else items![at] = spiced;
        return body;
    }

    private static void Collect(J node, List<(List<(string Key, J Value)>?, List<J>?, int, string, string)> leaves, string key = "")
    {
        switch (node)
        {
            case JObject o:
                for (var i = 0; i < o.Members.Count; i++)
                {
                    if (o.Members[i].Value is JString s) leaves.Add((o.Members, null, i, o.Members[i].Key, s.Value));
                    else Collect(o.Members[i].Value, leaves, o.Members[i].Key);
                }
                break;
            case JArray a:
                for (var i = 0; i < a.Items.Count; i++)
                {
                    if (a.Items[i] is JString s) leaves.Add((null, a.Items, i, key, s.Value));
                    else Collect(a.Items[i], leaves, key);
                }
                break;
        }
    }

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
