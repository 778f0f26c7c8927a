using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MediaMonitor.Matching;
using MediaMonitor.Stories;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace MediaMonitor.Benchmarks;

/// <summary>
/// Ingest against PostgreSQL's own speed, in one run on one throwaway PostgreSQL: a COPY of the corpus as JSONB
/// documents (the physical limit: each article stored once), then the corpus over <c>POST /api/articles/batch</c>
/// (1,000-article NDJSON batches from 2 clients, the seed watchlists, every article committed with its matches and
/// alerts before the answer; deferred items sent again) three times, retitled so that none is a duplicate: first on the
/// cold service, whose CPU then goes largely to the JIT compiling and recompiling its code, then to warm up, then
/// measured warm; then the corpus again, retitled,
/// as single <c>POST /api/articles</c> from 16 clients, then the COPY again. The service runs in this process on Alba's
/// in-memory server; PostgreSQL's CPU is read from /proc for its processes.
/// </summary>
public static class IngestRate
{
    public const int BatchSize = 1_000;
    public const int BatchClients = 2;
    public const int SingleClients = 16;
    private const int CopyRounds = 3;

    /// <summary>Arabic as it is, not as \uXXXX escapes: six times the bytes, past the batch's size limit.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task RunAsync()
    {
        var articles = BenchData.Articles();
        await using var bench = await BenchHost.StartAsync(("MediaMonitor:Seeds:Enabled", "true"));
        var client = bench.Client();
        Console.WriteLine($"{articles.Length:N0} articles, {articles.Sum(a => (long)a.Body.Length + (a.Title?.Length ?? 0)) / articles.Length:N0} characters each on average; " +
                          $"{JsonNode.Parse(await client.GetStringAsync("/api/watchlists"))!.AsArray().Count} seed watchlists.");

        var copyBefore = await CopyAsync(bench.ConnectionString, articles);
        var cold = await Measure(() => BatchesAsync(bench, articles, "cold"));
        // The JIT's last recompilations of the hot code settle during a second pass, not measured.
        await BatchesAsync(bench, articles, "warm-up");
        var batch = await Measure(() => BatchesAsync(bench, articles, "batch"));
        var single = await Measure(() => SinglesAsync(bench, articles));
        var copyAfter = await CopyAsync(bench.ConnectionString, articles);

        var copy = (copyBefore + copyAfter) / 2;
        Console.WriteLine($"COPY probe (JSONB documents, {CopyRounds} rounds each, median): {copyBefore:N0} articles/s before, {copyAfter:N0} after.");
        Console.WriteLine($"Batches on the cold service: {cold.Report(articles.Length)}; {cold.Rate(articles.Length) / copy:0.00} of the COPY rate.");
        Console.WriteLine($"Batches ({BatchSize:N0} NDJSON, {BatchClients} clients): {batch.Report(articles.Length)}; {batch.Result:N0} items deferred and sent again; " +
                          $"{batch.Rate(articles.Length) / copy:0.00} of the COPY rate.");
        Console.WriteLine($"Single posts ({SingleClients} clients): {single.Report(articles.Length)}; {single.Result.Latency()}.");
        Console.WriteLine(StoryWindowMemory(bench.Host.Services.GetRequiredService<StoryWindow>()));
    }

    /// <summary>What the node's in-memory story index holds after the run: the heap it frees when dropped.</summary>
    private static string StoryWindowMemory(StoryWindow window)
    {
        var held = window.Count;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        window.Forget();
        var freed = before - GC.GetTotalMemory(forceFullCollection: true);
        return $"Story window: {held:N0} articles held in memory, {freed / 1024.0 / 1024.0:N0} MB ({freed / Math.Max(1, held):N0} bytes each, " +
               $"{freed * 100_000.0 / Math.Max(1, held) / 1024 / 1024:N0} MB per 100,000).";
    }

    private sealed record Phase<T>(T Result, TimeSpan Elapsed, TimeSpan ServiceCpu, TimeSpan PostgresCpu)
    {
        public double Rate(int count) => count / Elapsed.TotalSeconds;

        public string Report(int count) =>
            $"{count:N0} articles in {Elapsed.TotalSeconds:0.0} s, {Rate(count):N0} articles/s; CPU per article: " +
            $"service {ServiceCpu.TotalMilliseconds / count:0.00} ms (with the clients), PostgreSQL {PostgresCpu.TotalMilliseconds / count:0.00} ms";
    }

    private static async Task<Phase<T>> Measure<T>(Func<Task<T>> run)
    {
        var service = Process.GetCurrentProcess().TotalProcessorTime;
        var postgres = PostgresCpu();
        var clock = Stopwatch.StartNew();
        var result = await run();
        clock.Stop();
        return new Phase<T>(result, clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - service, PostgresCpu() - postgres);
    }

