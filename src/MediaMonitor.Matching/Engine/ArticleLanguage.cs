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

    /// <summary>The article's language as given, else as its letters tell (<see cref="LanguageDetector"/>).</summary>
    public static ArticleLanguage Of(ArticleText article)
    {
        var given = Parse(article.Lang);
        if (given != ArticleLanguage.Any) return given;
        var (titleArabic, titleLatin) = LanguageDetector.CountLetters(article.Title);
        var (bodyArabic, bodyLatin) = LanguageDetector.CountLetters(article.Body);
        return Parse(LanguageDetector.Decide((titleArabic + bodyArabic, titleLatin + bodyLatin)));
    }
}
