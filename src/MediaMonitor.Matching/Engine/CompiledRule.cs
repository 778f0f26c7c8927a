using MediaMonitor.Matching.Rules;

namespace MediaMonitor.Matching.Engine;

/// <summary>
/// A watchlist rule with its phrases compiled into the trie like terms (each one an entry, see <see cref="EntryTable"/>)
/// and its operators kept as a small tree, evaluated only for an article in which some phrase of the rule was found.
/// </summary>
/// <remarks>
/// Semantics: a phrase holds when it has a hit in a field it allows; AND, OR and NOT combine those; <c>a NEAR/n b</c>
/// holds when a hit of each side lie in the same field, do not overlap, and have at most n words between them
/// (ONEAR: a's hit ends before b's starts); <c>lang:xx</c> holds when the article's language (given, else detected
/// from its letters) is xx. A rule that holds reports the hits that make it hold: every hit of a phrase that holds
/// outside NOT, and for NEAR only the hits that have a partner within the distance. A rule that holds with no such
/// hit (possible only for rules the parser refuses, such as <c>NOT x</c>) does not match.
/// </remarks>
internal sealed class CompiledRule
{
    private CompiledRule(Expr root, int leafCount)
    {
        Root = root;
        LeafCount = leafCount;
    }

    public Expr Root { get; }

    public int LeafCount { get; }

    public abstract class Expr;

    public sealed class LeafExpr(int leaf) : Expr
    {
        public int Leaf { get; } = leaf;
    }

    public sealed class AndExpr(Expr[] operands) : Expr
    {
        public Expr[] Operands { get; } = operands;
    }

    public sealed class OrExpr(Expr[] operands) : Expr
    {
        public Expr[] Operands { get; } = operands;
    }

    public sealed class NotExpr(Expr operand) : Expr
    {
        public Expr Operand { get; } = operand;
    }

    public sealed class NearExpr(Expr left, Expr right, int distance, bool ordered) : Expr
    {
        public Expr Left { get; } = left;
        public Expr Right { get; } = right;
        public int Distance { get; } = distance;
        public bool Ordered { get; } = ordered;
    }

    public sealed class LangExpr(ArticleLanguage language) : Expr
    {
        public ArticleLanguage Language { get; } = language;
    }

    /// <summary>Compiles a parsed rule; <paramref name="addLeaf"/> compiles one phrase and is given its leaf index.</summary>
    public static CompiledRule Compile(RuleNode node, Action<PhraseNode, int> addLeaf)
    {
        var leaves = 0;
        var root = Build(node);
        return new CompiledRule(root, leaves);

        Expr Build(RuleNode n) => n switch
        {
            PhraseNode p => Leaf(p),
            AndNode a => new AndExpr(a.Operands.Select(Build).ToArray()),
            OrNode o => new OrExpr(o.Operands.Select(Build).ToArray()),
            NotNode x => new NotExpr(Build(x.Operand)),
            NearNode near => new NearExpr(Build(near.Left), Build(near.Right), Math.Max(0, near.Distance), near.Ordered),
            LangNode l => new LangExpr(ArticleLanguages.Parse(l.Lang)),
            _ => throw new NotSupportedException($"Rule node {n.GetType().Name} is not supported."),
        };

        Expr Leaf(PhraseNode p)
        {
            var index = leaves++;
            addLeaf(p, index);
            return new LeafExpr(index);
        }
    }
}

/// <summary>Raw hits of one article, as the scanner records them; the rule evaluator reads them by index.</summary>
internal struct RawHit
{
    public int Entry;
    public EntryInfo Info;
    public int StartToken;
    public int EndToken;
    public int StartChar;
    public int EndChar;
    public ArticleField Field;
    public bool Dropped;

    /// <summary>The next hit of the same watchlist (a linked list per watchlist), or -1.</summary>
    public int Next;
}

/// <summary>Evaluates one rule against the hits of its phrases in one article. Reused per thread; not shared.</summary>
internal sealed class RuleEvaluator
{
    private int[] leafStart = new int[8];
    private int[] leafHits = new int[16];
    private RawHit[] hits = null!;
    private ArticleText article = null!;
    private ArticleLanguage? knownLanguage;

    /// <summary>
    /// Whether the rule holds; when it does, adds to <paramref name="reported"/> the raw hits that make it hold.
    /// <paramref name="ruleHits"/> are this watchlist's raw hits of rule phrases.
    /// </summary>
    public bool Evaluate(CompiledRule rule, RawHit[] hits, ReadOnlySpan<int> ruleHits, ArticleText article, List<int> reported)
    {
        this.hits = hits;
        this.article = article;
        knownLanguage = null;
        var leaves = rule.LeafCount;
        if (leafStart.Length < leaves + 2) leafStart = new int[leaves + 2];
        if (leafHits.Length < ruleHits.Length) leafHits = new int[ruleHits.Length * 2];
        // Counting sort of the hits by phrase: leafStart[k]..leafStart[k + 1] are phrase k's hits.
        Array.Clear(leafStart, 0, leaves + 2);
        foreach (var h in ruleHits) leafStart[hits[h].Info.Leaf + 2]++;
        for (var k = 2; k < leaves + 2; k++) leafStart[k] += leafStart[k - 1];
        foreach (var h in ruleHits) leafHits[leafStart[hits[h].Info.Leaf + 1]++] = h;

        if (!Holds(rule.Root))
        {
            this.hits = null!;
            this.article = null!;
            return false;
        }
        var before = reported.Count;
        Collect(rule.Root, reported);
        this.hits = null!;
        this.article = null!;
        return reported.Count > before;
    }

