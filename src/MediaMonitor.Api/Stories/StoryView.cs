using MediaMonitor.Ingestion;
using Marten.Events.Projections;

namespace MediaMonitor.Stories;

/// <param name="At">The article's time (its publication, else its intake).</param>
/// <param name="NearestArticleId">The copy it was found closest to when it joined; null for the article that started the story.</param>
public sealed record StoryArticle(Guid ArticleId, DateTimeOffset At, string? Source, Guid? NearestArticleId, double? Similarity);

public sealed record StorySource(string? Source, int Articles);

/// <summary>
/// A story: the copies of one report, in the order they were taken in. <see cref="FirstArticleId"/> is the earliest
/// by the articles' own times (the original, as far as the copies tell), which need not be the one that started the
/// story (<see cref="StartedBy"/>): a copy published earlier can arrive later.
/// </summary>
public sealed class StoryView
{
    public Guid Id { get; set; }
    public string Lang { get; set; } = "";
    public Guid StartedBy { get; set; }
    public Guid FirstArticleId { get; set; }
    public DateTimeOffset FirstAt { get; set; }
    public DateTimeOffset LatestAt { get; set; }
    public int Size { get; set; }
    public List<StoryArticle> Articles { get; set; } = [];
    public List<StorySource> Sources { get; set; } = [];
    /// <summary>The watchlists its articles matched on intake.</summary>
    public List<Guid> WatchlistIds { get; set; } = [];
}

/// <summary>A story gathers articles of many article streams, so it runs in the async daemon: inline, two
/// transactions adding copies to one story at once would lose one of them.</summary>
public sealed partial class StoryViewProjection : MultiStreamProjection<StoryView, Guid>
{
    public StoryViewProjection()
    {
        // Articles taken in before stories were kept belong to none.
        Identities<ArticleIngested>(e => e.Story is { } story ? [story.StoryId] : []);
    }

    public static StoryView Create(ArticleIngested e)
    {
        var story = e.Story!;
        var view = new StoryView
        {
            Id = story.StoryId, Lang = e.Lang, StartedBy = e.ArticleId, FirstArticleId = e.ArticleId, FirstAt = story.At, LatestAt = story.At,
        };
        Apply(view, e);
        return view;
    }

    public static void Apply(StoryView view, ArticleIngested e)
    {
        var story = e.Story!;
        // A replayed event adds nothing twice.
        if (view.Articles.Any(a => a.ArticleId == e.ArticleId)) return;
        view.Articles.Add(new StoryArticle(e.ArticleId, story.At, e.Source, story.NearestArticleId, story.Similarity));
        view.Size = view.Articles.Count;
        if (story.At < view.FirstAt)
        {
            view.FirstAt = story.At;
            view.FirstArticleId = e.ArticleId;
        }
        if (story.At > view.LatestAt) view.LatestAt = story.At;
        var i = view.Sources.FindIndex(s => s.Source == e.Source);
        if (i < 0) view.Sources.Add(new StorySource(e.Source, 1));
        else view.Sources[i] = view.Sources[i] with { Articles = view.Sources[i].Articles + 1 };
        foreach (var w in story.MatchedWatchlistIds)
        {
            if (!view.WatchlistIds.Contains(w)) view.WatchlistIds.Add(w);
        }
    }
}
