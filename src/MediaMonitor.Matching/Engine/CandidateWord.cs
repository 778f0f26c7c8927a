namespace MediaMonitor.Matching.Engine;

/// <summary>
/// One word an article token can be, with what the trie says of it as the first word of a phrase: the node it leads to
/// (-1: it starts none), whether a phrase ends there, how many words may stand before the next one, and the mask of the
/// words that may follow. Computed once per distinct article word (see <see cref="TokenCache"/>).
/// </summary>
internal readonly struct CandidateWord
{
    public readonly ulong ChildMask;
    public readonly int Word;
    public readonly int Root;
    public readonly int NextGap;
    public readonly bool EndsPhrase;

    private CandidateWord(int word, int root, ulong childMask, int nextGap, bool endsPhrase)
    {
        Word = word;
        Root = root;
        ChildMask = childMask;
        NextGap = nextGap;
        EndsPhrase = endsPhrase;
    }

    public static CandidateWord Of(int word, PhraseTrie trie)
    {
        var root = trie.RootChild(word);
        if (root < 0) return new CandidateWord(word, -1, 0, -1, false);
        ref readonly var node = ref trie.NodeAt(root);
        return new CandidateWord(word, root, node.ChildMask, node.NextGap, node.TerminalEnd > node.TerminalStart);
    }
}
