using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MediaMonitor.Fuzz.Generators;
using MediaMonitor.IntegrationTests.Webhooks;

namespace MediaMonitor.Fuzz.Http;

/// <summary>What one pass found, and its figures.</summary>
public sealed record HttpFuzzReport(Findings Findings, OperationStats Stats, int Requests, TimeSpan Duration, string Text)
{
    public bool Passed => !Findings.Any;
}

/// <summary>
/// The HTTP fuzz pass: seeds state, sends the generated requests (several at once), checks every answer (never a 5xx,
/// never slower than the bound, the refusals that must happen), then checks that nothing the service accepted was lost
/// and that it logged no error outside the allowlist.
/// </summary>
public sealed class HttpFuzzer(IServiceUnderTest service, HttpFuzzOptions options, TextWriter log)
{
    private readonly Findings _findings = new(options, service.BaseAddress, TextWriter.Synchronized(log));
    private readonly IdPools _pools = new();
    private readonly AcceptedWrites _accepted = new();
    private readonly HttpClient _client = NewClient(service.BaseAddress);
    private readonly Queue<Guid> _live = new();

    /// <summary>Subscriptions the fuzz made that it keeps at once: each gets every alert of its watchlists, so without
    /// a bound a long pass would test how many webhooks the machine can send rather than hostile input.</summary>
    private const int LiveSubscriptions = 4;

    private sealed record Outcome(int? Status, TimeSpan Latency, string? Body, string? Error);

