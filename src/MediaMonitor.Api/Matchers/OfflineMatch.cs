using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using MediaMonitor.Infrastructure;
using MediaMonitor.Matching;

namespace MediaMonitor.Matchers;

/// <summary>
/// <c>match --watchlists FILE --corpus FILE [--corpus FILE ...] --out FILE [--threads N]</c>: matches article files
/// against watchlist files with no database, writes one JSON line per article and prints a one-line JSON summary.
/// The timings cover the matching alone (after loading and compiling), so they compare with other engines'.
/// </summary>
public static class OfflineMatch
{
    public const string Usage =
        "usage: match --watchlists FILE --corpus FILE [--corpus FILE ...] --out FILE [--threads N (default 1; 0 = all cores)]";

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public sealed record Options(string Watchlists, IReadOnlyList<string> Corpus, string Out, int Threads);

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (Parse(args, out var error) is not { } options)
        {
            await stderr.WriteLineAsync(error);
            await stderr.WriteLineAsync(Usage);
            return 2;
        }
        foreach (var path in options.Corpus.Append(options.Watchlists).Where(p => !File.Exists(p)))
        {
            await stderr.WriteLineAsync($"No file at {path}.");
            return 2;
        }

        var definitions = CorpusFormat.ReadWatchlists(options.Watchlists);
        var articles = options.Corpus.SelectMany(CorpusFormat.ReadCorpus).ToArray();

        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var compileClock = Stopwatch.StartNew();
        var matcher = Matcher.Compile(definitions);
        compileClock.Stop();
        var matcherBytes = GC.GetTotalMemory(forceFullCollection: true) - memoryBefore;

        var results = new IReadOnlyList<WatchlistMatch>[articles.Length];
        var threads = options.Threads == 0 ? Environment.ProcessorCount : options.Threads;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        Parallel.For(0, articles.Length, new ParallelOptions { MaxDegreeOfParallelism = threads },
            i => results[i] = matcher.Match(new ArticleText(articles[i].Title, articles[i].Body, articles[i].Lang)));
        clock.Stop();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;

        await using (var output = File.Create(options.Out))
        {
            for (var i = 0; i < articles.Length; i++) WriteLine(output, articles[i], results[i]);
        }

        var matches = results.Sum(r => r.Count);
        var hits = results.Sum(r => r.Sum(m => m.Hits.Count));
        await stdout.WriteLineAsync(JsonSerializer.Serialize(new
        {
            articles = articles.Length,
            matches,
            seconds = Math.Round(clock.Elapsed.TotalSeconds, 3),
            cpu_seconds = Math.Round(cpu, 3),
            articles_per_second = Math.Round(articles.Length / clock.Elapsed.TotalSeconds),
            articles_per_cpu_second = cpu > 0 ? Math.Round(articles.Length / cpu) : 0,
            threads,
            hits,
            hits_omitted = results.Sum(r => r.Sum(m => m.HitsOmitted)),
            watchlists = matcher.WatchlistCount,
            terms = matcher.TermCount,
            compile_seconds = Math.Round(compileClock.Elapsed.TotalSeconds, 3),
            matcher_bytes = matcherBytes,
        }));
        return 0;
    }

    public static Options? Parse(string[] args, out string error)
    {
        string? watchlists = null, output = null;
        var corpus = new List<string>();
        var threads = 1;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--watchlists" when value is not null: watchlists = ShellPath.Resolve(value); i++; break;
                case "--corpus" when value is not null: corpus.Add(ShellPath.Resolve(value)); i++; break;
                case "--out" when value is not null: output = ShellPath.Resolve(value); i++; break;
                case "--threads" when int.TryParse(value, out threads) && threads >= 0: i++; break;
                default:
                    error = $"Unexpected or incomplete argument '{args[i]}'.";
                    return null;
            }
        }
        error = watchlists is null ? "--watchlists is required." : corpus.Count == 0 ? "At least one --corpus is required."
            : output is null ? "--out is required." : "";
        return error.Length > 0 ? null : new Options(watchlists!, corpus, output!, threads);
    }

    private static void WriteLine(Stream output, CorpusFormat.CorpusArticle article, IReadOnlyList<WatchlistMatch> matches)
    {
        using (var json = new Utf8JsonWriter(output, Compact))
        {
            json.WriteStartObject();
            json.WriteString("id", article.Id);
            json.WriteStartArray("watchlists");
            foreach (var m in matches) json.WriteStringValue(m.WatchlistId);
            json.WriteEndArray();
            json.WriteStartArray("hits");
            foreach (var m in matches)
            {
                foreach (var h in m.Hits)
                {
                    json.WriteStartObject();
                    json.WriteString("watchlist", m.WatchlistId);
                    json.WriteString("term", h.Term);
                    json.WriteString("field", h.Field == ArticleField.Title ? "title" : "body");
                    json.WriteNumber("start", h.Start);
                    json.WriteNumber("length", h.Length);
                    json.WriteString("text", h.Text);
                    json.WriteEndObject();
                }
            }
            json.WriteEndArray();
            json.WriteNumber("hitsOmitted", matches.Sum(m => m.HitsOmitted));
            json.WriteEndObject();
        }
        output.WriteByte((byte)'\n');
    }
}
