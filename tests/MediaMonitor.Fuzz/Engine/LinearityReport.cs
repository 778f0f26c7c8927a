using System.Diagnostics;
using System.Text;
using MediaMonitor.Fuzz.Generators;
using MediaMonitor.Matching;

namespace MediaMonitor.Fuzz.Engine;

/// <summary>
/// How matching time grows with hostile bodies: each shape at 25k to 400k characters against many watchlists of the same
/// phrase. Doubling the body should not much more than double the time. A report of the long pass, never an assertion:
/// timings on shared machines are too noisy to fail a build on.
/// </summary>
public static class LinearityReport
{
    private static readonly int[] Sizes = [25_000, 50_000, 100_000, 200_000, 400_000];

    public static string Measure(ulong seed)
    {
        var r = Rng.For(seed, 0);
        var watchlists = Enumerable.Range(0, 21).Select(i => new WatchlistDefinition($"w{i}", 1,
                [new TermDefinition(i % 3 == 0 ? "هجوم صاروخي" : i % 3 == 1 ? "rocket attack" : "rocket", null)], i % 4 == 0 ? "rocket NEAR/2 attack*" : null))
            .ToList();
        var matcher = Matcher.Compile(watchlists);
        var shapes = new (string Name, Func<int, string> Body)[]
        {
            ("'rocket attack' repeated", n => Repeat("rocket attack ", n)),
            ("'هجوم صاروخي' repeated", n => Repeat("هجوم صاروخي ", n)),
            ("one long token", n => new string('a', n)),
            ("combining marks on one letter", n => "e" + new string('\u0301', n - 1)),
            ("words and hostile fragments", n => HostileText.MostlyWords(r, n).PadRight(n, ' ')),
        };
        var sb = new StringBuilder("Matching time by body size (median of 3; ratio to the size before, linear is about 2):\n");
        foreach (var (name, body) in shapes)
        {
            sb.Append($"  {name,-32}");
            double? before = null;
            foreach (var size in Sizes)
            {
                var text = body(size);
                var ms = Enumerable.Range(0, 3).Select(_ => Time(() => matcher.Match(new ArticleText(null, text)))).Order().ElementAt(1);
                sb.Append($" {size / 1000}k {ms,7:0.0} ms{(before is { } b && b > 0.5 ? $" (x{ms / b:0.0})" : "")}");
                before = ms;
            }
            sb.AppendLine();
        }
        return sb.ToString();
    }

    private static string Repeat(string s, int length)
    {
        var sb = new StringBuilder(length + s.Length);
        while (sb.Length < length) sb.Append(s);
        return sb.ToString(0, length);
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }
}
