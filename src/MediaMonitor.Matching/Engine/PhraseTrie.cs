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
    private readonly Terminal[] terminals;

    private readonly ulong[] edgeBloom;
    private readonly ulong edgeBloomMask;

    private PhraseTrie(int[] rootChild, Node[] nodes, Edge[] edges, Terminal[] terminals)
    {
        this.rootChild = rootChild;
        this.nodes = nodes;
        this.edges = edges;
        this.terminals = terminals;
        // Edges of big nodes only (the others never ask): about 16 bits each.
        var big = nodes.Where(n => n.ChildEnd - n.ChildStart >= 8).Sum(n => n.ChildEnd - n.ChildStart);
        edgeBloom = new ulong[System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, big * 16 / 64))];
        edgeBloomMask = (ulong)edgeBloom.Length - 1;
        foreach (var n in nodes)
        {
            if (n.ChildEnd - n.ChildStart < 8) continue;
            for (var k = n.ChildStart; k < n.ChildEnd; k++)
            {
                var key = EdgeBloomKey(n.ChildStart, edges[k].Word);
                edgeBloom[(key >> 6) & edgeBloomMask] |= 1UL << (int)(key & 63);
            }
        }
    }

    /// <summary>A hash of (node, word), the node named by where its children start.</summary>
    private static ulong EdgeBloomKey(int childStart, int word)
    {
        var k = ((ulong)(uint)childStart << 32) | (uint)word;
        k ^= k >> 33;
        k *= 0xFF51AFD7ED558CCDUL;
        return k ^ (k >> 29);
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
        // A node with many children (one after "the" or "في") has every mask bit set: a Bloom filter of all edges,
        // small enough to stay in cache, refuses most misses before the binary search reads the edges.
        var key = EdgeBloomKey(lo, word);
        if ((edgeBloom[(key >> 6) & edgeBloomMask] & (1UL << (int)(key & 63))) == 0) return -1;
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

    /// <summary>Entries whose phrase ends at the node, with what a match of each must satisfy.</summary>
    public ReadOnlySpan<Terminal> TerminalsAt(in Node node) => terminals.AsSpan(node.TerminalStart, node.TerminalEnd - node.TerminalStart);

    /// <summary>An entry whose phrase ends at a node, with its <see cref="EntryInfo"/> copied in: read where the walk
    /// already is, rather than in the entry table.</summary>
    public readonly record struct Terminal(int Entry, EntryInfo Info);

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
        /// <param name="entries">What each entry's matches must satisfy.</param>
        /// <remarks>Nodes are numbered depth first, so a phrase's nodes (and a node's children) sit close together in
        /// memory: following a two- or three-word phrase touches one or two cache lines, not one per node.</remarks>
        public PhraseTrie Build(int wordCount, IReadOnlyList<EntryInfo> entries)
        {
            var n = terminalLists.Count;
            var children = new List<Edge>?[n];
            foreach (var (key, child) in edgeMap)
            {
                var parent = (int)(key >> 32);
                (children[parent] ??= []).Add(new Edge((int)(uint)key, child));
            }
            foreach (var list in children) list?.Sort((a, b) => a.Word.CompareTo(b.Word));

            // Depth-first numbering: old number → new number.
            var renumber = new int[n];
            var order = new int[n];
            var next = 0;
            var stack = new Stack<int>();
            stack.Push(Root);
            while (stack.Count > 0)
            {
                var old = stack.Pop();
                renumber[old] = next;
                order[next++] = old;
                if (children[old] is { } list)
                    for (var k = list.Count - 1; k >= 0; k--) stack.Push(list[k].Node);
            }

            var rootChild = new int[wordCount];
            Array.Fill(rootChild, -1);
            if (children[Root] is { } roots)
                foreach (var e in roots) rootChild[e.Word] = renumber[e.Node];

            var nodes = new Node[n];
            var edges = new List<Edge>();
            var terminals = new List<Terminal>();
            for (var i = 0; i < n; i++)
            {
                var old = order[i];
                ref var node = ref nodes[i];
                node.ChildStart = edges.Count;
                if (i != Root && children[old] is { } list)
                    foreach (var e in list)
                    {
                        edges.Add(new Edge(e.Word, renumber[e.Node]));
                        node.ChildMask |= 1UL << (e.Word & 63);
                    }
                node.ChildEnd = edges.Count;
                node.TerminalStart = terminals.Count;
                if (terminalLists[old] is { } ends)
                    foreach (var entry in ends) terminals.Add(new Terminal(entry, entries[entry]));
                node.TerminalEnd = terminals.Count;
                node.NextGap = -1;
                node.SubtreeGap = -1;
            }

            // Children always come after their parent in depth-first order, so one backward pass sees every child first.
            var parentOf = new int[n];
            foreach (var (key, child) in edgeMap) parentOf[renumber[child]] = renumber[(int)(key >> 32)];
            for (var i = n - 1; i >= 0; i--)
            {
                ref var node = ref nodes[i];
                for (var t = node.TerminalStart; t < node.TerminalEnd; t++)
                    node.SubtreeGap = Math.Max(node.SubtreeGap, terminals[t].Info.Gap);
                node.SubtreeGap = Math.Max(node.SubtreeGap, node.NextGap);
                if (i == Root) break;
                ref var parent = ref nodes[parentOf[i]];
                parent.NextGap = Math.Max(parent.NextGap, node.SubtreeGap);
            }
            return new PhraseTrie(rootChild, nodes, edges.ToArray(), terminals.ToArray());
        }
    }
}
