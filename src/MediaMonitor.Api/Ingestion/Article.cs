using MediaMonitor.Matching;

namespace MediaMonitor.Ingestion;

/// <summary>An article taken in. <see cref="UrlHash"/> and <see cref="ContentHash"/> are its duplicate keys as
/// decided at intake, recorded so that a rebuild does not depend on how today's code would compute them; so is
/// <see cref="Story"/>, the story intake put it in (null for articles taken in before stories were kept).</summary>
public sealed record ArticleIngested(
    Guid ArticleId, string? Title, string Body, string Lang, string? Source, string? Url,
    DateTimeOffset? PublishedAt, string ContentHash, DateTimeOffset IngestedAt, string? UrlHash, ArticleStory? Story = null);

/// <summary>
/// The story an article joined on intake: the near-duplicates and syndicated copies of one report (see
/// <see cref="Stories.StoryGrouping"/>). <paramref name="StartedStory"/>: no earlier article of the window was close
/// enough, so it starts one; else <paramref name="NearestArticleId"/> is the closest copy and <paramref name="Similarity"/>
/// the estimated Jaccard similarity of their shingles. <paramref name="At"/> is the article's time (see
/// <see cref="ArticleTime"/>). <paramref name="Signature"/> (base64 of the MinHash values; null for a body too short to
/// judge, which nothing can join) and <paramref name="Shingles"/> are kept so that the story index rebuilds from the log
/// without the text, which a takedown masks; <paramref name="SignatureVersion"/> is the method's version that computed it
/// (<see cref="Matching.Stories.StorySignature.Version"/>): signatures of two versions are never compared.
/// <paramref name="MatchedWatchlistIds"/>: the watchlists it matched on intake.
/// </summary>
public sealed record ArticleStory(
    Guid StoryId, bool StartedStory, Guid? NearestArticleId, double? Similarity, DateTimeOffset At, string? Signature, int Shingles,
    IReadOnlyList<Guid> MatchedWatchlistIds, int SignatureVersion);

/// <summary>Where one watched term was found: field and character offsets into the original text.</summary>
public sealed record MatchHit(string Term, ArticleField Field, int Start, int Length, string Text);

/// <summary>The matcher's decision for one watchlist, at the version that decided it; <paramref name="Backfill"/> when a
/// backfill of past articles made it, not intake. <paramref name="Hits"/> are the first of each term in text order (at
/// most 20 a term, 100 in all); <paramref name="HitsOmitted"/> counts the others found. <paramref name="PublishedAt"/> is
/// the article's, carried so that what counts matches by the article's time (spikes) needs no other stream; null in
/// matches recorded before it was carried, and for articles without one.</summary>
public sealed record ArticleMatched(
    Guid ArticleId, Guid WatchlistId, int WatchlistVersion, string WatchlistName,
    IReadOnlyList<MatchHit> Hits, DateTimeOffset MatchedAt, bool Backfill = false, int HitsOmitted = 0, DateTimeOffset? PublishedAt = null);

/// <summary>
/// The article was taken down (a takedown or privacy request). Its text is masked in the events that held it (this
/// one holds none); the article, its matches and its alerts stay as facts, without the text.
/// </summary>
public sealed record ArticleRemoved(Guid ArticleId, string? Reason, DateTimeOffset At);
