using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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

public static class ContentFingerprint
{
    /// <summary>A stable hash of the normalised title and body: the same article re-sent with other spacing,
    /// case, diacritics or Unicode forms gets the same fingerprint.</summary>
    /// <remarks>Letters themselves are not folded (أ stays أ): a different spelling is different content.
    /// Title and body are hashed apart (a newline cannot survive normalisation, so it separates them unambiguously),
    /// and a missing title equals an empty one.</remarks>
    public static string Of(string? title, string body)
    {
        var text = Normalise(title ?? "") + "\n" + Normalise(body ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    internal static string Normalise(string s)
    {
        var kc = Nfkc.Of(s);
        var sb = new StringBuilder(kc.Length);
        var pendingSpace = false;
        foreach (var c in kc)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (c == CharFolding.Tatweel) continue;
            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format) continue;
            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }
            sb.Append(c);
        }
        return sb.ToString().ToLowerInvariant();
    }
}

public static class Snippet
{
    private const string Ellipsis = "\u2026";

    /// <summary>The hit with about <paramref name="context"/> characters each side, cut at word boundaries.</summary>
    /// <remarks>Cuts fall on whitespace where there is some within reach, marked with "…"; line breaks and runs of
    /// whitespace become single spaces so a snippet fits one line.</remarks>
    public static string Around(string text, int start, int length, int context = 80)
    {
        ArgumentNullException.ThrowIfNull(text);
        start = Math.Clamp(start, 0, text.Length);
        var end = Math.Clamp(start + Math.Max(0, length), start, text.Length);
        context = Math.Max(0, context);

        var from = Math.Max(0, start - context);
        if (from > 0 && !char.IsWhiteSpace(text[from - 1]))
        {
            // Mid-word: move to the next word start, unless that would eat into the hit.
            var ws = IndexOfWhiteSpace(text, from, start);
            if (ws >= 0) from = ws;
        }
        var to = Math.Min(text.Length, end + context);
        if (to < text.Length && !char.IsWhiteSpace(text[to]))
        {
            var ws = LastIndexOfWhiteSpace(text, end, to);
            if (ws >= 0) to = ws;
        }
        if (from > 0 && from < text.Length && char.IsLowSurrogate(text[from])) from++;
        if (to < text.Length && to > 0 && char.IsHighSurrogate(text[to - 1])) to--;

        var sb = new StringBuilder(to - from + 4);
        if (from > 0) sb.Append(Ellipsis);
        var pendingSpace = false;
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && sb.Length > (from > 0 ? 1 : 0)) sb.Append(' ');
            pendingSpace = false;
            sb.Append(c);
        }
        if (to < text.Length) sb.Append(Ellipsis);
        return sb.ToString();
    }

    private static int IndexOfWhiteSpace(string text, int from, int limit)
    {
        for (var i = from; i < limit; i++) if (char.IsWhiteSpace(text[i])) return i;
        return -1;
    }

    private static int LastIndexOfWhiteSpace(string text, int limit, int to)
    {
        for (var i = to - 1; i >= limit; i--) if (char.IsWhiteSpace(text[i])) return i;
        return -1;
    }
}