    private static async Task<int> BatchesAsync(BenchHost bench, CorpusFormat.CorpusArticle[] articles, string run)
    {
        var batches = new ConcurrentQueue<CorpusFormat.CorpusArticle[]>(articles.Chunk(BatchSize));
        var deferred = 0;
        await Task.WhenAll(Enumerable.Range(0, BatchClients).Select(async _ =>
        {
            var client = bench.Client();
            while (batches.TryDequeue(out var batch))
            {
                var pending = batch;
                while (pending.Length > 0)
                {
                    var ndjson = string.Join('\n', pending.Select(a => JsonSerializer.Serialize(Item(a, run == "batch" ? a.Title : $"{a.Title} ({run})", run), Json)));
                    using var response = await client.PostAsync("/api/articles/batch", new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson"));
                    response.EnsureSuccessStatusCode();
                    var items = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["items"]!.AsArray();
                    pending = items.Where(i => i!["status"]!.GetValue<string>() == "deferred").Select(i => pending[i!["index"]!.GetValue<int>()]).ToArray();
                    Interlocked.Add(ref deferred, pending.Length);
                }
            }
        }));
        return deferred;
    }

    private static async Task<Latencies> SinglesAsync(BenchHost bench, CorpusFormat.CorpusArticle[] articles)
    {
        var next = -1;
        var latencies = new Latencies();
        await Task.WhenAll(Enumerable.Range(0, SingleClients).Select(async _ =>
        {
            var client = bench.Client();
            int i;
            while ((i = Interlocked.Increment(ref next)) < articles.Length)
            {
                var a = articles[i];
                var clock = Stopwatch.StartNew();
                using var response = await client.PostAsJsonAsync("/api/articles", Item(a, $"{a.Title} (single)", "single"), Json);
                latencies.Add(clock.Elapsed);
                if ((int)response.StatusCode != 201) throw new InvalidOperationException($"Article {a.Id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }));
        return latencies;
    }

    private static object Item(CorpusFormat.CorpusArticle a, string? title, string run) =>
        new { title, body = a.Body, lang = a.Lang, url = $"https://corpus.example/{run}/{a.Id}" };

    /// <summary>The median of <see cref="CopyRounds"/> binary COPYs of the corpus into a fresh table of (id, JSONB document).</summary>
    private static async Task<double> CopyAsync(string connectionString, CorpusFormat.CorpusArticle[] articles)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var rates = new List<double>();
        for (var round = 0; round < CopyRounds; round++)
        {
            var table = $"copy_probe_{Guid.NewGuid():N}";
            await using (var create = new NpgsqlCommand($"create table public.{table} (id uuid primary key, data jsonb not null)", connection)) await create.ExecuteNonQueryAsync();
            var documents = articles.Select(a => (Id: Guid.CreateVersion7(), Json: JsonSerializer.Serialize(Item(a, a.Title, "copy"), Json))).ToArray();
            var clock = Stopwatch.StartNew();
            await using (var copy = await connection.BeginBinaryImportAsync($"copy public.{table} (id, data) from stdin (format binary)"))
            {
                foreach (var (id, json) in documents)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(id, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(json, NpgsqlDbType.Jsonb);
                }
                await copy.CompleteAsync();
            }
            rates.Add(articles.Length / clock.Elapsed.TotalSeconds);
            await using var drop = new NpgsqlCommand($"drop table public.{table}", connection);
            await drop.ExecuteNonQueryAsync();
        }
        return rates.Order().ElementAt(rates.Count / 2);
    }

    /// <summary>The CPU time of every live process named postgres (the throwaway server and its backends).</summary>
    internal static TimeSpan PostgresCpu()
    {
        var ticks = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var close = stat.LastIndexOf(')');
                if (!stat.AsSpan(stat.IndexOf('(') + 1, close - stat.IndexOf('(') - 1).StartsWith("postgres")) continue;
                var fields = stat[(close + 2)..].Split(' ');
                ticks += long.Parse(fields[11]) + long.Parse(fields[12]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException)
            {
                // A process that ended meanwhile, or one that is not a process directory.
            }
        }
        // USER_HZ: 100 on Linux.
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    private sealed class Latencies
    {
        private readonly ConcurrentBag<double> _ms = [];

        public void Add(TimeSpan elapsed) => _ms.Add(elapsed.TotalMilliseconds);

        public string Latency()
        {
            var sorted = _ms.Order().ToArray();
            return $"latency p50 {WebhookDelivery.Percentile(sorted, 0.5):N0} ms, p99 {WebhookDelivery.Percentile(sorted, 0.99):N0} ms, max {sorted[^1]:N0} ms";
        }
    }
}
