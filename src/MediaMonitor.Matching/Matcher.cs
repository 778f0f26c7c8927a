using MediaMonitor.Matching.Analysis;
using MediaMonitor.Matching.Engine;

namespace MediaMonitor.Matching;

/// <summary>
/// All watchlists compiled into one structure: a vocabulary from every surface form of every term word to word ids,
/// and one trie of phrases over those ids. Matching analyses each field once and costs hash lookups per word, not
/// per term. Immutable after <see cref="Compile"/>, so one instance serves any number of threads.
/// </summary>
public sealed class Matcher
{
    private readonly WatchlistDefinition[] watchlists;
    private readonly TermEntry[] entries;
    private readonly Vocabulary vocabulary;
    private readonly PhraseTrie trie;
    private readonly bool anyLanguageRestriction;

    private Matcher(WatchlistDefinition[] watchlists, TermEntry[] entries, Vocabulary vocabulary, PhraseTrie trie, int termCount)
    {
        this.watchlists = watchlists;
        this.entries = entries;
        this.vocabulary = vocabulary;
        this.trie = trie;
        TermCount = termCount;
        anyLanguageRestriction = entries.Any(e => e.Language != ArticleLanguage.Any);
    }

    /// <summary>
    /// Compiles the watchlists. Terms that <see cref="TermRules.Validate"/> refuses are left out rather than failing
    /// the whole set (the API refuses them up front; this keeps one stored bad term from stopping all matching).
    /// </summary>
    /// <exception cref="ArgumentException">Two watchlists share an id.</exception>
    public static Matcher Compile(IEnumerable<WatchlistDefinition> watchlists)
    {
        ArgumentNullException.ThrowIfNull(watchlists);
        var lists = watchlists.ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in lists)
        {
            ArgumentNullException.ThrowIfNull(w);
            if (!seen.Add(w.Id)) throw new ArgumentException($"Watchlist id '{w.Id}' appears twice.", nameof(watchlists));
        }

        var vocabulary = new Vocabulary.Builder();
        var trie = new PhraseTrie.Builder();
        var entries = new List<TermEntry>();
        var termCount = 0;
        for (var w = 0; w < lists.Length; w++)
        {
            var terms = lists[w].Terms ?? [];
            for (var t = 0; t < terms.Count; t++)
            {
                var term = terms[t];
                if (term is null || TermRules.Validate(term) is not null) continue;
                var compiled = TermCompiler.Compile(term, vocabulary);
                var entry = entries.Count;
                entries.Add(new TermEntry(w, t, term.Phrase, compiled.Exact, compiled.RequiresDefiniteArticle,
                    ArticleLanguages.Parse(term.Lang)));
                foreach (var pattern in compiled.Patterns) trie.Add(pattern, entry);
                termCount++;
            }
        }
        return new Matcher(lists, entries.ToArray(), vocabulary.Build(), trie.Build(), termCount);
    }

    public int WatchlistCount => watchlists.Length;

    /// <summary>Terms compiled, over all watchlists (a phrase in two watchlists counts twice; refused terms not at all).</summary>
    public int TermCount { get; }

    /// <summary>
    /// The watchlists with at least one hit, in compile order; each one's hits ordered by field, then start.
    /// One hit per mention and watchlist: a hit inside a longer hit of the same watchlist is dropped, and when several
    /// terms match the same words the first term listed names the hit.
    /// </summary>
    public IReadOnlyList<WatchlistMatch> Match(ArticleText article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (entries.Length == 0) return [];
        var language = ArticleLanguages.Parse(article.Lang);
        if (language == ArticleLanguage.Any && anyLanguageRestriction)
        {
            var (titleArabic, titleLatin) = LanguageDetector.CountLetters(article.Title);
            var (bodyArabic, bodyLatin) = LanguageDetector.CountLetters(article.Body);
            language = ArticleLanguages.Parse(LanguageDetector.Decide((titleArabic + bodyArabic, titleLatin + bodyLatin)));
        }

        var scanner = FieldScanner.ForThisThread;
        var titleHits = scanner.TitleHits;
        var bodyHits = scanner.BodyHits;
        titleHits.Clear();
        bodyHits.Clear();
        if (!string.IsNullOrEmpty(article.Title)) scanner.Scan(article.Title, vocabulary, trie, entries, language, titleHits);
        if (!string.IsNullOrEmpty(article.Body)) scanner.Scan(article.Body, vocabulary, trie, entries, language, bodyHits);
        return titleHits.Count + bodyHits.Count == 0 ? [] : Group(titleHits, bodyHits, article);
    }

    private IReadOnlyList<WatchlistMatch> Group(List<RawHit> titleHits, List<RawHit> bodyHits, ArticleText article)
    {
        var byWatchlist = new SortedDictionary<int, List<(ArticleField Field, RawHit Hit)>>();
        foreach (var (field, hits) in new[] { (ArticleField.Title, titleHits), (ArticleField.Body, bodyHits) })
        {
            foreach (var h in hits)
            {
                var w = entries[h.Entry].Watchlist;
                if (!byWatchlist.TryGetValue(w, out var list)) byWatchlist.Add(w, list = []);
                list.Add((field, h));
            }
        }

        var result = new List<WatchlistMatch>(byWatchlist.Count);
        foreach (var (w, list) in byWatchlist)
        {
            list.Sort((a, b) =>
            {
                var c = a.Field.CompareTo(b.Field);
                if (c == 0) c = a.Hit.Start.CompareTo(b.Hit.Start);
                if (c == 0) c = b.Hit.End.CompareTo(a.Hit.End);
                return c != 0 ? c : entries[a.Hit.Entry].Order.CompareTo(entries[b.Hit.Entry].Order);
            });
            var kept = new List<Hit>(list.Count);
            var coveredField = (ArticleField)(-1);
            var coveredTo = -1;
            foreach (var (field, hit) in list)
            {
                // One hit per mention: داعش inside تنظيم داعش, or covid inside COVID-19, is the same mention.
                if (field == coveredField && hit.End <= coveredTo) continue;
                coveredField = field;
                coveredTo = hit.End;
                var text = field == ArticleField.Title ? article.Title! : article.Body;
                kept.Add(new Hit(entries[hit.Entry].Phrase, field, hit.Start, hit.End - hit.Start, text[hit.Start..hit.End]));
            }
            result.Add(new WatchlistMatch(watchlists[w].Id, watchlists[w].Version, kept));
        }
        return result;
    }
}
