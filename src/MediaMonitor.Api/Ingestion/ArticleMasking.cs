using MediaMonitor.Alerts;
using JasperFx.Events;

namespace MediaMonitor.Ingestion;

/// <summary>
/// What removing an article takes out of the event log: its title, body and url, and every copy of its words in
/// the events about it (hit texts and snippets in its matches and alerts). The events are rewritten in place (Marten's
/// <c>OverwriteEvent</c>, what its protected-information masking does); ids, offsets, hashes, times and watchlist
/// versions stay, so the record of what was matched and alerted survives without the text. The duplicate keys stay
/// too: the same article sent again is still recognised, and not taken in a second time.
/// </summary>
public static class ArticleMasking
{
    public static ArticleIngested Mask(ArticleIngested e) => e with { Title = null, Body = "", Url = null };

    public static MatchHit Mask(MatchHit h) => h with { Text = "" };

    public static ArticleMatched Mask(ArticleMatched e) => e with { Hits = e.Hits.Select(Mask).ToList() };

    public static AlertHit Mask(AlertHit h) => h with { Text = "", Snippet = "" };

    public static AlertRaised Mask(AlertRaised e) => e with { ArticleTitle = null, Url = null, Hits = e.Hits.Select(Mask).ToList() };

    /// <summary>The view a rebuild from the masked <see cref="AlertRaised"/> gives: its state and history stay.</summary>
    public static void Mask(AlertView view)
    {
        view.ArticleTitle = null;
        view.Url = null;
        view.Hits = view.Hits.Select(Mask).ToList();
    }

    /// <summary>Masks the event's data in place; false for an event that holds none of the article's words.</summary>
    public static bool TryMask(IEvent e)
    {
        switch (e)
        {
            case Event<ArticleIngested> x: x.Data = Mask(x.Data); return true;
            case Event<ArticleMatched> x: x.Data = Mask(x.Data); return true;
            case Event<AlertRaised> x: x.Data = Mask(x.Data); return true;
            default: return false;
        }
    }
}