    public async Task<HttpFuzzReport> RunAsync()
    {
        var clock = Stopwatch.StartNew();
        var document = await OpenApiOperations.LoadAsync(_client);
        await using var receiver = await TestReceiver.StartCountingAsync();
        _pools.ReceiverUrl = receiver.Url;
        using var admin = NewClient(service.BaseAddress);
        admin.DefaultRequestHeaders.Add("X-Api-Key", service.AdminKey);
        await new Seeder(admin, _pools, _accepted, log).RunAsync();

        var stats = new OperationStats(document.All);
        var factory = new RequestFactory(document, _pools, service);
        var next = -1L;
        var sent = 0;
        log.WriteLine($"Fuzzing {service.Description}: {document.All.Count} operations, seed {options.Seed}, {options.Count} requests, " +
                      $"{options.Concurrency} at once, bound {options.Bound.TotalSeconds:0.#} s.");
        var fuzzClock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
        {
            long n;
            while ((n = Interlocked.Increment(ref next)) < options.Count)
            {
                var r = Rng.For(options.Seed, n);
                // The first requests walk every operation once, so a short pass exercises them all.
                var op = n < document.All.Count ? document.All[(int)n] : PickOperation(r, document.All);
                FuzzRequest request;
                try
                {
                    request = factory.Build(r, op, n);
                }
                catch (Exception e)
                {
                    // A bug of the fuzzer's own: reported like any failure, and the pass goes on.
                    _findings.Add("fuzzer", op.Name, e.GetType().Name, $"request {n} could not be generated: {e}");
                    continue;
                }
                var outcomes = await Task.WhenAll(Enumerable.Range(0, request.Copies).Select(_ => SendAsync(request)));
                foreach (var outcome in outcomes)
                {
                    if (options.Trace is { } trace && op.Name.Contains(trace, StringComparison.Ordinal))
                        log.WriteLine($"{request.Summary} {request.Intent} -> {outcome.Status} {outcome.Error} {Excerpt(outcome.Body)}\n  body: {Excerpt(request.Body is null ? null : Encoding.UTF8.GetString(request.Body))}");
                    stats.Record(op, outcome.Status, outcome.Latency);
                    Check(request, outcome);
                    await HarvestAsync(admin, request, outcome);
                }
                if (Interlocked.Increment(ref sent) % 1000 == 0) log.WriteLine($"  {sent} requests, {fuzzClock.Elapsed.TotalSeconds:0} s");
            }
        })));
        var fuzzing = fuzzClock.Elapsed;

        await new LossCheck(admin, _accepted, _findings, log).RunAsync();
        CheckLogs();
        foreach (var op in stats.NeverExercised) _findings.Add("coverage", op, "never sent", "An operation of the OpenAPI document got no request.");

        var text = new StringBuilder();
        text.AppendLine(stats.Table());
        text.AppendLine($"{stats.Total} requests in {fuzzing.TotalSeconds:0.0} s ({stats.Total / Math.Max(0.001, fuzzing.TotalSeconds):0} a second), " +
                        $"{clock.Elapsed.TotalSeconds:0.0} s in all with seeding and checks; seed {options.Seed}.");
        text.AppendLine($"Accepted writes checked: {_accepted.Count(IdKind.Article)} articles, {_accepted.Count(IdKind.Watchlist)} watchlists, " +
                        $"{_accepted.Count(IdKind.Subscription)} subscriptions; {receiver.Count} webhooks received.");
        if (service.Logs is { } logs)
        {
            var allowed = logs.Entries.Where(ErrorLogAllowlist.Allows).ToList();
            text.AppendLine($"Service log: {logs.Count} entries at Error or above, {allowed.Count} of them on the allowlist.");
            foreach (var group in logs.Entries.GroupBy(e => (e.Category, e.FirstLine, e.ExceptionType)).Take(40))
                text.AppendLine($"  {group.Count(),5} x {group.First()}");
        }
        text.AppendLine(_findings.Any ? _findings.Summary() : "No failures.");
        return new HttpFuzzReport(_findings, stats, stats.Total, clock.Elapsed, text.ToString());
    }

    private static HttpClient NewClient(Uri baseAddress) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        MaxConnectionsPerServer = 64,
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        // Header values as bytes, non-ASCII included, as a hostile client may send them.
        RequestHeaderEncodingSelector = (_, _) => Encoding.Latin1,
    })
    {
        BaseAddress = baseAddress,
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>Writes more often than reads: they reach matching, alerts and webhooks, and create what reads look at.</summary>
    private static Operation PickOperation(Rng r, IReadOnlyList<Operation> all)
    {
        var weighted = all.Select(o => (o.Method == "POST" && o.Path.StartsWith("/api/articles", StringComparison.Ordinal) ? 5
            : o.Method == "POST" && o.Path is "/api/watchlists" or "/api/subscriptions" ? 2
            : o.Method == "GET" && o.Path is "/api/alerts" or "/api/events" ? 2 : 1, o)).ToArray();
        return r.Weighted(weighted);
    }

    private async Task<Outcome> SendAsync(FuzzRequest request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), Address(request));
        foreach (var (name, value) in request.Headers) message.Headers.TryAddWithoutValidation(name, value);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        }
        using var giveUp = new CancellationTokenSource(options.GiveUpAfter);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, giveUp.Token);
            var latency = clock.Elapsed;
            var body = await ReadSomeAsync(response, giveUp.Token);
            return new Outcome((int)response.StatusCode, latency, body, null);
        }
        catch (OperationCanceledException) when (giveUp.IsCancellationRequested)
        {
            return new Outcome(null, clock.Elapsed, null, $"no complete answer within {options.GiveUpAfter.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            return new Outcome(null, clock.Elapsed, null, $"{e.HttpRequestError}: {e.InnerException?.Message ?? e.Message}");
        }
    }

    private Uri Address(FuzzRequest request)
    {
        var text = service.BaseAddress.ToString().TrimEnd('/') + request.PathAndQuery;
        // Sent as generated: no dot-segment removal or re-escaping, so "..", "%2e" and "%00" reach the server.
        return Uri.TryCreate(text, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }, out var uri)
            ? uri
            : new Uri(text);
    }

    private async Task<string> ReadSomeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[Math.Min(options.ReadAtMost, 64 * 1024)];
        using var kept = new MemoryStream();
        int read;
        while (kept.Length < options.ReadAtMost && (read = await stream.ReadAsync(buffer, ct)) > 0) kept.Write(buffer, 0, read);
        return Encoding.UTF8.GetString(kept.GetBuffer(), 0, (int)kept.Length);
    }

    private void Check(FuzzRequest request, Outcome outcome)
    {
        var op = request.Operation.Name;
        if (outcome.Error is not null)
        {
            _findings.Add("no answer", op, outcome.Error.Split(':')[0], outcome.Error, request);
            return;
        }
        var status = outcome.Status!.Value;
        if (status >= 500)
        {
            var logged = LoggedFor(request);
            _findings.Add("5xx", op, $"{status} {logged?.ExceptionType?.Split(' ')[0]}".Trim(),
                $"{status}: {Excerpt(outcome.Body)}{(logged is null ? "" : $"; logged: {logged}")}", request);
        }
        if (outcome.Latency > options.Bound)
            _findings.Add("slow", op, $"> {options.Bound.TotalSeconds:0.#} s", $"{outcome.Latency.TotalSeconds:0.0} s to the answer's headers ({status})", request);
        // Kestrel itself refuses an encoded NUL in a path (400) before any middleware: not the service's order to judge.
        var kestrelRefuses = status == 400 && request.PathAndQuery.Split('?')[0].Contains("%00", StringComparison.Ordinal);
        switch (kestrelRefuses ? Intent.Plain : request.Intent)
        {
            case Intent.NoKey when status is not (401 or 404 or 405 or 414 or 431):
                _findings.Add("auth", op, $"{status} without a valid key", $"expected 401 before anything else: {Excerpt(outcome.Body)}", request);
                break;
            case Intent.LesserKey when status is not (403 or 404 or 405 or 414 or 431):
                _findings.Add("auth", op, $"{status} with a key lacking the scope", $"expected 403: {Excerpt(outcome.Body)}", request);
                break;
            case Intent.SsrfProbe when status is >= 200 and < 300:
                _findings.Add("ssrf", op, "accepted a refused target", $"a webhook URL that must be refused whatever the settings was accepted ({status})", request);
                break;
        }
    }

    /// <summary>The error the service logged while handling this request, if it logged one.</summary>
    private LoggedError? LoggedFor(FuzzRequest request)
    {
        var correlation = request.Header("X-Correlation-Id");
        var path = Uri.UnescapeDataString(request.PathAndQuery.Split('?')[0]);
        return service.Logs?.Entries.LastOrDefault(e => e.CorrelationId == correlation)
               ?? service.Logs?.Entries.LastOrDefault(e => e.RequestPath is not null && Uri.UnescapeDataString(e.RequestPath) == path);
    }

    private static string Excerpt(string? body) => body is null ? "" : body.Length <= 300 ? body : body[..300] + "…";

    /// <summary>Takes the ids an answer holds into the pools, and records what the service says it created.</summary>
    private async Task HarvestAsync(HttpClient admin, FuzzRequest request, Outcome outcome)
    {
        if (outcome.Status is not (>= 200 and < 300)) return;
        var op = request.Operation;
        var pathId = Guid.TryParse(request.PathAndQuery.Split('?')[0].Split('/').ElementAtOrDefault(3), out var g) ? g : (Guid?)null;
        if (op.Method == "DELETE" && pathId is { } removed) _accepted.Removed(removed);
        JsonNode? json;
        try
        {
            json = string.IsNullOrEmpty(outcome.Body) || op.Path == "/api/events" ? null : JsonNode.Parse(outcome.Body);
        }
        catch (System.Text.Json.JsonException)
        {
            return;
        }
        if (json is null) return;
        switch (op.Method, op.Path)
        {
            case ("POST", "/api/articles"):
                Take(json, IdKind.Article, request, created: outcome.Status == 201);
                break;
            case ("POST", "/api/articles/batch"):
                foreach (var item in json["items"]?.AsArray() ?? [])
                {
                    if (item is not null) Take(item, IdKind.Article, request, created: item["status"]?.GetValue<string>() == "created");
                }
                break;
            case ("POST", "/api/watchlists"):
                Take(json, IdKind.Watchlist, request, created: true);
                break;
            case ("POST", "/api/subscriptions"):
                if (json["subscription"]?["id"]?.GetValue<Guid>() is not { } subscription) break;
                if (request.Note.Contains("probe", StringComparison.Ordinal)) await DeleteProbeAsync(admin, subscription, request);
                else
                {
                    _pools.Add(IdKind.Subscription, subscription);
                    _accepted.Created(IdKind.Subscription, subscription, request.Number);
                    await RetireOldestAsync(admin, subscription, request);
                }
                break;
            case ("POST", "/api/watchlists/{id}/backfill"):
                if (json["id"]?.GetValue<Guid>() is { } backfill) _pools.Add(IdKind.Backfill, backfill);
                break;
            case ("GET", "/api/alerts"):
            case ("GET", "/api/subscriptions/{id}/deliveries"):
                var kind = op.Path == "/api/alerts" ? IdKind.Alert : IdKind.Delivery;
                foreach (var item in json["items"]?.AsArray() ?? []) if (item?["id"]?.GetValue<Guid>() is { } id) _pools.Add(kind, id);
                if (json["nextCursor"]?.GetValue<string>() is { } cursor) _pools.AddCursor(cursor);
                break;
        }
    }

    private void Take(JsonNode node, IdKind kind, FuzzRequest request, bool created)
    {
        if (node["id"]?.GetValue<Guid>() is not { } id) return;
        _pools.Add(kind, id);
        if (created) _accepted.Created(kind, id, request.Number);
        foreach (var alert in node["alerts"]?.AsArray() ?? []) if (alert?["alertId"]?.GetValue<Guid>() is { } a) _pools.Add(IdKind.Alert, a);
    }

    /// <summary>A subscription whose URL would leave this machine was accepted: removed at once (it can get nothing
    /// meanwhile: its only watchlist is the quiet one).</summary>
    private Task DeleteProbeAsync(HttpClient admin, Guid subscription, FuzzRequest request) =>
        DeleteSubscriptionAsync(admin, subscription, request, "probe cleanup");

    /// <summary>Deletes the oldest subscription the fuzz made once it keeps more than <see cref="LiveSubscriptions"/>.</summary>
    private async Task RetireOldestAsync(HttpClient admin, Guid subscription, FuzzRequest request)
    {
        Guid oldest;
        lock (_live)
        {
            _live.Enqueue(subscription);
            if (_live.Count <= LiveSubscriptions) return;
            oldest = _live.Dequeue();
        }
        _accepted.Removed(oldest);
        await DeleteSubscriptionAsync(admin, oldest, request, "subscription cleanup");
    }

    private async Task DeleteSubscriptionAsync(HttpClient admin, Guid subscription, FuzzRequest request, string finding)
    {
        // A concurrent change to it (a fuzz request) wins with 409: read again and retried, as a client would.
        var status = HttpStatusCode.Conflict;
        for (var attempt = 0; attempt < 5 && status == HttpStatusCode.Conflict; attempt++)
        {
            using var response = await admin.DeleteAsync($"/api/subscriptions/{subscription}");
            status = response.StatusCode;
        }
        if (status is not (HttpStatusCode.NoContent or HttpStatusCode.OK or HttpStatusCode.NotFound))
            _findings.Add(finding, request.Operation.Name, $"{(int)status}", $"could not delete subscription {subscription}", request);
    }

    private void CheckLogs()
    {
        if (service.Logs is not { } logs) return;
        foreach (var entry in logs.Entries.Where(e => !ErrorLogAllowlist.Allows(e)))
        {
            _findings.Add("error log", entry.Category, (entry.ExceptionType?.Split(' ')[0] ?? entry.FirstLine).Trim(), entry.ToString());
        }
    }
}
