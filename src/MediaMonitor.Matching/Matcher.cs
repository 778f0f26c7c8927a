using MediaMonitor.Matching.Engine;
using MediaMonitor.Matching.Rules;

namespace MediaMonitor.Matching;

/// <summary>
/// All watchlists compiled into one structure: a vocabulary from every surface form of every term word to word ids,
/// and one trie of phrases over those ids, holding the terms and the phrases of the rules alike. Matching analyses each
/// field once and costs array reads per word, not per term. Immutable after <see cref="Compile(IEnumerable{WatchlistDefinition})"/>;
/// <see cref="Match"/> may be called from any number of threads at once (each call takes working buffers of its own).
/// </summary>
public sealed class Matcher
{
    /// <summary>Hits of one phrase a match reports; the others are counted in <see cref="WatchlistMatch.HitsOmitted"/>.</summary>
    public const int MaxHitsPerTerm = 20;

    /// <summary>Hits one match reports in all.</summary>
    public const int MaxHitsPerMatch = 100;

    /// <summary>
    /// Hits of one term an article keeps while it is scanned; past them hits are counted only. More than are reported,
    /// so that the hits a longer term of the same watchlist covers can be dropped and still leave enough to report.
    /// </summary>
    internal const int MaxHitsKeptPerTerm = 100;

    /// <summary>
    /// Hits of one rule phrase an article keeps for the rule to judge (NEAR pairs them): a rule looks at the first
    /// 1,000 occurrences of each of its phrases in an article.
    /// </summary>
    internal const int MaxHitsKeptPerRulePhrase = 1_000;

    private readonly CompiledSet set;

    /// <summary>
    /// Idle scanners (working buffers and the per-word cache: a few MB once warm, about 10 MB at 100,000 terms). A scanner is taken for one article
    /// and put back, so there are about as many as articles matched at once, not one per thread that ever called
    /// <see cref="Match"/> (a web server's pool may run dozens). Each caller starts looking at a slot of its own, so a
    /// thread usually gets back the scanner it used last, with its cache warm.
    /// </summary>
    private readonly Scanner?[] idle = new Scanner?[Math.Max(4, Environment.ProcessorCount * 2)];

    private Matcher(CompiledSet set, int termCount, int ruleCount)
    {
        this.set = set;
        TermCount = termCount;
        RuleCount = ruleCount;
    }

    /// <summary>
    /// Compiles the watchlists, parsing their rules with <see cref="RuleParser.Parse"/>. Terms that
    /// <see cref="TermRules.Validate"/> refuses, and rules that do not parse, are left out rather than failing the whole
    /// set (the API refuses them up front; this keeps one stored bad term or rule from stopping all matching).
    /// </summary>
    /// <exception cref="ArgumentException">Two watchlists share an id.</exception>
    public static Matcher Compile(IEnumerable<WatchlistDefinition> watchlists) => Compile(watchlists, RuleParser.Parse);

    /// <summary>Compiles the watchlists, turning each rule text into its syntax tree with <paramref name="parseRule"/>
    /// (for callers that hold parsed rules already, and for tests); a rule it throws
    /// <see cref="RuleSyntaxException"/> for is left out.</summary>
    public static Matcher Compile(IEnumerable<WatchlistDefinition> watchlists, Func<string, RuleNode> parseRule)
    {
        ArgumentNullException.ThrowIfNull(watchlists);
        ArgumentNullException.ThrowIfNull(parseRule);
        var lists = watchlists.ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in lists)
        {
            ArgumentNullException.ThrowIfNull(w);
            if (!seen.Add(w.Id)) throw new ArgumentException($"Watchlist id '{w.Id}' appears twice.", nameof(watchlists));
        }

