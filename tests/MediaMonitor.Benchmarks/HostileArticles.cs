using System.Diagnostics;
using System.Text;
using MediaMonitor.Matching;

namespace MediaMonitor.Benchmarks;

/// <summary>
/// What an attacker's article costs the matcher: shapes built to amplify work (a watched phrase repeated, one giant
/// token, scripts alternating inside a word, endless hyphen compounds, empty sentences, every word new), each at
/// doubling lengths up to the 500,000-character body limit. Linear cost shows as a steady time per 100,000 characters
/// and a ratio near 2 from one length to the next.
/// </summary>
public static class HostileArticles
{
    private static readonly int[] Lengths = [62_500, 125_000, 250_000, 500_000];

    public static void Run()
    {
        var dense = Enumerable.Range(0, 21).Select(i => new WatchlistDefinition($"dense{i}", 1,
            [new TermDefinition("rocket attack", "en"), new TermDefinition("attack", "en"), new TermDefinition("انسحاب القوات", "ar")],
            i % 3 == 0 ? "(rocket OR missile) NEAR/3 (attack OR strike)" : null)).ToList();
        var sets = new (string Name, Matcher Matcher)[]
        {
            ("core", Matcher.Compile(BenchData.Watchlists("core"))),
            ("100k", Matcher.Compile(BenchData.Watchlists("100k"))),
            ("21 alike", Matcher.Compile(dense)),
        };
        var vocabulary = BenchData.Articles().Take(500).SelectMany(a => a.Body.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToArray();

        Console.WriteLine("| shape | watchlists | ms at 62.5k / 125k / 250k / 500k chars (best of 3) | ms per 100k chars at 500k | 500k / 250k | hits kept / omitted at 500k |");
        Console.WriteLine("|---|---|---|---:|---:|---|");
        foreach (var (shape, make) in Shapes(vocabulary))
        {
            foreach (var (name, matcher) in sets)
            {
                var times = new double[Lengths.Length];
                IReadOnlyList<WatchlistMatch> last = [];
                for (var i = 0; i < Lengths.Length; i++)
                {
                    var body = make(Lengths[i]);
                    matcher.Match(new ArticleText(null, body));
                    times[i] = double.MaxValue;
                    for (var run = 0; run < 3; run++)
                    {
                        var clock = Stopwatch.StartNew();
                        last = matcher.Match(new ArticleText("t", body));
                        times[i] = Math.Min(times[i], clock.Elapsed.TotalMilliseconds);
                    }
                }
                Console.WriteLine($"| {shape} | {name} | {string.Join(" / ", times.Select(t => t.ToString("F1")))} | {times[^1] / 5:F1} | " +
                                  $"{times[^1] / times[^2]:F2} | {last.Sum(m => m.Hits.Count)} / {last.Sum(m => m.HitsOmitted)} |");
            }
        }
    }

    private static IEnumerable<(string, Func<int, string>)> Shapes(string[] vocabulary)
    {
        yield return ("'rocket attack' repeated", n => Repeat("rocket attack ", n));
        yield return ("'انسحاب القوات' repeated", n => Repeat("انسحاب القوات ", n));
        yield return ("one giant Latin token", n => new string('a', n));
        yield return ("one giant Arabic token with clitics", n => "وبال" + new string('ا', n - 4));
        yield return ("scripts alternating in one word", n => Repeat("aب", n));
        yield return ("one endless hyphen compound", n => Repeat("air-strike-", n));
        yield return ("empty sentences", n => Repeat(". ", n));
        yield return ("digits and punctuation", n => Repeat("1,2.3;4:5-6 ", n));
        yield return ("every word new", n =>
        {
            var sb = new StringBuilder(n + 16);
            for (var i = 0; sb.Length < n; i++) sb.Append("w").Append(i).Append("x ");
            return sb.ToString(0, n);
        });
        yield return ("corpus words shuffled", n =>
        {
            var random = new Random(7);
            var sb = new StringBuilder(n + 32);
            while (sb.Length < n) sb.Append(vocabulary[random.Next(vocabulary.Length)]).Append(' ');
            return sb.ToString(0, n);
        });
    }

    private static string Repeat(string piece, int length)
    {
        var sb = new StringBuilder(length + piece.Length);
        while (sb.Length < length) sb.Append(piece);
        return sb.ToString(0, length);
    }
}
