using MediaMonitor.Ingestion;
using MediaMonitor.Matching;
using MediaMonitor.Matching.Explaining;

namespace MediaMonitor.Watchlists;

/// <summary>
/// What a preview gathers while articles stream past, from several threads at once: counts, the newest matches (the
/// rows arrive newest first, but the threads finish out of order, so the newest are kept by time, not by arrival) and a
/// sample of near misses.
/// </summary>
public sealed class PreviewScan(PhraseProbe probe, int limit, int nearMissLimit)
{
    private readonly Lock gate = new();
    private readonly int[] phraseArticles = new int[probe.Phrases.Count];
    private readonly int[] phraseNearMisses = new int[probe.Phrases.Count];
    private static readonly Comparer<Kept> NewestFirst = Comparer<Kept>.Create((a, b) =>
    {
        var c = b.Article.IngestedAt.CompareTo(a.Article.IngestedAt);
        return c != 0 ? c : b.Article.Id.CompareTo(a.Article.Id);
    });

    private readonly SortedSet<Kept> newest = new(NewestFirst);
    private readonly SortedSet<Kept> nearMisses = new(NewestFirst);
    private int scanned;
    private int total;
    private DateTimeOffset? oldest;

    public void Add(ArticleView article)
    {
        var result = probe.Run(TextOf(article));
        lock (gate)
        {
            scanned++;
            if (oldest is null || article.IngestedAt < oldest) oldest = article.IngestedAt;
            for (var p = 0; p < phraseArticles.Length; p++) if (result.PhraseHits[p].Count > 0) phraseArticles[p]++;
            foreach (var p in result.NearMisses) phraseNearMisses[p]++;
            if (result.Match is { } match)
            {
                total++;
                Keep(newest, new Kept(article, match, []), limit);
            }
            else if (result.NearMisses.Count > 0)
            {
                Keep(nearMisses, new Kept(article, null, result.NearMisses.ToArray()), nearMissLimit);
            }
        }
    }

    private sealed record Kept(ArticleView Article, WatchlistMatch? Match, int[] Phrases);

    private static void Keep(SortedSet<Kept> set, Kept item, int limit)
    {
        if (set.Count == limit && NewestFirst.Compare(item, set.Max!) > 0) return;
        set.Add(item);
        if (set.Count > limit) set.Remove(set.Max!);
    }

    public WatchlistPreview Answer(DateTimeOffset? from, DateTimeOffset to, bool complete, TimeSpan took)
    {
        lock (gate)
        {
            var terms = probe.Phrases.Select(p => new PreviewPhrase(p.Text, p.InRule, phraseArticles[p.Index], phraseNearMisses[p.Index])).ToList();
            var matches = newest.Select(m => new PreviewMatch(m.Article.Id, m.Article.Title, m.Article.Source, m.Article.Lang,
                m.Article.PublishedAt, m.Article.IngestedAt, m.Match!.Value.Hits.Select(h => PreviewHit.Of(h, TextOf(m.Article))).ToList(),
                m.Match.Value.HitsOmitted)).ToList();
            var misses = nearMisses.Select(m => NearMiss(m.Article, m.Phrases)).ToList();
            return new WatchlistPreview(from, to, complete, complete ? from : oldest, scanned, total,
                Math.Round(took.TotalSeconds, 3), terms, matches, misses);
        }
    }

    /// <summary>The near miss explained: for each phrase it nearly matched, why not and where.</summary>
    private PreviewNearMiss NearMiss(ArticleView article, int[] phrases)
    {
        var text = TextOf(article);
        var explanation = MatchExplainer.ExplainPhrases(text, probe, phrases);
        return new PreviewNearMiss(article.Id, article.Title, article.Source, article.Lang, article.PublishedAt, article.IngestedAt,
            explanation.Select(e => new PreviewMiss(e.Phrase.Text, e.Miss!.Reason, e.Miss.Detail,
                e.Miss.Closest is { } at ? PreviewHit.SnippetAt(at.Field, at.Start, at.Length, text) : null)).ToList());
    }

    private static ArticleText TextOf(ArticleView article) => new(article.Title, article.Body, article.Lang);
}