        var vocabulary = new Vocabulary.Builder();
        var trie = new PhraseTrie.Builder();
        var entries = new List<EntryTable.Entry>();
        var rules = new CompiledRule?[lists.Length];
        var termCount = 0;
        var ruleCount = 0;
        for (var w = 0; w < lists.Length; w++)
        {
            var terms = lists[w].Terms ?? [];
            for (var t = 0; t < terms.Count; t++)
            {
                var term = terms[t];
                if (term is null || TermRules.Validate(term) is not null) continue;
                var compiled = TermCompiler.Compile(term.Phrase, wildcard: false, vocabulary);
                AddCompiled(new EntryTable.Entry(w, t, term.Phrase, compiled.Exact ? 0 : EntryTable.DefaultGap,
                    EntryTable.TitleBit | EntryTable.BodyBit, -1, compiled.LongestPattern), compiled);
                termCount++;
            }

            if (string.IsNullOrWhiteSpace(lists[w].Rule)) continue;
            RuleNode node;
            try
            {
                node = parseRule(lists[w].Rule!);
            }
            catch (RuleSyntaxException)
            {
                continue;
            }
            var watchlist = w;
            var firstLeafOrder = terms.Count;
            rules[w] = CompiledRule.Compile(node, (phrase, leaf) =>
            {
                var text = phrase.Text ?? "";
                var wildcard = phrase.Wildcard || text.EndsWith('*');
                text = text.TrimEnd('*');
                var compiled = TermCompiler.Compile(text, wildcard, vocabulary);
                var gap = compiled.Exact ? 0 : Math.Clamp(phrase.MaxGap ?? EntryTable.DefaultGap, 0, EntryTable.MaxGap);
                var fields = phrase.Field switch
                {
                    ArticleField.Title => EntryTable.TitleBit,
                    ArticleField.Body => EntryTable.BodyBit,
                    _ => (byte)(EntryTable.TitleBit | EntryTable.BodyBit),
                };
                AddCompiled(new EntryTable.Entry(watchlist, firstLeafOrder + leaf, phrase.Text ?? "", gap, fields, leaf,
                    compiled.LongestPattern), compiled);
            });
            ruleCount++;
        }

        var vocab = vocabulary.Build();
        var table = new EntryTable(entries);
        var set = new CompiledSet(lists, table, vocab, trie.Build(vocab.WordCount, table.Info), rules);
        return new Matcher(set, termCount, ruleCount);

        // A phrase's patterns, and those whose words must stand side by side as an entry of its own with no gap.
        void AddCompiled(EntryTable.Entry entry, TermCompiler.Compiled compiled)
        {
            AddEntry(entry, compiled.Patterns);
            if (compiled.AdjacentPatterns.Count > 0) AddEntry(entry with { Gap = 0 }, compiled.AdjacentPatterns);
        }

        void AddEntry(EntryTable.Entry entry, List<int[]> patterns)
        {
            var index = entries.Count;
            entries.Add(entry);
            foreach (var pattern in patterns) trie.Add(pattern, index);
        }
    }

    public int WatchlistCount => set.Watchlists.Length;

    /// <summary>Terms compiled, over all watchlists (a phrase in two watchlists counts twice; refused terms not at all).</summary>
    public int TermCount { get; }

    /// <summary>Watchlists whose rule was compiled (rules that did not parse are not counted).</summary>
    public int RuleCount { get; }

    /// <summary>
    /// The watchlists with at least one hit, in compile order; each one's hits ordered by field, then start.
    /// A watchlist matches when any of its terms does, or when its rule holds (see <see cref="CompiledRule"/>); the hits
    /// are those of its terms and those that make its rule hold, with the rule phrase's text as their term.
    /// One hit per mention and watchlist: a hit inside a longer hit of the same watchlist is dropped, and when several
    /// terms match the same words the first term listed (terms before rule phrases) names the hit.
    /// </summary>
    public IReadOnlyList<WatchlistMatch> Match(ArticleText article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (set.Entries.Count == 0) return [];
        var first = (int)((uint)Environment.CurrentManagedThreadId % (uint)idle.Length);
        var scanner = Take(first) ?? new Scanner(set);
        try
        {
            return scanner.Match(article);
        }
        finally
        {
            PutBack(scanner, first);
        }
    }

    private Scanner? Take(int first)
    {
        for (int k = 0, i = first; k < idle.Length; k++, i = i + 1 == idle.Length ? 0 : i + 1)
            if (Volatile.Read(ref idle[i]) is not null && Interlocked.Exchange(ref idle[i], null) is { } scanner)
                return scanner;
        return null;
    }

    private void PutBack(Scanner scanner, int first)
    {
        for (int k = 0, i = first; k < idle.Length; k++, i = i + 1 == idle.Length ? 0 : i + 1)
            if (Volatile.Read(ref idle[i]) is null && Interlocked.CompareExchange(ref idle[i], scanner, null) is null)
                return;
        // More articles at once than slots: this one is let go.
    }
}
