using MediaMonitor.Matching.Stories;

namespace MediaMonitor.Matching.Tests.Stories;

/// <summary>The true shingle Jaccard of two bodies (every shingle, no sampling): what the signatures estimate, so tests
/// can state how far apart two texts really are without depending on the estimate's noise.</summary>
internal static class ExactShingles
{
    public static double Jaccard(string a, string b)
    {
        var x = Of(a);
        var y = Of(b);
        var shared = x.Intersect(y).Count();
        return (double)shared / (x.Count + y.Count - shared);
    }

    private static HashSet<ulong> Of(string body)
    {
        var set = new HashSet<ulong>();
        var sink = new Collector(set);
        ShingleHashes.Distinct(body, 0, ref sink);
        return set;
    }

    private readonly struct Collector(HashSet<ulong> set) : IShingleSink
    {
        public void Add(ulong shingle) => set.Add(shingle);
    }
}
