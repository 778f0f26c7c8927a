namespace MediaMonitor.Matching.Engine;

/// <summary>One compiled term of one watchlist: what a phrase match must still satisfy, and what the hit reports.</summary>
internal sealed record TermEntry(
    int Watchlist,
    int Order,
    string Phrase,
    bool Exact,
    bool RequiresDefiniteArticle,
    ArticleLanguage Language);
