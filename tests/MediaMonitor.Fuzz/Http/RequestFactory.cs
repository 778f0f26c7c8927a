using System.Text;
using System.Text.Json;
using MediaMonitor.Fuzz.Generators;

namespace MediaMonitor.Fuzz.Http;

/// <summary>Builds request number N of a pass from its own generator, so the same seed and number give the same request
/// (ids aside: they are the ones this run's pools hold, chosen by position).</summary>
public sealed class RequestFactory(OpenApiOperations document, IdPools pools, IServiceUnderTest service)
{
    private readonly BodyFactory _bodies = new(document, pools);
    private readonly QueryFactory _queries = new(document, pools);

    private static readonly string[] RacedPaths =
        ["/api/articles", "/api/subscriptions/{id}/replay", "/api/alerts/{id}/acknowledge", "/api/alerts/{id}/dismiss",
         "/api/deliveries/{id}/redeliver", "/api/subscriptions/{id}/rotate-secret", "/api/watchlists/{id}/backfill"];

    public FuzzRequest Build(Rng r, Operation op, long number)
    {
        var headers = new List<(string, string)>();
        var intent = Key(r, op, headers);
        headers.Add(("X-Correlation-Id", r.Chance(0.93) ? $"fuzz-{number}" : r.Pick("", "a b", "<x>", "../..", new string('c', 129), "%00", "fuzz\tid")));

        var path = op.Path.Replace("{id}", pools.For(r, KindOf(op.Path))).Replace("{name}", ProjectionName(r));
        var query = _queries.Build(r, op);
        var note = new List<string>();

        byte[]? body = null;
        string? contentType = null;
        if (op.TakesBody || r.Chance(0.04))
        {
            (body, contentType) = op.IsBatch ? Batch(r, note) : JsonBody(r, op, note);
            // Without a valid key the answer must be 401 whatever the body: odd media types test that order.
            if (r.Chance(intent is Intent.NoKey or Intent.LesserKey ? 0.5 : 0.1)) contentType = r.Pick<string?>(null, "", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/json; charset=latin1", "APPLICATION/JSON", "application/jsonx", "*/*", "application/problem+json", "application/x-ndjson",
                "application/json; charset=utf-16");
            if (op.Method == "POST" && op.Path == "/api/subscriptions")
            {
                if (r.Chance(0.4)) body = Encoding.UTF8.GetBytes("{\"url\":" + JsonWriter.Quote(HostileUrls.Probe(r)) + "}");
                if (EgressGuard.LeavingUrl(body) is { } leaving)
                {
                    // Never deliverable: the quiet watchlist raises nothing, and the subscription is deleted once accepted.
                    var probe = new JObject().With("url", J.Str(leaving)).With("watchlistIds", new JArray([J.Str(pools.QuietWatchlist.ToString())]));
                    body = JsonWriter.Write(probe, StringEncoding.EscapedWhereInvalid);
                    contentType = "application/json";
                    var refused = HostileUrls.MustBeRefused(leaving);
                    if (intent == Intent.Plain) intent = refused ? Intent.SsrfProbe : Intent.LeavingUrlProbe;
                    note.Add(refused ? "ssrf probe" : "leaving-url probe");
                }
            }
        }

        var copies = r.Chance(RacedPaths.Contains(op.Path) ? 0.25 : 0.02) ? r.Between(2, 5) : 1;
        if (copies > 1)
        {
            // A race is about the concurrency, not the input: the same well-formed request, several times at once.
            note.Clear();
            note.Add($"{copies} concurrent copies");
            headers = [("X-Api-Key", service.AdminKey), ("X-Correlation-Id", $"fuzz-{number}")];
            intent = Intent.Plain;
            var id = KindOf(op.Path) == IdKind.Subscription && pools.RaceSubscription is { } raced && r.Chance(0.6) ? raced
                : r.Chance(0.5) ? pools.PickEarly(r, KindOf(op.Path)) : pools.Pick(r, KindOf(op.Path));
            path = op.Path.Replace("{id}", (id ?? Guid.NewGuid()).ToString()).Replace("{name}", ProjectionName(r));
            query = "";
            if (op.BodySchema is { } schema)
            {
                body = JsonWriter.Write(_bodies.Clean(r, schema, op), StringEncoding.EscapedWhereInvalid);
                contentType = "application/json";
            }
        }
        return new FuzzRequest(number, op, op.Method, path + query, headers, body, contentType, intent, copies, string.Join(", ", note));
    }

    private Intent Key(Rng r, Operation op, List<(string, string)> headers)
    {
        var roll = r.Next(100);
        if (roll < 3) return Intent.NoKey;
        if (roll < 6)
        {
            // Never a variant a server may legitimately trim into the real key (trailing spaces).
            headers.Add(("X-Api-Key", r.Pick("wrong-key-0123456789abcdef", service.AdminKey.ToUpperInvariant(), service.AdminKey[..^1],
                new string('k', 3000), "Bearer " + service.AdminKey, service.AdminKey + service.AdminKey)));
            return Intent.NoKey;
        }
        if (roll < 11 && service.LesserKeys.Count > 0)
        {
            var lesser = r.Pick(service.LesserKeys.ToArray());
            headers.Add(("X-Api-Key", lesser.Key));
            return lesser.Value.Contains(RequiredScope(op)) ? Intent.Plain : Intent.LesserKey;
        }
        headers.Add(("X-Api-Key", service.AdminKey));
        return Intent.Plain;
    }

    /// <summary>The scope an operation needs, as the README's table says.</summary>
    public static string RequiredScope(Operation op)
    {
        if (op.Method == "POST" && op.Path is "/api/articles" or "/api/articles/batch") return "ingest";
        // Trials that append nothing: a preview and an explanation are reads.
        if (op.Method == "POST" && op.Path is "/api/watchlists/preview" or "/api/match/explain") return "read";
        if (op.Method == "GET" && !(op.Path.StartsWith("/api/subscriptions", StringComparison.Ordinal) || op.Path.StartsWith("/api/deliveries", StringComparison.Ordinal)
                                    || op.Path.StartsWith("/api/events", StringComparison.Ordinal) || op.Path.StartsWith("/api/admin", StringComparison.Ordinal)))
            return "read";
        return "admin";
    }

    public static IdKind KindOf(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1) switch
    {
        "articles" => IdKind.Article,
        "watchlists" => IdKind.Watchlist,
        "alerts" => IdKind.Alert,
        "subscriptions" => IdKind.Subscription,
        "deliveries" => IdKind.Delivery,
        _ => IdKind.Backfill,
    };

    private string ProjectionName(Rng r) => r.Weighted(
        (6, pools.RebuildableProjections.Count > 0 ? r.Pick(pools.RebuildableProjections) : "none"),
        (2, pools.AllProjections.Count > 0 ? r.Pick(pools.AllProjections).ToLowerInvariant() : "x"),
        (2, Uri.EscapeDataString(r.Pick("", " ", "..", "Article%00", "ArticleView:All", HostileText.Next(r, 30)))));

    private (byte[] Body, string ContentType) JsonBody(Rng r, Operation op, List<string> note)
    {
        var tree = op.BodySchema is { } schema ? _bodies.ForSchema(r, schema, op) : JsonMutations.AnyValue(r);
        if (r.Chance(0.25))
        {
            tree = JsonMutations.Mutate(r, tree);
            note.Add("mutated tree");
        }
        if (r.Chance(0.01) && tree is JObject padded)
        {
            // Around the 2 MiB limit of a single JSON body, with the filler in a member the service reads.
            padded.With("unknown", J.Str(new string(' ', HttpLimits.JsonBody + r.Between(-300, 300))));
            note.Add("near 2 MiB");
        }
        var bytes = JsonWriter.Write(tree, StringEncodingOf(r));
        if (r.Chance(0.08))
        {
            bytes = JsonMutations.MutateBytes(r, bytes);
            note.Add("mutated bytes");
        }
        if (bytes.Length > 100_000) note.Add($"{bytes.Length / 1024} KiB");
        return (bytes, "application/json");
    }

    private static StringEncoding StringEncodingOf(Rng r) =>
        r.Weighted((14, StringEncoding.EscapedWhereInvalid), (4, StringEncoding.Raw), (2, StringEncoding.Escaped));

    private (byte[] Body, string ContentType) Batch(Rng r, List<string> note)
    {
        var count = r.Weighted((16, r.Between(1, 10)), (4, r.Between(11, 60)), (1, r.Between(999, 1_001)), (1, 0));
        var items = Enumerable.Range(0, count).Select(_ => BatchItem(r, small: count > 100)).ToList();
        if (count > 0 && r.Chance(0.03))
        {
            items[r.Next(count)] = new JObject().With("title", J.Str("amplified")).With("body", J.Str(HostileText.Amplifying(r, r.Between(250_000, 310_000))));
            note.Add("amplifying item");
        }
        if (r.Chance(0.01))
        {
            items = Enumerable.Range(0, r.Between(20, 22)).Select(_ => (J)new JObject()
                .With("body", J.Str(HostileText.MostlyWords(r, 2_000).PadRight(490_000, '\u0020') + r.Next(1_000_000)))).ToList();
            note.Add("near 10 MiB");
        }
        var encoding = StringEncodingOf(r);
        byte[] bytes;
        string contentType;
        if (r.Chance(0.55))
        {
            bytes = JsonWriter.Write(new JArray(items), encoding);
            contentType = "application/json";
        }
        else
        {
            var newline = r.Pick("\n", "\r\n", "\n\n");
            var lines = items.Select(i => JsonWriter.Write(i, encoding)).ToList();
            if (lines.Count > 0 && r.Chance(0.1))
                lines.Insert(r.Next(lines.Count), Encoding.UTF8.GetBytes(r.Pick("", "{", "garbage", "[]", "null", "{\"body\":\"x\"} trailing")));
            var separator = Encoding.ASCII.GetBytes(newline);
            bytes = lines.SelectMany((line, i) => i == 0 ? line : separator.Concat(line)).Concat(r.Chance(0.5) ? separator : []).ToArray();
            contentType = r.Pick("application/x-ndjson", "application/jsonl", "application/x-ndjson; charset=utf-8");
        }
        if (r.Chance(0.06))
        {
            bytes = JsonMutations.MutateBytes(r, bytes);
            note.Add("mutated bytes");
        }
        note.Add($"{count} items, {bytes.Length / 1024} KiB");
        return (bytes, contentType);
    }

    private J BatchItem(Rng r, bool small)
    {
        if (r.Chance(0.03)) return JsonMutations.AnyValue(r);
        var schema = document.All.First(o => o.Method == "POST" && o.Path == "/api/articles").BodySchema!.Value;
        var item = (JObject)_bodies.ForSchema(r, schema, new Operation("POST", "/api/articles/batch", [], null));
        if (small)
        {
            // A thousand items of a few hundred characters each: the item limit, not the size limit, is what is tried.
            item.Members.RemoveAll(m => m.Key == "body");
            item.With("body", J.Str(Words.Sentence(r) + r.Next(1_000_000)));
        }
        return r.Chance(0.05) ? JsonMutations.Mutate(r, item) : item;
    }
}

/// <summary>The service's documented limits that generated bodies aim at.</summary>
public static class HttpLimits
{
    public const int JsonBody = 2 * 1024 * 1024;
}