    private ReadOnlySpan<int> HitsOf(int leaf) => leafHits.AsSpan(leafStart[leaf], leafStart[leaf + 1] - leafStart[leaf]);

    private bool Holds(CompiledRule.Expr e)
    {
        switch (e)
        {
            case CompiledRule.LeafExpr leaf:
                return leafStart[leaf.Leaf + 1] > leafStart[leaf.Leaf];
            case CompiledRule.AndExpr and:
                foreach (var o in and.Operands) if (!Holds(o)) return false;
                return true;
            case CompiledRule.OrExpr or:
                foreach (var o in or.Operands) if (Holds(o)) return true;
                return false;
            case CompiledRule.NotExpr not:
                return !Holds(not.Operand);
            case CompiledRule.LangExpr lang:
                knownLanguage ??= ArticleLanguages.Of(article);
                return knownLanguage == lang.Language;
            case CompiledRule.NearExpr near:
                return Near(near, null);
            default:
                return false;
        }
    }

    /// <summary>Adds the hits that make a holding expression hold (none for NOT and lang:).</summary>
    private void Collect(CompiledRule.Expr e, List<int> into)
    {
        switch (e)
        {
            case CompiledRule.LeafExpr leaf:
                foreach (var h in HitsOf(leaf.Leaf)) into.Add(h);
                break;
            case CompiledRule.AndExpr and:
                foreach (var o in and.Operands) Collect(o, into);
                break;
            case CompiledRule.OrExpr or:
                foreach (var o in or.Operands) if (Holds(o)) Collect(o, into);
                break;
            case CompiledRule.NearExpr near:
                Near(near, into);
                break;
        }
    }

    /// <summary>Whether some pair of hits of the two sides is close enough; adds every hit of such a pair to
    /// <paramref name="into"/> when given.</summary>
    /// <remarks>
    /// Two hits are close when they lie in one field, do not overlap, and have at most n words between them (ONEAR: the
    /// left one first). Each hit looks for a partner by binary search over the other side's starts and ends, so a side
    /// of thousands of hits (a wide OR in a long article) costs n log n, not the product of the sides.
    /// </remarks>
    private bool Near(CompiledRule.NearExpr near, List<int>? into)
    {
        if (!Holds(near.Left) || !Holds(near.Right)) return false;
        // The sides' own hits, gathered into lists of their own: a side may itself be an OR or a NEAR.
        var l = new List<int>();
        var r = new List<int>();
        Collect(near.Left, l);
        Collect(near.Right, r);
        var d = near.Distance;
        var (leftStarts, leftEnds) = Positions(l);
        var (rightStarts, rightEnds) = Positions(r);
        var found = false;
        foreach (var a in l)
        {
            ref readonly var h = ref hits[a];
            // A right hit starting just after this one, or (NEAR) ending just before it.
            if (!Any(rightStarts, h.Field, h.EndToken + 1, h.EndToken + 1 + d)
                && (near.Ordered || !Any(rightEnds, h.Field, h.StartToken - 1 - d, h.StartToken - 1))) continue;
            if (into is null) return true;
            found = true;
            into.Add(a);
        }
        if (!found) return false;
        foreach (var b in r)
        {
            ref readonly var h = ref hits[b];
            if (Any(leftEnds, h.Field, h.StartToken - 1 - d, h.StartToken - 1)
                || (!near.Ordered && Any(leftStarts, h.Field, h.EndToken + 1, h.EndToken + 1 + d))) into!.Add(b);
        }
        return true;
    }

    /// <summary>The hits' starts and ends as sorted keys, field first, for <see cref="Any"/>.</summary>
    private (long[] Starts, long[] Ends) Positions(List<int> side)
    {
        var starts = new long[side.Count];
        var ends = new long[side.Count];
        for (var i = 0; i < side.Count; i++)
        {
            ref readonly var h = ref hits[side[i]];
            starts[i] = Key(h.Field, h.StartToken);
            ends[i] = Key(h.Field, h.EndToken);
        }
        Array.Sort(starts);
        Array.Sort(ends);
        return (starts, ends);
    }

    /// <summary>Whether some key of <paramref name="sorted"/> lies in the field between the two token positions (inclusive).</summary>
    private static bool Any(long[] sorted, ArticleField field, int from, int to)
    {
        if (to < 0) return false;
        var lowest = Key(field, Math.Max(0, from));
        var at = Array.BinarySearch(sorted, lowest);
        if (at < 0) at = ~at;
        return at < sorted.Length && sorted[at] <= Key(field, to);
    }

    private static long Key(ArticleField field, int token) => ((long)field << 32) | (uint)token;
}
