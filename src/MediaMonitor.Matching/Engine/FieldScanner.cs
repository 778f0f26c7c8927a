using MediaMonitor.Matching.Analysis;

namespace MediaMonitor.Matching.Engine;

/// <summary>A phrase found in one field: term entry and the original character range it covers.</summary>
internal readonly record struct RawHit(int Entry, int Start, int End);

/// <summary>
/// Analyses one field of an article once (tokens, then for each token the ids of the term words it can be a form of)
/// and walks the phrase trie over it. Holds reusable buffers, so it is per thread and never shared.
/// </summary>
internal sealed class FieldScanner : ArabicClitics.IReadingSink
{
    /// <summary>Words allowed between two consecutive words of a phrase (none for a quoted phrase).</summary>
    public const int MaxGap = 2;

    [ThreadStatic] private static FieldScanner? perThread;

    private readonly TokenList tokens = new();
    private readonly CharBuffer joined = new(64);
    private readonly Dictionary<long, int> bestEnd = [];
    private readonly Dictionary<long, int> latestStart = [];
    private Candidate[] candidates = new Candidate[256];
    private int candidateCount;
    private int[] firstCandidate = new int[257];

    private Vocabulary vocabulary = null!;
    private PhraseTrie trie = null!;
    private TermEntry[] entries = null!;
    private ArticleLanguage language;
    private int currentToken;

    public static FieldScanner ForThisThread => perThread ??= new FieldScanner();

    /// <summary>Reused result lists for the caller on this thread (cleared by it before each article).</summary>
    public List<RawHit> TitleHits { get; } = new(64);

    public List<RawHit> BodyHits { get; } = new(256);

    private readonly record struct Candidate(int Word, int EndToken, bool Definite);

    public void Scan(string text, Vocabulary vocabulary, PhraseTrie trie, TermEntry[] entries, ArticleLanguage language, List<RawHit> into)
    {
        this.vocabulary = vocabulary;
        this.trie = trie;
        this.entries = entries;
        this.language = language;
        tokens.Clear();
        bestEnd.Clear();
        Tokenizer.Tokenize(text, tokens);
        FindCandidates();
        for (var i = 0; i < tokens.Count; i++)
        {
            for (var c = firstCandidate[i]; c < firstCandidate[i + 1]; c++)
            {
                var cand = candidates[c];
                if (trie.TryChild(PhraseTrie.Root, cand.Word, out var node))
                    Walk(node, i, cand.EndToken, gapped: false, cand.Definite, depth: 1);
            }
        }
        // Of two matches of one term ending on the same word, the later start is the tighter, truer one:
        // "the air air strike" holds "air strike" twice, once with a word skipped.
        latestStart.Clear();
        foreach (var (key, end) in bestEnd)
        {
            var byEnd = (key & ~0xFFFFFFFFL) | (uint)end;
            var start = (int)(uint)key;
            if (!latestStart.TryGetValue(byEnd, out var s) || start > s) latestStart[byEnd] = start;
        }
        foreach (var (key, start) in latestStart)
        {
            var entry = (int)(key >> 32);
            var end = (int)(uint)key;
            into.Add(new RawHit(entry, tokens[start].Start, tokens[end].End));
        }
        this.entries = null!;
        this.trie = null!;
        this.vocabulary = null!;
    }

    private void FindCandidates()
    {
        candidateCount = 0;
        if (firstCandidate.Length < tokens.Count + 1) firstCandidate = new int[tokens.Count * 2 + 1];
        for (var i = 0; i < tokens.Count; i++)
        {
            firstCandidate[i] = candidateCount;
            currentToken = i;
            ref var t = ref tokens[i];
            var norm = tokens.NormOf(t);
            switch (t.Kind)
            {
                case TokenKind.Arabic:
                    ArabicClitics.Readings(norm, this);
                    break;
                case TokenKind.Number:
                    AddIds(norm, i, definite: false);
                    break;
                default:
                    if (vocabulary.MayHaveLatinKey(norm)) AddIds(EnglishKey.ForThisThread.Of(norm), i, definite: false);
                    if (t.JoinsNext) AddJoined(i);
                    break;
            }
        }
        firstCandidate[tokens.Count] = candidateCount;
    }

    /// <summary>A compound written in two (airstrike as air strike or air-strike) is also one word ending at the next token.</summary>
    private void AddJoined(int i)
    {
        joined.Clear();
        joined.Append(tokens.NormOf(tokens[i]));
        joined.Append(tokens.NormOf(tokens[i + 1]));
        var word = joined.Slice(0, joined.Length);
        if (vocabulary.MayBeCompound(word)) AddIds(EnglishKey.ForThisThread.Of(word), i + 1, definite: false);
    }

    void ArabicClitics.IReadingSink.Add(ReadOnlySpan<char> foldedWord, bool definite) => AddIds(foldedWord, currentToken, definite);

    private void AddIds(ReadOnlySpan<char> key, int endToken, bool definite)
    {
        if (!vocabulary.TryGetIds(key, out var ids)) return;
        foreach (var id in ids) AddCandidate(id, endToken, definite);
    }

    private void AddCandidate(int word, int endToken, bool definite)
    {
        for (var c = firstCandidate[currentToken]; c < candidateCount; c++)
        {
            if (candidates[c].Word == word && candidates[c].EndToken == endToken)
            {
                if (definite && !candidates[c].Definite) candidates[c] = candidates[c] with { Definite = true };
                return;
            }
        }
        if (candidateCount == candidates.Length) Array.Resize(ref candidates, candidates.Length * 2);
        candidates[candidateCount++] = new Candidate(word, endToken, definite);
    }

    private void Walk(int node, int startToken, int lastToken, bool gapped, bool definite, int depth)
    {
        foreach (var e in trie.TerminalsAt(node)) Record(e, startToken, lastToken, gapped, definite, depth);
        if (!trie.HasChildren(node)) return;
        var sentence = tokens[startToken].Sentence;
        var limit = Math.Min(tokens.Count - 1, lastToken + 1 + MaxGap);
        for (var j = lastToken + 1; j <= limit; j++)
        {
            if (tokens[j].Sentence != sentence || tokens[j].Clause != tokens[lastToken].Clause) break;
            var skipped = j > lastToken + 1;
            for (var c = firstCandidate[j]; c < firstCandidate[j + 1]; c++)
            {
                var cand = candidates[c];
                if (trie.TryChild(node, cand.Word, out var child))
                    Walk(child, startToken, cand.EndToken, gapped || skipped, definite, depth + 1);
            }
        }
    }

    private void Record(int entryIndex, int startToken, int lastToken, bool gapped, bool definite, int depth)
    {
        var entry = entries[entryIndex];
        if (gapped && entry.Exact) return;
        if (entry.RequiresDefiniteArticle && !(definite && depth == 1)) return;
        if (entry.Language != ArticleLanguage.Any && language != ArticleLanguage.Any && entry.Language != language) return;
        var key = ((long)entryIndex << 32) | (uint)startToken;
        if (!bestEnd.TryGetValue(key, out var end) || lastToken < end) bestEnd[key] = lastToken;
    }
}
