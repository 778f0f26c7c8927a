using MediaMonitor.Matching;
using Marten.Events.Aggregation;

namespace MediaMonitor.Ingestion;

public sealed class ArticleView
{
    public Guid Id { get; set; }
    public string? Title { get; set; }
    public string Body { get; set; } = "";
    public string Lang { get; set; } = "";
    public string? Source { get; set; }
    public string? Url { get; set; }
    /// <summary>The url's duplicate key (see <see cref="ArticleIntake.UrlHash"/>).</summary>
    public string? UrlHash { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset IngestedAt { get; set; }
    public string ContentHash { get; set; } = "";
    public List<ArticleMatchView> Matches { get; set; } = [];
    /// <summary>The story it joined on intake; null for articles taken in before stories were kept.</summary>
    public Guid? StoryId { get; set; }
    public DateTimeOffset? RemovedAt { get; set; }
    public string? RemovalReason { get; set; }
}

public sealed record ArticleMatchView(Guid WatchlistId, int WatchlistVersion, string WatchlistName, IReadOnlyList<MatchHit> Hits, int HitsOmitted = 0);

public sealed partial class ArticleViewProjection : SingleStreamProjection<ArticleView, Guid>
{
    public static ArticleView Create(ArticleIngested e) => new()
    {
        Id = e.ArticleId, Title = e.Title, Body = e.Body, Lang = e.Lang, Source = e.Source, Url = e.Url,
        UrlHash = e.UrlHash, PublishedAt = e.PublishedAt, IngestedAt = e.IngestedAt,
        ContentHash = e.ContentHash, StoryId = e.Story?.StoryId,
    };

    public static void Apply(ArticleMatched e, ArticleView view) =>
        view.Matches.Add(new ArticleMatchView(e.WatchlistId, e.WatchlistVersion, e.WatchlistName, e.Hits, e.HitsOmitted));

    /// <summary>Clears the text here too, so the view is what a rebuild from the masked events gives.</summary>
    public static void Apply(ArticleRemoved e, ArticleView view)
    {
        var masked = ArticleMasking.Mask(new ArticleIngested(view.Id, view.Title, view.Body, view.Lang, view.Source, view.Url,
            view.PublishedAt, view.ContentHash, view.IngestedAt, view.UrlHash));
        view.Title = masked.Title;
        view.Body = masked.Body;
        view.Url = masked.Url;
        view.Matches = view.Matches.Select(m => m with { Hits = m.Hits.Select(ArticleMasking.Mask).ToList() }).ToList();
        view.RemovedAt = e.At;
        view.RemovalReason = e.Reason;
    }
}
