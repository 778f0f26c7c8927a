using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MediaMonitor.Matching.Stories;

namespace MediaMonitor.Benchmarks;

/// <summary>
/// Story grouping over the corpus as the service would do it: articles in publishedAt order, each one's signature
/// looked up in an LSH index (band key → articles of the last 72 hours, same language), joining the story of the most
/// similar same-story candidate, else starting a story. Prints the stories formed (with ten for a reader to judge), the
/// cost per article (signature and lookup apart, second pass after a warm-up) and the memory of a window.
/// </summary>
/// <remarks>
/// Undated articles (the BBC half of the English file) would get their ingest time in the service: here they all get one
/// moment after the dated ones, the hardest case for false merges (1,300 articles of five beats in one window).
/// </remarks>
public static class StoryGrouping
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(72);

    private sealed record Line(string Id, string? Lang, string? Source, string? Published, string? Title, string? Body);

    private sealed record Article(string Id, string Lang, string Source, DateTimeOffset? Published, DateTimeOffset Time, string Title, string Body);

    private sealed record Joined(int Article, int Story, bool Signed, StorySimilarity ToFirst);

    public static void Run()
    {
        var articles = Read();
        Console.WriteLine($"Corpus: {BenchData.CorpusFolder}: {articles.Length:N0} articles, " +
                          $"{articles.Count(a => a.Published is null):N0} undated (one shared moment after the dated ones).");
        Console.WriteLine($"Method: MinHash, {StorySignature.Hashes} values over {StorySignature.ShingleWords}-word shingles, " +
                          $"{StorySignature.Bands} bands x {StorySignature.RowsPerBand} rows; same story at J >= {StorySignature.JaccardThreshold} " +
                          $"or containment >= {StorySignature.ContainmentThreshold} (smaller >= {StorySignature.MinContainmentShingles} shingles, " +
                          $"larger <= {StorySignature.MaxContainmentSizeRatio} x smaller); window {Window.TotalHours:F0} h, same language.");

        Group(articles, out _, out _);   // warm-up: JIT, tiering, the thread's shingle buffers
        var result = Group(articles, out var signatureMicros, out var lookupMicros);

        Report(articles, result);
        Console.WriteLine();
        Console.WriteLine("Cost per article (the service spends ~500 us CPU per article, 10% = 50 us), after a warm-up pass:");
        Print("one pass", signatureMicros, lookupMicros);
        // On a shared machine a single pass also times other processes' turns on the core; the fastest of five passes
        // per article is the work itself.
        var bestSignature = signatureMicros.ToArray();
        var bestLookup = lookupMicros.ToArray();
        for (var pass = 0; pass < 4; pass++)
        {
            Group(articles, out var s, out var l);
            for (var i = 0; i < articles.Length; i++)
            {
                bestSignature[i] = Math.Min(bestSignature[i], s[i]);
                bestLookup[i] = Math.Min(bestLookup[i], l[i]);
            }
        }
        Print("best of 5 passes", bestSignature, bestLookup);
        Console.WriteLine($"  mean body {articles.Average(a => a.Body.Length):F0} chars; allocated per signature: {AllocatedPerSignature(articles):F0} bytes");
        Console.WriteLine();
        Memory();
    }

    private static Article[] Read()
    {
        var lines = Directory.EnumerateFiles(BenchData.CorpusFolder, "*.jsonl").Order(StringComparer.Ordinal)
            .SelectMany(File.ReadLines).Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonSerializer.Deserialize<Line>(l, JsonSerializerOptions.Web)!).ToList();
        var dated = lines.Select(l => l.Published is null ? (DateTimeOffset?)null
            : DateTimeOffset.Parse(l.Published, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)).ToList();
        var undatedMoment = dated.Max()!.Value.AddDays(7);
        return lines.Select((l, i) => new Article(l.Id, l.Lang ?? "", l.Source ?? "?", dated[i], dated[i] ?? undatedMoment, l.Title ?? "", l.Body ?? ""))
            .OrderBy(a => a.Time).ThenBy(a => a.Id, StringComparer.Ordinal).ToArray();
    }

    private static List<Joined> Group(Article[] articles, out double[] signatureMicros, out double[] lookupMicros)
    {
        signatureMicros = new double[articles.Length];
        lookupMicros = new double[articles.Length];
        var index = new WindowIndex(Window);
        var stories = new List<Joined>(articles.Length);
        var storyOf = new int[articles.Length];
        var signatures = new StorySignature?[articles.Length];
        var firstOfStory = new List<int>();
        for (var i = 0; i < articles.Length; i++)
        {
            var a = articles[i];
            var t0 = Stopwatch.GetTimestamp();
            var signature = StorySignature.Of(a.Body, a.Lang);
            var t1 = Stopwatch.GetTimestamp();
            signatures[i] = signature;
            var best = -1;
            var bestSimilarity = default(StorySimilarity);
            if (signature is not null)
            {
                var keys = signature.BandKeys();
                foreach (var candidate in index.Candidates(keys, a.Time))
                {
                    if (articles[candidate].Lang != a.Lang) continue;
                    var similarity = signature.CompareTo(signatures[candidate]!);
                    if (!similarity.SameStory) continue;
                    if (best < 0 || (similarity.Jaccard, similarity.Containment).CompareTo((bestSimilarity.Jaccard, bestSimilarity.Containment)) > 0)
                    {
                        best = candidate;
                        bestSimilarity = similarity;
                    }
                }
                index.Add(i, keys, a.Time);
            }
            var t2 = Stopwatch.GetTimestamp();
            signatureMicros[i] = Stopwatch.GetElapsedTime(t0, t1).TotalMicroseconds;
            lookupMicros[i] = Stopwatch.GetElapsedTime(t1, t2).TotalMicroseconds;

            if (best >= 0) storyOf[i] = storyOf[best];
            else
            {
                storyOf[i] = firstOfStory.Count;
                firstOfStory.Add(i);
            }
            var first = firstOfStory[storyOf[i]];
            stories.Add(new Joined(i, storyOf[i], signature is not null, first == i ? new StorySimilarity(1, 1, true) : signature!.CompareTo(signatures[first]!)));
        }
        return stories;
    }

    private static void Report(Article[] articles, List<Joined> joined)
    {
        var withSignature = joined.Count(j => j.Signed);
        var groups = joined.GroupBy(j => j.Story).Where(g => g.Count() >= 2).ToList();
        Console.WriteLine($"Articles: {articles.Length:N0} ({articles.Length - withSignature:N0} too short for a signature); stories: " +
                          $"{joined.Select(j => j.Story).Distinct().Count():N0}; stories of 2+ articles: {groups.Count:N0} " +
                          $"holding {groups.Sum(g => g.Count()):N0} articles");
        Console.WriteLine("  sizes: " + string.Join(", ", groups.GroupBy(g => g.Count() switch { <= 4 and var n => n.ToString(CultureInfo.InvariantCulture), < 10 => "5-9", _ => "10+" })
            .OrderBy(s => s.Key.Length).ThenBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}: {s.Count()}")));
        foreach (var lang in groups.GroupBy(g => articles[g.First().Article].Lang).OrderBy(l => l.Key, StringComparer.Ordinal))
            Console.WriteLine($"  {lang.Key}: {lang.Count()} stories of 2+, {lang.Sum(g => g.Count())} articles; largest {lang.Max(g => g.Count())}");
        var members = groups.SelectMany(g => g.Skip(1)).ToList();
        Console.WriteLine($"  joined members vs their story's first: J >= {StorySignature.JaccardThreshold}: {members.Count(m => m.ToFirst.Jaccard >= StorySignature.JaccardThreshold)}, " +
                          $"by containment only: {members.Count(m => m.ToFirst.Jaccard < StorySignature.JaccardThreshold)}; " +
                          $"cross-source stories: {groups.Count(g => g.Select(j => articles[j.Article].Source).Distinct().Count() > 1)}");

        Console.WriteLine();
        Console.WriteLine("Ten stories of 2+ (a fixed pseudo-random sample: SHA-1 of the first article's id):");
        foreach (var g in groups.OrderBy(g => Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(articles[g.First().Article].Id))), StringComparer.Ordinal).Take(10))
        {
            Console.WriteLine($"- story of {g.Count()}:");
            foreach (var j in g)
            {
                var a = articles[j.Article];
                Console.WriteLine($"    {a.Id} | {a.Source} | {a.Published?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "undated"} | " +
                                  $"J {j.ToFirst.Jaccard:F2} C {j.ToFirst.Containment:F2} | {Shorten(a.Title, 90)} | {Shorten(a.Body, 70)}");
            }
        }
    }

    private static void Print(string what, double[] signature, double[] lookup)
    {
        Console.WriteLine($"  {what}: signature median {Median(signature):F1} us, mean {signature.Average():F1} us, p99 {Percentile(signature, 0.99):F1} us; " +
                          $"lookup + insert median {Median(lookup):F2} us, mean {lookup.Average():F2} us, p99 {Percentile(lookup, 0.99):F2} us");
    }

    private static double AllocatedPerSignature(Article[] articles)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var a in articles) StorySignature.Of(a.Body, a.Lang);
        return (double)(GC.GetAllocatedBytesForCurrentThread() - before) / articles.Length;
    }

    /// <summary>An index of 100,000 articles in one window: computed from the sizes of what it holds, and measured.</summary>
    private static void Memory()
    {
        const int count = 100_000;
        var random = new Random(12);
        var bytes = new byte[StorySignature.Hashes * 4];
        var sampleSignature = StorySignature.FromBytes(bytes, 200);
        GC.Collect();
        var before = GC.GetTotalMemory(true);
        var signatures = new StorySignature[count];
        var index = new WindowIndex(Window);
        var now = DateTimeOffset.UnixEpoch;
        for (var i = 0; i < count; i++)
        {
            random.NextBytes(bytes);
            signatures[i] = StorySignature.FromBytes(bytes, 200);
            index.Add(i, signatures[i].BandKeys(), now);
        }
        var after = GC.GetTotalMemory(true);
        var signatureBytes = 24 + 8 + (16 + 8 + StorySignature.Hashes * 4);   // object (header, values ref, Shingles) + uint[] (header, length)
        var perKey = 24 + 4 + 4;   // Dictionary<long,int> entry (hash, next, key, value) + bucket + the chain's next slot
        Console.WriteLine($"Memory per {count:N0} articles in the window (in-memory LSH index of this benchmark):");
        Console.WriteLine($"  computed: signatures {signatureBytes * (long)count / 1e6:F1} MB ({signatureBytes} B each) + index " +
                          $"{(long)perKey * StorySignature.Bands * count / 1e6:F1} MB ({StorySignature.Bands} keys x {perKey} B) = " +
                          $"{(signatureBytes + (long)perKey * StorySignature.Bands) * count / 1e6:F1} MB, before dictionary slack");
        Console.WriteLine($"  measured (GC.GetTotalMemory delta, 100k random signatures): {(after - before) / 1e6:F1} MB " +
                          $"({(after - before) / count:N0} B per article)");
        Console.WriteLine($"  stored form (PostgreSQL): bytea {StorySignature.Hashes * 4} B + bigint[{StorySignature.Bands}] {StorySignature.Bands * 8 + 24} B a row, before GIN entries");
        GC.KeepAlive(signatures);
        GC.KeepAlive(index);
        GC.KeepAlive(sampleSignature);
    }

    private static double Median(double[] values) => Percentile(values, 0.5);

    private static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(p * sorted.Length))];
    }

    private static string Shorten(string s, int length)
    {
        var flat = s.ReplaceLineEndings(" ");
        return flat.Length <= length ? flat : flat[..length] + "…";
    }

    /// <summary>
    /// Band key → articles, in one segment per 24 hours so that leaving the window drops whole segments; a key's articles
    /// are a chain through slot numbers (slot = 32 × article's place in its segment + band), so no list per key.
    /// </summary>
    private sealed class WindowIndex(TimeSpan window)
    {
        private readonly LinkedList<Segment> segments = new();
        private readonly HashSet<int> seen = [];

        public IEnumerable<int> Candidates(long[] keys, DateTimeOffset time)
        {
            while (segments.First is { } oldest && oldest.Value.End <= time - window) segments.RemoveFirst();
            seen.Clear();
            foreach (var segment in segments)
            {
                foreach (var key in keys)
                {
                    if (!segment.Head.TryGetValue(key, out var slot)) continue;
                    for (; slot >= 0; slot = segment.Next[slot])
                    {
                        var local = slot / StorySignature.Bands;
                        if (segment.Times[local] < time - window) continue;
                        if (seen.Add(segment.Articles[local])) yield return segment.Articles[local];
                    }
                }
            }
        }

        public void Add(int article, long[] keys, DateTimeOffset time)
        {
            var day = time.UtcDateTime.Date;
            if (segments.Last is null || segments.Last.Value.Start != day) segments.AddLast(new Segment(day));
            var segment = segments.Last!.Value;
            segment.Articles.Add(article);
            segment.Times.Add(time);
            foreach (var key in keys)
            {
                segment.Next.Add(segment.Head.TryGetValue(key, out var previous) ? previous : -1);
                segment.Head[key] = segment.Next.Count - 1;
            }
        }

        private sealed class Segment(DateTime start)
        {
            public DateTime Start { get; } = start;
            public DateTimeOffset End => new DateTimeOffset(Start, TimeSpan.Zero).AddDays(1);
            public Dictionary<long, int> Head { get; } = [];
            public List<int> Next { get; } = [];
            public List<int> Articles { get; } = [];
            public List<DateTimeOffset> Times { get; } = [];
        }
    }
}
