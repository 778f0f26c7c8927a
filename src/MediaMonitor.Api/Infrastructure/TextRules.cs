using System.Buffers;

namespace MediaMonitor.Infrastructure;

/// <summary>
/// What the service accepts as text, in every field of every path (HTTP bodies and batches, files, seeds) and in every
/// query value: any Unicode text except the characters below, which are refused with the field and the position named.
/// <list type="bullet">
/// <item>NUL and unpaired UTF-16 surrogates: PostgreSQL's jsonb cannot store them.</item>
/// <item>Noncharacters (U+FDD0–U+FDEF and the last two code points of every plane): reserved by Unicode for a
/// program's internal use, never text; .NET's normalisation throws on U+FFFE.</item>
/// <item>C0 control characters other than tab, line feed, vertical tab, form feed and carriage return, and DEL: they
/// carry no text, and in an article they mean a binary or wrongly decoded upload.</item>
/// </list>
/// Everything else is kept as sent, C1 controls included: crawled news holds them where Windows-1252 punctuation was
/// decoded as Latin-1 (41 of the 6,000 articles of the shared corpus), and refusing those articles would lose news.
/// </summary>
public static class TextRules
{
    /// <summary>Every UTF-16 code unit that may start a refusal; a pair's high surrogate is looked at more closely.</summary>
    private static readonly SearchValues<char> Suspect = SearchValues.Create(
        [.. Range('\0', '\u0008'), .. Range('\u000E', '\u001F'), '\u007F', .. Range('\uD800', '\uDFFF'), .. Range('\uFDD0', '\uFDEF'), '\uFFFE', '\uFFFF']);

    /// <summary>Null when <paramref name="text"/> is acceptable; else which character is not, and where.</summary>
    public static string? Problem(string text) => FirstRefused(text) is var at and >= 0 ? Describe(text, at) : null;

    /// <summary>The index of the first refused character, or -1.</summary>
    public static int FirstRefused(string text)
    {
        var span = text.AsSpan();
        var first = span.IndexOfAny(Suspect);
        if (first < 0) return -1;
        // Past the first suspect, one pass: text rich in surrogate pairs (emoji, historic scripts) would restart the
        // vectorised search at every pair, fifty times slower over 500,000 characters.
        for (var at = first; at < span.Length; at++)
        {
            var c = span[at];
            if (!Suspect.Contains(c)) continue;
            if (!char.IsHighSurrogate(c) || at + 1 == span.Length || !char.IsLowSurrogate(span[at + 1])) return at;
            if (IsNoncharacter(char.ConvertToUtf32(c, span[at + 1]))) return at;
            at++;
        }
        return -1;
    }

    /// <summary>Checks an optional field: adds the problem under <paramref name="field"/> and answers whether it was acceptable.</summary>
    public static bool Check(string field, string? text, ValidationErrors errors)
    {
        if (text is null || Problem(text) is not { } problem) return true;
        errors.Add(field, problem);
        return false;
    }

    private static bool IsNoncharacter(int scalar) => scalar is >= 0xFDD0 and <= 0xFDEF || (scalar & 0xFFFE) == 0xFFFE;

    private static string Describe(string text, int at)
    {
        var c = text[at];
        var (scalar, what) = char.IsHighSurrogate(c) && at + 1 < text.Length && char.IsLowSurrogate(text[at + 1])
            ? (char.ConvertToUtf32(c, text[at + 1]), "a Unicode noncharacter")
            : char.IsSurrogate(c) ? (c, "an unpaired UTF-16 surrogate")
            : c == '\0' ? (c, "NUL")
            : IsNoncharacter(c) ? (c, "a Unicode noncharacter")
            : (c, "a control character");
        return $"Character {at} is U+{scalar:X4}, {what}: text may not hold NUL, unpaired surrogates, noncharacters, or control characters other than tab and line breaks.";
    }

    private static IEnumerable<char> Range(char first, char last)
    {
        for (var c = first; c <= last; c++) yield return c;
    }
}
