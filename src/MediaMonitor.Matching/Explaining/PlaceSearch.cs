namespace MediaMonitor.Matching.Explaining;

/// <summary>A stretch of one field, from the first token of one word to the last of another, and the widest gap in it.</summary>
internal readonly record struct Found(ArticleField Field, int First, int Last, int Gap);

/// <summary>
/// Where a phrase's words come closest to forming it, over every place of every word. Each search is n log n in the
/// places, so a text that repeats a word tens of thousands of times is still answered at once.
/// </summary>
internal static class PlaceSearch
{
    /// <summary>
    /// The ordered chain (one place per word, each after the one before, in one field, and in one sentence when asked)
    /// whose widest gap is the smallest. Word by word, the best chain ending at each place: the chain through a
    /// predecessor i costs max(best[i], the gap after i); whether some predecessor gives at most g is a range minimum
    /// over the predecessors ending within g words, so the best g is found by binary search.
    /// </summary>
    public static Found? Chain(IReadOnlyList<List<WordPlace>> words, bool sameSentence)
    {
        var previous = Sorted(words[0]);
        var best = new int[previous.Length];
        var starts = previous.Select(p => p.First).ToArray();
        for (var w = 1; w < words.Count; w++)
        {
            var current = Sorted(words[w]);
            var nextBest = new int[current.Length];
            var nextStarts = new int[current.Length];
            var minimum = new RangeMinimum(best);
            for (var j = 0; j < current.Length; j++)
            {
                var here = current[j];
                nextBest[j] = int.MaxValue;
                // Predecessors: in the field (and sentence), ending before this place starts.
                var hi = Search(previous, p => Compare(p.Field, p.Last, here.Field, here.First) < 0) - 1;
                if (hi < 0 || previous[hi].Field != here.Field) continue;
                var lo = Search(previous, p => Compare(p.Field, sameSentence ? p.Sentence : 0, here.Field, sameSentence ? here.Sentence : 0) < 0);
                if (lo > hi) continue;
                int low = 0, high = here.First, found = -1;
                while (low <= high)
                {
                    var g = (low + high) / 2;
                    var k = Search(previous, lo, hi + 1, p => p.Last < here.First - 1 - g);
                    var at = k <= hi ? minimum.IndexOf(k, hi) : -1;
                    if (at >= 0 && best[at] <= g)
                    {
                        found = at;
                        nextBest[j] = g;
                        high = g - 1;
                    }
                    else low = g + 1;
                }
                if (found >= 0) nextStarts[j] = starts[found];
            }
            previous = current;
            best = nextBest;
            starts = nextStarts;
        }
        var end = -1;
        for (var j = 0; j < best.Length; j++)
            if (best[j] != int.MaxValue && (end < 0 || best[j] < best[end])) end = j;
        return end < 0 ? null : new Found(previous[end].Field, starts[end], previous[end].Last, best[end]);
    }

    /// <summary>A sentence holding every word in any order, the one whose words lie closest together.</summary>
    public static Found? OneSentence(IReadOnlyList<List<WordPlace>> words)
    {
        var spans = new Dictionary<(ArticleField, int), (int Words, int First, int Last)>();
        for (var w = 0; w < words.Count; w++)
            foreach (var group in words[w].GroupBy(p => (p.Field, p.Sentence)))
            {
                var (count, first, last) = spans.GetValueOrDefault(group.Key, (0, int.MaxValue, -1));
                if (count != w) continue;
                spans[group.Key] = (count + 1, Math.Min(first, group.Min(p => p.First)), Math.Max(last, group.Max(p => p.Last)));
            }
        return spans.Where(s => s.Value.Words == words.Count)
            .Select(s => (Found?)new Found(s.Key.Item1, s.Value.First, s.Value.Last, 0))
            .MinBy(f => f!.Value.Last - f.Value.First);
    }

    /// <summary>With a word missing: the place where most of the other words stand closest together in one sentence.</summary>
    public static Found? Closest(IReadOnlyList<List<WordPlace>> words)
    {
        var present = words.Where(w => w.Count > 0)
            .Select(w => w.GroupBy(p => (p.Field, p.Sentence)).ToDictionary(g => g.Key, g => g.OrderBy(p => p.First).ToArray()))
            .ToArray();
        (int Count, int Width, Found Span)? best = null;
        foreach (var bySentence in present)
            foreach (var anchor in bySentence.Values.SelectMany(p => p))
            {
                int count = 0, first = anchor.First, last = anchor.Last;
                foreach (var other in present)
                {
                    if (!other.TryGetValue((anchor.Field, anchor.Sentence), out var places)) continue;
                    var near = Nearest(places, anchor.First);
                    count++;
                    first = Math.Min(first, near.First);
                    last = Math.Max(last, near.Last);
                }
                if (best is null || count > best.Value.Count || (count == best.Value.Count && last - first < best.Value.Width))
                    best = (count, last - first, new Found(anchor.Field, first, last, 0));
            }
        return best?.Span;
    }

    private static WordPlace Nearest(WordPlace[] byFirst, int token)
    {
        var i = Search(byFirst, 0, byFirst.Length, p => p.First < token);
        if (i == byFirst.Length) return byFirst[^1];
        return i > 0 && token - byFirst[i - 1].First < byFirst[i].First - token ? byFirst[i - 1] : byFirst[i];
    }

    private static WordPlace[] Sorted(List<WordPlace> places) => places.OrderBy(p => p.Field).ThenBy(p => p.Last).ToArray();

    private static int Compare(ArticleField f1, int a, ArticleField f2, int b) => f1 != f2 ? f1.CompareTo(f2) : a.CompareTo(b);

    /// <summary>The first index in [from, to) whose place does not satisfy <paramref name="before"/> (which holds for a prefix).</summary>
    private static int Search(WordPlace[] places, int from, int to, Func<WordPlace, bool> before)
    {
        while (from < to)
        {
            var mid = (from + to) / 2;
            if (before(places[mid])) from = mid + 1;
            else to = mid;
        }
        return from;
    }

    private static int Search(WordPlace[] places, Func<WordPlace, bool> before) => Search(places, 0, places.Length, before);

    /// <summary>A sparse table: the index of the smallest value in any range, in constant time.</summary>
    private sealed class RangeMinimum
    {
        private readonly int[] values;
        private readonly int[][] table;

        public RangeMinimum(int[] values)
        {
            this.values = values;
            var levels = 1;
            while (1 << levels <= values.Length) levels++;
            table = new int[levels][];
            table[0] = Enumerable.Range(0, values.Length).ToArray();
            for (var l = 1; l < levels; l++)
            {
                var width = 1 << l;
                table[l] = new int[Math.Max(0, values.Length - width + 1)];
                for (var i = 0; i + width <= values.Length; i++)
                    table[l][i] = Min(table[l - 1][i], table[l - 1][i + width / 2]);
            }
        }

        /// <summary>The index of the smallest value in [from, to], both included.</summary>
        public int IndexOf(int from, int to)
        {
            var level = 31 - System.Numerics.BitOperations.LeadingZeroCount((uint)(to - from + 1));
            return Min(table[level][from], table[level][to - (1 << level) + 1]);
        }

        private int Min(int a, int b) => values[b] < values[a] ? b : a;
    }
}
