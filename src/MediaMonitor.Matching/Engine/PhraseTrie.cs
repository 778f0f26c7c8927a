namespace MediaMonitor.Matching.Engine;

/// <summary>
/// All phrases of all watchlists as one trie over word ids, so an article is walked once whatever the number of terms:
/// the work per article word is a few array reads, never a loop over terms. The root's children are an array indexed by
/// word id (one read tells whether a word starts any phrase); every other node keeps its children sorted in one shared
/// array, behind a 64-bit mask of their ids that rejects most misses without touching them.
/// </summary>
internal sealed class PhraseTrie
{
    public const int Root = 0;

    /// <summary>Everything a walk reads at one node, in one place (one cache line at most).</summary>
    public struct Node
    {
        /// <summary>Bit (word id mod 64) set for each child's word: most misses end here.</summary>
        public ulong ChildMask;
        public int ChildStart;
        public int ChildEnd;
        public int TerminalStart;
        public int TerminalEnd;

        /// <summary>The most words any entry below lets stand before its next word; -1 when no child.</summary>
        public int NextGap;

        /// <summary>The most words any entry at or below lets stand between two of its words.</summary>
        public int SubtreeGap;
    }

    /// <summary>One child of a node: the word leading to it and its number.</summary>
    public readonly record struct Edge(int Word, int Node);

    private readonly int[] rootChild;
    private readonly Node[] nodes;
    private readonly Edge[] edges;
    private readonly int[] terminals;

    private PhraseTrie(int[] rootChild, Node[] nodes, Edge[] edges, int[] terminals)
    {
        this.rootChild = rootChild;
        this.nodes = nodes;
        this.edges = edges;
        this.terminals = terminals;
    }

    public int NodeCount => nodes.Length;

    /// <summary>The node a phrase starting with <paramref name="word"/> reaches, or -1.</summary>
    public int RootChild(int word) => (uint)word < (uint)rootChild.Length ? rootChild[word] : -1;

    public ref readonly Node NodeAt(int node) => ref nodes[node];

    /// <summary>The child of a non-root node along <paramref name="word"/>, or -1.</summary>
    public int Child(in Node node, int word)
    {
        if ((node.ChildMask & (1UL << (word & 63))) == 0) return -1;
        var lo = node.ChildStart;
        var hi = node.ChildEnd - 1;
        if (hi - lo < 8)
        {
            for (var k = lo; k <= hi; k++) if (edges[k].Word == word) return edges[k].Node;
            return -1;
        }
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var w = edges[mid].Word;
            if (w == word) return edges[mid].Node;
            if (w < word) lo = mid + 1;
            else hi = mid - 1;
        }
        return -1;
    }

    /// <summary>Entries whose phrase ends at the node.</summary>
    public ReadOnlySpan<int> TerminalsAt(in Node node) => terminals.AsSpan(node.TerminalStart, node.TerminalEnd - node.TerminalStart);

    public sealed class Builder
    {
        private readonly Dictionary<long, int> edgeMap = new();
        private readonly List<List<int>?> terminalLists = [null];

        private static long EdgeKey(int node, int word) => ((long)node << 32) | (uint)word;

        public void Add(ReadOnlySpan<int> words, int entry)
        {
            var node = Root;
            foreach (var w in words)
            {
                var key = EdgeKey(node, w);
                if (!edgeMap.TryGetValue(key, out var child))
                {
                    child = terminalLists.Count;
                    terminalLists.Add(null);
                    edgeMap.Add(key, child);
                }
                node = child;
            }
            var list = terminalLists[node] ??= [];
            if (!list.Contains(entry)) list.Add(entry);
        }

        /// <param name="wordCount">Ids run from 0 to this, excluded.</param>
        /// <param name="entryGap">Each entry's largest gap between two words (0 for exact phrases).</param>
        public PhraseTrie Build(int wordCount, IReadOnlyList<int> entryGap)
        {
            var n = terminalLists.Count;
            var rootChild = new int[wordCount];
            Array.Fill(rootChild, -1);
            var nodes = new Node[n];
            var childCount = new int[n];
            var parentOf = new int[n];
            foreach (var (key, child) in edgeMap)
            {
                var parent = (int)(key >> 32);
                parentOf[child] = parent;
                if (parent == Root) rootChild[(int)(uint)key] = child;
                else childCount[parent]++;
            }
            var at = 0;
            for (var i = 0; i < n; i++)
            {
                nodes[i].ChildStart = nodes[i].ChildEnd = at;
                at += childCount[i];
            }
            var edges = new Edge[at];
            foreach (var (key, child) in edgeMap)
            {
                var parent = (int)(key >> 32);
                if (parent == Root) continue;
                var word = (int)(uint)key;
                edges[nodes[parent].ChildEnd++] = new Edge(word, child);
                nodes[parent].ChildMask |= 1UL << (word & 63);
            }
            for (var i = 0; i < n; i++)
                Array.Sort(edges, nodes[i].ChildStart, nodes[i].ChildEnd - nodes[i].ChildStart,
                    Comparer<Edge>.Create((a, b) => a.Word.CompareTo(b.Word)));

            var terminals = new List<int>();
            for (var i = 0; i < n; i++)
            {
                nodes[i].TerminalStart = terminals.Count;
                if (terminalLists[i] is { } list) terminals.AddRange(list);
                nodes[i].TerminalEnd = terminals.Count;
                nodes[i].NextGap = -1;
                nodes[i].SubtreeGap = -1;
            }

            // Children always have larger numbers than their parent, so one backward pass sees every child first.
            for (var i = n - 1; i >= 0; i--)
            {
                ref var node = ref nodes[i];
                for (var t = node.TerminalStart; t < node.TerminalEnd; t++)
                    node.SubtreeGap = Math.Max(node.SubtreeGap, entryGap[terminals[t]]);
                node.SubtreeGap = Math.Max(node.SubtreeGap, node.NextGap);
                if (i == Root) break;
                ref var parent = ref nodes[parentOf[i]];
                parent.NextGap = Math.Max(parent.NextGap, node.SubtreeGap);
            }
            return new PhraseTrie(rootChild, nodes, edges, terminals.ToArray());
        }
    }
}
