using MediaMonitor.Matching.Analysis;

namespace MediaMonitor.Matching;

public static class LanguageDetector
{
    /// <summary>Below this many letters a language guess is noise.</summary>
    public const int MinLetters = 3;

    /// <summary>"ar" or "en" from the letters' scripts, or null when the text has too few letters to tell.</summary>
    public static string? Detect(string text) => Decide(CountLetters(text));

    internal static string? Decide((int Arabic, int Latin) letters)
    {
        var (arabic, latin) = letters;
        if (arabic + latin < MinLetters || arabic == latin) return null;
        return arabic > latin ? "ar" : "en";
    }

    internal static (int Arabic, int Latin) CountLetters(string? text)
    {
        var arabic = 0;
        var latin = 0;
        foreach (var c in text.AsSpan())
        {
            if (CharFolding.IsArabicLetter(c)) arabic++;
            else if (CharFolding.IsLatinLetter(c)) latin++;
        }
        return (arabic, latin);
    }
}
