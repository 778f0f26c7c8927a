namespace MediaMonitor.Matching.Engine;

/// <summary>The language a term is restricted to, or an article's language; <see cref="Any"/> when unknown or unrestricted.</summary>
internal enum ArticleLanguage : byte { Any, Arabic, English, Other }

internal static class ArticleLanguages
{
    public static ArticleLanguage Parse(string? lang) => lang?.Trim().ToLowerInvariant() switch
    {
        null or "" => ArticleLanguage.Any,
        "ar" => ArticleLanguage.Arabic,
        "en" => ArticleLanguage.English,
        var s when s.StartsWith("ar-", StringComparison.Ordinal) => ArticleLanguage.Arabic,
        var s when s.StartsWith("en-", StringComparison.Ordinal) => ArticleLanguage.English,
        _ => ArticleLanguage.Other,
    };
}
