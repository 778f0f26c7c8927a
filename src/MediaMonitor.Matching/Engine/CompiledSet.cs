namespace MediaMonitor.Matching.Engine;

/// <summary>What <see cref="Matcher.Compile(IEnumerable{WatchlistDefinition})"/> builds; immutable, shared by all threads.</summary>
internal sealed class CompiledSet(
    WatchlistDefinition[] watchlists,
    EntryTable entries,
    Vocabulary vocabulary,
    PhraseTrie trie,
    CompiledRule?[] rules)
{
    public WatchlistDefinition[] Watchlists { get; } = watchlists;

    /// <summary>Each watchlist's id and version side by side, as the report reads them (not one object each).</summary>
    public string[] Ids { get; } = watchlists.Select(w => w.Id).ToArray();

    public int[] Versions { get; } = watchlists.Select(w => w.Version).ToArray();
    public EntryTable Entries { get; } = entries;
    public Vocabulary Vocabulary { get; } = vocabulary;
    public PhraseTrie Trie { get; } = trie;

    /// <summary>Per watchlist, its compiled rule or null.</summary>
    public CompiledRule?[] Rules { get; } = rules;
}
