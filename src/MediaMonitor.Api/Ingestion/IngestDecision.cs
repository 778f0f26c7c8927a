using MediaMonitor.Alerts;
using MediaMonitor.Matchers;
using MediaMonitor.Matching;

namespace MediaMonitor.Ingestion;

/// <summary>What ingesting one new article means: the facts to record, decided without I/O.</summary>
public sealed record IngestDecision(ArticleIngested Ingested, IReadOnlyList<ArticleMatched> Matches, IReadOnlyList<AlertRaised> Alerts)
{
    public static IngestDecision Decide(
        ArticleCandidate article, CompiledWatchlists watchlists, Guid articleId, DateTimeOffset now)
    {
        var ingested = new ArticleIngested(articleId, article.Title, article.Body, article.Lang, article.Source, article.Url,
            article.PublishedAt, article.ContentHash, now, article.UrlHash);
        var (matches, alerts) = Match(ingested, watchlists, now, backfill: false);
        return new IngestDecision(ingested, matches, alerts);
    }

    /// <summary>
    /// The matches of a stored article against compiled watchlists, and the alert each one raises: on intake, and
    /// again by a backfill (<paramref name="backfill"/>: the events say so, so subscribers can tell them apart). The alert's
    /// id is its article's and watchlist's (<see cref="AlertIds"/>), so a second one for the pair cannot be stored.
    /// </summary>
    public static (IReadOnlyList<ArticleMatched> Matches, IReadOnlyList<AlertRaised> Alerts) Match(
        ArticleIngested article, CompiledWatchlists watchlists, DateTimeOffset now, bool backfill)
    {
        var matches = new List<ArticleMatched>();
        var alerts = new List<AlertRaised>();
        foreach (var match in watchlists.Matcher.Match(new ArticleText(article.Title, article.Body, article.Lang)))
        {
            var watchlist = watchlists.ByKey[match.WatchlistId];
            var hits = match.Hits.Select(h => new MatchHit(h.Term, h.Field, h.Start, h.Length, h.Text)).ToList();
            matches.Add(new ArticleMatched(article.ArticleId, watchlist.Id, match.Version, watchlist.Name, hits, now, backfill, match.HitsOmitted, article.PublishedAt));
            alerts.Add(new AlertRaised(AlertIds.For(article.ArticleId, watchlist.Id), article.ArticleId, watchlist.Id, match.Version, watchlist.Name,
                article.Title, article.Lang, article.Source, article.Url, article.PublishedAt,
                match.Hits.Select(h => new AlertHit(h.Term, h.Field, h.Start, h.Length, h.Text,
                    Snippet.Around(h.Field == ArticleField.Title ? article.Title ?? "" : article.Body, h.Start, h.Length))).ToList(),
                now, backfill, match.HitsOmitted));
        }
        return (matches, alerts);
    }
}
