using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MediaMonitor.Fuzz.Http;

/// <summary>
/// Real state made through the API before fuzzing, so that generated requests reach deep code: watchlists in both
/// languages (one by rule, many watching the same phrase so one article can raise many alerts), matching articles and
/// their alerts, a subscription to a local receiver and its deliveries, an acknowledged and a dismissed alert, a backfill.
/// </summary>
public sealed class Seeder(HttpClient admin, IdPools pools, AcceptedWrites accepted, TextWriter log)
{
    /// <summary>Watchlists that all match a "rocket attack" article: the hit amplification that took minutes.</summary>
    private const int RocketWatchlists = 16;

    public async Task RunAsync()
    {
        var projections = await GetJson("/api/admin/projections") as JsonArray ?? [];
        pools.AllProjections = projections.Select(p => p!["name"]!.GetValue<string>()).ToList();
        pools.RebuildableProjections = projections.Where(p => p!["lifecycle"]!.GetValue<string>() != "Inline").Select(p => p!["name"]!.GetValue<string>()).ToList();

        var quiet = await Create("/api/watchlists", new { name = "fuzz: quiet", terms = new[] { new { phrase = "zqxjv quietmarker", lang = "en" } } }, IdKind.Watchlist, pool: false);
        pools.QuietWatchlist = quiet;
        await Post($"/api/watchlists/{quiet}/pause", null);

        var rocket = await Create("/api/watchlists", new
        {
            name = "Rocket attacks",
            terms = new[] { new { phrase = "rocket attack", lang = "en" }, new { phrase = "هجوم صاروخي", lang = "ar" } },
        }, IdKind.Watchlist);
        await Create("/api/watchlists", new { name = "الانتخابات", terms = new[] { new { phrase = "الانتخابات", lang = "ar" }, new { phrase = "election", lang = "en" } } }, IdKind.Watchlist);
        await Create("/api/watchlists", new { name = "Withdrawal", terms = Array.Empty<object>(), rule = "\"troop withdrawal\" OR (انسحاب NEAR/3 القوات) OR title:ceasefire*" }, IdKind.Watchlist);
        await Create("/api/watchlists", new { name = "Covid", terms = new[] { new { phrase = "COVID-19|كورونا", lang = "en" } } }, IdKind.Watchlist);
        string[] phrases = ["rocket attack", "rocket attacks", "rocket", "attack", "\"rocket attack\"", "هجوم صاروخي", "الهجمات الصاروخية", "rocket|missile attack"];
        for (var i = 0; i < RocketWatchlists; i++)
        {
            var terms = new[] { new { phrase = phrases[i % phrases.Length], lang = i % phrases.Length is 5 or 6 ? "ar" : "en" } };
            await Create("/api/watchlists", i % 4 == 3
                ? new { name = $"Rockets {i}", terms, rule = (string?)"rocket NEAR/2 attack*" }
                : new { name = $"Rockets {i}", terms, rule = (string?)null }, IdKind.Watchlist);
        }

        Guid? all = null;
        try
        {
            all = await Create("/api/subscriptions", new { url = pools.ReceiverUrl, description = "fuzz receiver, every watchlist" }, IdKind.Subscription, "subscription");
            await Create("/api/subscriptions", new { url = pools.ReceiverUrl, watchlistIds = new[] { rocket }, includeBackfill = false }, IdKind.Subscription, "subscription");
            pools.RaceSubscription = await Create("/api/subscriptions", new { url = pools.ReceiverUrl, description = "fuzz races" }, IdKind.Subscription, "subscription", pool: false);
        }
        catch (InvalidOperationException e)
        {
            // A service of its own (--url) may refuse plain http to this machine; the fuzz goes on without deliveries.
            log.WriteLine($"No subscription to the local receiver: {e.Message}");
        }

        string[] bodies =
        [
            "A rocket attack hit the base overnight, officials said on Monday.",
            "أعلن الجيش أن هجوما صاروخيا استهدف القاعدة، وأن الهجمات الصاروخية تكررت.",
            "Turnout in the elections was high; the election commission said counting continues.",
            "قال وزير الدفاع إن انسحاب القوات سيبدأ الأسبوع المقبل بعد وقف إطلاق النار.",
            "Ceasefire talks resumed after the troop withdrawal was announced.",
            "Hospitals reported fewer COVID-19 cases, and كورونا restrictions were eased.",
        ];
        var alerts = new List<Guid>();
        foreach (var (body, i) in bodies.Select((b, i) => (b, i)))
        {
            var response = await admin.PostAsJsonAsync("/api/articles", new { title = $"Seed article {i}", body, source = "Seed wire", url = $"https://seed.example/{i}" });
            var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            var id = json["id"]!.GetValue<Guid>();
            pools.Add(IdKind.Article, id);
            if ((int)response.StatusCode == 201) accepted.Created(IdKind.Article, id, -1);
            foreach (var alert in json["alerts"]!.AsArray()) alerts.Add(alert!["alertId"]!.GetValue<Guid>());
        }
        foreach (var alert in alerts) pools.Add(IdKind.Alert, alert);
        if (alerts.Count >= 2)
        {
            await Post($"/api/alerts/{alerts[0]}/acknowledge", new { note = "seen" });
            await Post($"/api/alerts/{alerts[1]}/dismiss", new { note = "not relevant" });
        }

        var backfill = await Post($"/api/watchlists/{rocket}/backfill", new { });
        if (backfill?["id"] is { } backfillId) pools.Add(IdKind.Backfill, backfillId.GetValue<Guid>());

        if (all is not null)
        {
            var deliveries = await GetJson($"/api/subscriptions/{all}/deliveries");
            foreach (var d in deliveries?["items"]?.AsArray() ?? []) pools.Add(IdKind.Delivery, d!["id"]!.GetValue<Guid>());
        }
        log.WriteLine($"Seeded: {alerts.Count} alerts, {pools.AllProjections.Count} projections ({pools.RebuildableProjections.Count} rebuilt during the fuzz).");
    }

    private async Task<Guid> Create(string path, object body, IdKind kind, string? wrapper = null, bool pool = true)
    {
        var response = await admin.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Seeding POST {path} answered {(int)response.StatusCode}: {text}");
        var json = JsonNode.Parse(text)!;
        var id = (wrapper is null ? json : json[wrapper]!)["id"]!.GetValue<Guid>();
        if (pool) pools.Add(kind, id);
        accepted.Created(kind, id, -1);
        return id;
    }

    private async Task<JsonNode?> Post(string path, object? body)
    {
        var response = body is null ? await admin.PostAsync(path, null) : await admin.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Seeding POST {path} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    private async Task<JsonNode?> GetJson(string path)
    {
        var response = await admin.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Seeding GET {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text);
    }
}
