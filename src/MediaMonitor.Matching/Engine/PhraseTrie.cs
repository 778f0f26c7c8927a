namespace MediaMonitor.Matching.Engine;

/// <summary>
/// All phrases of all watchlists as one trie over word ids, so an article is walked once whatever the number of terms:
/// the work per article word is a few hash lookups, never a loop over terms. Edges live in a single dictionary keyed by
/// (node, word id), which stays compact at 100,000 terms where a dictionary per node would not.
/// </summary>
internal sealed class PhraseTrie
{
    private readonly Dictionary<long, int> edges;
    private readonly int[][] terminals;
    private readonly bool[] hasChildren;

    private PhraseTrie(Dictionary<long, int> edges, int[][] terminals, bool[] hasChildren)
    {
        this.edges = edges;
        this.terminals = terminals;
        this.hasChildren = hasChildren;
    }

    public const int Root = 0;

    public int NodeCount => terminals.Length;

    public bool TryChild(int node, int word, out int child) => edges.TryGetValue(EdgeKey(node, word), out child);

    public bool HasChildren(int node) => hasChildren[node];

    /// <summary>Indexes of the term entries whose phrase ends at <paramref name="node"/>.</summary>
    public int[] TerminalsAt(int node) => terminals[node];

    private static long EdgeKey(int node, int word) => ((long)node << 32) | (uint)word;

    public sealed class Builder
    {
        private readonly Dictionary<long, int> edges = new();
        private readonly List<List<int>?> terminals = [null];
        private readonly List<bool> hasChildren = [false];

        public void Add(IReadOnlyList<int> words, int termEntry)
        {
            var node = Root;
            foreach (var w in words)
            {
                var key = EdgeKey(node, w);
                if (!edges.TryGetValue(key, out var child))
                {
                    child = terminals.Count;
                    terminals.Add(null);
                    hasChildren.Add(false);
                    edges.Add(key, child);
                    hasChildren[node] = true;
                }
                node = child;
            }
            var list = terminals[node] ??= [];
            if (list.Count == 0 || list[^1] != termEntry) list.Add(termEntry);   // a term's variants are added in a row
        }

        public PhraseTrie Build() => new(
            edges,
            terminals.Select(t => t?.ToArray() ?? []).ToArray(),
            hasChildren.ToArray());
    }
}
