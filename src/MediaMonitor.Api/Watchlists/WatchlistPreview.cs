using MediaMonitor.Matching;
using MediaMonitor.Matching.Explaining;

namespace MediaMonitor.Watchlists;

/// <summary>What terms and a rule would have matched among the stored articles (<c>POST /api/watchlists/preview</c>).</summary>
/// <param name="Complete">False when the scan ran out of time: the counts then cover the articles taken in from
/// <paramref name="ScannedFrom"/> on.</param>
/// <param name="Scanned">Articles read.</param>
/// <param name="Total">Articles the terms or the rule match.</param>
/// <param name="Phrases">Each term and rule phrase: the articles it matches alone, and its near misses.</param>
/// <param name="Matches">The newest matches, newest first.</param>
/// <param name="NearMisses">The newest articles that match nothing but hold every word of a phrase, with why not.</param>
public sealed record WatchlistPreview(
    DateTimeOffset? From, DateTimeOffset To, bool Complete, DateTimeOffset? ScannedFrom, int Scanned, int Total, double Seconds,
    IReadOnlyList<PreviewPhrase> Phrases, IReadOnlyList<PreviewMatch> Matches, IReadOnlyList<PreviewNearMiss> NearMisses);

public sealed record PreviewPhrase(string Phrase, bool InRule, int Articles, int NearMisses);

public sealed record PreviewMatch(Guid ArticleId, string? Title, string? Source, string Lang, DateTimeOffset? PublishedAt,
    DateTimeOffset IngestedAt, IReadOnlyList<PreviewHit> Hits, int HitsOmitted);

/// <param name="Start">Offset in the field's original text; <paramref name="Text"/> is that slice.</param>
/// <param name="Snippet">The hit in about 80 characters of context each side, on one line.</param>
public sealed record PreviewHit(string Term, ArticleField Field, int Start, int Length, string Text, string Snippet)
{
    public static PreviewHit Of(Hit hit, ArticleText article) =>
        new(hit.Term, hit.Field, hit.Start, hit.Length, hit.Text, SnippetAt(hit.Field, hit.Start, hit.Length, article));

    public static string SnippetAt(ArticleField field, int start, int length, ArticleText article) =>
        Matching.Snippet.Around(field == ArticleField.Title ? article.Title ?? "" : article.Body, start, length);
}

public sealed record PreviewNearMiss(Guid ArticleId, string? Title, string? Source, string Lang, DateTimeOffset? PublishedAt,
    DateTimeOffset IngestedAt, IReadOnlyList<PreviewMiss> Phrases);

/// <param name="Snippet">The closest place in context.</param>
public sealed record PreviewMiss(string Phrase, MissReason Reason, string Detail, string? Snippet);
