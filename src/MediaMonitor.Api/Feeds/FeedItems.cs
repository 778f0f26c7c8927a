using System.Text;
using System.Text.RegularExpressions;
using MediaMonitor.Ingestion;
using Wolverine;

namespace MediaMonitor.Feeds;

/// <summary>What became of a poll's new items.</summary>
public sealed record TakenItems(IReadOnlyList<string> NewItemKeys, int Created, int Duplicates, int Rejected, IReadOnlyList<string> Problems);

/// <summary>
/// Turns the items of a fetched feed that it has not seen before into articles: each is checked as a posted article
/// is (<see cref="ArticleIntake"/>) and taken in through <see cref="ArticleIngestor"/>, as the poll's message's
/// work (its correlation id). Items seen before are known from the feed's own memory, without a query per item; an
/// item the feed forgot that is stored already is a duplicate as usual.
/// </summary>
public sealed class FeedItems(ArticleIngestor ingestor, FeedFetcher fetcher, RobotsCache robots, TimeProvider clock)
{
    public const string FeedAccept =
        "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";
    public const string PageAccept = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

    /// <param name="fullTextUntil">Pages are fetched until then; later items keep their own text, so a first poll of
    /// a long feed ends in bounded time.</param>
    public async Task<TakenItems> TakeAsync(Feed feed, FeedDocument document, IMessageContext context, DateTimeOffset fullTextUntil, CancellationToken ct)
    {
        var fresh = document.Entries.Where(e => !feed.Seen(e.Key)).DistinctBy(e => e.Key).ToList();
        var problems = new List<string>();
        var candidates = new List<ArticleCandidate>();
        var rejected = 0;
        foreach (var entry in fresh)
        {
            var text = feed.FullText && entry.Url is not null && clock.GetUtcNow() < fullTextUntil
                ? await FullTextAsync(new Uri(entry.Url), ct) ?? entry.Text
                : entry.Text;
            var article = new IngestArticle(entry.Title, text, feed.Lang ?? entry.Lang ?? document.Lang, entry.Source ?? feed.Source ?? feed.Name,
                entry.Url, entry.PublishedAt);
            var (candidate, errors) = ArticleIntake.Check(article);
            if (candidate is not null)
            {
                candidates.Add(candidate);
                continue;
            }
            rejected++;
            problems.Add(PollFeedHandler.Shorten($"Item {entry.Url ?? entry.Title ?? entry.Key}: {errors.Summary()}"));
        }
        var outcomes = candidates.Count == 0 ? [] : await ingestor.IngestAsync(candidates, context, ct);
        return new TakenItems(fresh.Select(e => e.Key).ToList(), outcomes.Count(o => o is IngestOutcome.Created),
            outcomes.Count(o => o is IngestOutcome.Duplicate), rejected, problems);
    }

    /// <summary>The main text of the item's page, or null (not allowed by the robots.txt of its site or of a site it
    /// redirects to, not fetched, no text found): the item's own text is taken then.</summary>
    private async Task<string?> FullTextAsync(Uri page, CancellationToken ct)
    {
        var fetched = await fetcher.GetAsync(page, PageAccept, null, null, robots.AllowsAsync, ct);
        if (!fetched.Ok) return null;
        return PageText.Extract(Decode(fetched.Body!, fetched.ContentType), fetched.Url);
    }

    /// <summary>The page's text in the charset its answer names, else the one its first 1,024 bytes declare
    /// (<c>&lt;meta charset&gt;</c>, as browsers prescan), else UTF-8 (HTML5's default).</summary>
    internal static string Decode(byte[] body, string? contentType)
    {
        var encoding = SafeXml.CharsetOf(contentType)
                       ?? (MetaCharset.Match(Encoding.ASCII.GetString(body, 0, Math.Min(body.Length, 1024))) is { Success: true } meta
                           ? SafeXml.EncodingNamed(meta.Groups[1].Value)
                           : null);
        return (encoding ?? Encoding.UTF8).GetString(body);
    }

    private static readonly Regex MetaCharset = new(@"<meta[^>]+charset\s*=\s*[""']?\s*([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
