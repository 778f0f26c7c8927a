using MediaMonitor.Alerts;
using Marten;

namespace MediaMonitor.Ingestion;

/// <summary>
/// What removing an article takes out of the event log: its title, body and url, and every copy of its words in
/// the events about it (hit texts and snippets in its matches and alerts). Marten rewrites those events in place
/// (its protected-information masking); ids, offsets, hashes, times and watchlist versions stay, so the record of what
/// was matched and alerted survives without the text. The duplicate keys stay too: the same article sent again is
/// still recognised, and not taken in a second time.
/// </summary>
public static class ArticleMasking
{
    public static ArticleIngested Mask(ArticleIngested e) => e with { Title = null, Body = "", Url = null };

    public static MatchHit Mask(MatchHit h) => h with { Text = "" };

    public static ArticleMatched Mask(ArticleMatched e) => e with { Hits = e.Hits.Select(Mask).ToList() };

    public static AlertRaised Mask(AlertRaised e) => e with
    {
        ArticleTitle = null, Url = null, Hits = e.Hits.Select(h => h with { Text = "", Snippet = "" }).ToList(),
    };

    public static void AddArticleMasking(this StoreOptions marten)
    {
        marten.Events.AddMaskingRuleForProtectedInformation<ArticleIngested>(Mask);
        marten.Events.AddMaskingRuleForProtectedInformation<ArticleMatched>(Mask);
        marten.Events.AddMaskingRuleForProtectedInformation<AlertRaised>(Mask);
    }
}
