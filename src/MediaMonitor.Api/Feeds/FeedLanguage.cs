using MediaMonitor.Ingestion;

namespace MediaMonitor.Feeds;

/// <summary>A feed's language tag (ar-IQ, en_US, AR) reduced to the languages articles are matched in.</summary>
internal static class FeedLanguage
{
    public static string? Of(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) return null;
        var primary = tag.Trim().Split('-', '_')[0].ToLowerInvariant();
        return ArticleIntake.Languages.Contains(primary) ? primary : null;
    }
}
