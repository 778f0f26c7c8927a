using System.Globalization;
using System.Text;

namespace MediaMonitor.Matching.Analysis;

/// <summary>
/// Character-level normalisation shared by terms and articles: both sides must fold the same way or nothing matches.
/// Folding is done per token so that offsets into the original text never need a character map.
/// </summary>
internal static class CharFolding
{
    public const char Alef = '\u0627';
    public const char Hamza = '\u0621';
    public const char TaMarbuta = '\u0629';
    public const char AlefMaqsura = '\u0649';
    public const char Yeh = '\u064A';
    public const char Heh = '\u0647';
    public const char Teh = '\u062A';
    public const char Waw = '\u0648';
    public const char Tatweel = '\u0640';

    private const char LatinFoldFirst = '\u00C0';
    private const char LatinFoldLast = '\u024F';
    // Declared before LatinFold: static fields initialise in order.
    private static readonly System.Buffers.SearchValues<char> CombiningMarks =
        System.Buffers.SearchValues.Create(Enumerable.Range(0x300, 0x70).Select(i => (char)i).ToArray());

    private static readonly char[] LatinFold = BuildLatinFold();

    public static bool IsArabicLetter(char c) =>
        c != Tatweel &&
        ((c >= '\u0620' && c <= '\u064A') || (c >= '\u066E' && c <= '\u06D3') || c == '\u06D5' ||
         (c >= '\u06EE' && c <= '\u06EF') || (c >= '\u06FA' && c <= '\u06FF') || (c >= '\u0750' && c <= '\u077F') ||
         (c >= '\u08A0' && c <= '\u08C9') || (c >= '\uFB50' && c <= '\uFDFF') || (c >= '\uFE70' && c <= '\uFEFC'));

    public static bool IsLatinLetter(char c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        (c >= '\u00C0' && c <= '\u024F' && c != '\u00D7' && c != '\u00F7') || (c >= '\u1E00' && c <= '\u1EFF');

    /// <summary>Marks, tatweel and invisible format characters live inside words but carry no letter.</summary>
    public static bool IsIgnorableInWord(char c)
    {
        if (c == Tatweel) return true;
        if (c < '\u0300') return c == '\u00AD';
        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.EnclosingMark or UnicodeCategory.Format;
    }

    /// <summary>Characters whose NFKC form differs (Arabic presentation forms, ligatures, super/subscripts, full width).</summary>
    public static bool NeedsCompatibilityForm(char c) =>
        c >= '\uFB00' || (c >= '\u2070' && c <= '\u218F') || c == '\u00AA' || c == '\u00BA' ||
        (c >= '\u1D2C' && c <= '\u1DBF') || (c >= '\u3000' && c <= '\u33FF');

    /// <summary>
    /// Appends the analysis form of one token: NFKC, case folded, tashkeel/tatweel/format characters dropped,
    /// hamza seats folded (أ إ آ ٱ → ا; ؤ ئ → ء), Arabic-Indic digits → ASCII, Latin accents dropped.
    /// ة and ى are kept here (clitic analysis needs them) and folded to ه and ي only in lookup keys (<see cref="FoldKey"/>).
    /// </summary>
    /// <remarks>
    /// ؤ and ئ go to the bare hamza rather than to و and ي: ئ→ي would turn فئة (category) into فيه (in it),
    /// one of the commonest words of the language, and mapping both seats to ء also makes the Egyptian spelling
    /// مسئول meet the common مسؤول.
    /// </remarks>
    public static void AppendAnalysisForm(ReadOnlySpan<char> token, CharBuffer into)
    {
        foreach (var c in token)
        {
            if (NeedsCompatibilityForm(c))
            {
                AppendFolded(Nfkc.Of(token.ToString()), into);
                return;
            }
        }
        AppendFolded(token, into);
    }

    private static void AppendFolded(ReadOnlySpan<char> s, CharBuffer into)
    {
        var first = into.Length;
        foreach (var c in s)
        {
            if (c < 128)
            {
                if (c >= 'A' && c <= 'Z') into.Append((char)(c + 32));
                else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'' || c == '.') into.Append(c);
                continue;
            }
            if ((c >= '\u0627' && c <= '\u063A') || (c >= '\u0641' && c <= '\u064A') || c == Hamza)
            {
                into.Append(c);   // the plain Arabic letters, by far the commonest non-ASCII characters
                continue;
            }
            if (c >= '\u064B' && c <= '\u065F' && c is not ('\u0654' or '\u0655')) continue;   // tashkeel
            switch (c)
            {
                case '\u0622' or '\u0623' or '\u0625' or '\u0671' or '\u0672' or '\u0673':
                    into.Append(Alef);
                    continue;
                case '\u0624' or '\u0626':
                    into.Append(Hamza);
                    continue;
                case '\u0654' or '\u0655':
                    // A decomposed hamza seat: on و/ي/ى it is ؤ/ئ, on alef it folds away like أ/إ.
                    if (into.Length > first && into.Last is Waw or Yeh or AlefMaqsura) into.Last = Hamza;
                    continue;
                case '\u06CC': into.Append(Yeh); continue;             // Persian yeh
                case '\u06A9' or '\u06AA': into.Append('\u0643'); continue; // keheh → kaf
                case '\u06C1' or '\u06D5': into.Append(Heh); continue;
                case '\u06C0': into.Append(TaMarbuta); continue;
                case '\u2019' or '\u2018' or '\u02BC': into.Append('\''); continue;
                case '\u066B': into.Append('.'); continue;               // Arabic decimal separator
            }
            if (c >= '\u0660' && c <= '\u0669') { into.Append((char)('0' + (c - '\u0660'))); continue; }
            if (c >= '\u06F0' && c <= '\u06F9') { into.Append((char)('0' + (c - '\u06F0'))); continue; }
            if (IsIgnorableInWord(c) || c == '\u066C') continue;
            if (c >= LatinFoldFirst && c <= LatinFoldLast) { into.Append(LatinFold[c - LatinFoldFirst]); continue; }
            if (char.IsLetterOrDigit(c)) into.Append(char.ToLowerInvariant(c));
        }
        CollapseSeatlessHamza(into, first);
    }

    /// <summary>ىء and a final يء are spellings of ئ (الطوارىء, شىء, شيء/شئ): keep only the hamza.</summary>
    private static void CollapseSeatlessHamza(CharBuffer buf, int first)
    {
        var w = first;
        var end = buf.Length;
        for (var r = first; r < end; r++)
        {
            var c = buf[r];
            if (c == Hamza && w > first && (buf[w - 1] == AlefMaqsura || (buf[w - 1] == Yeh && r == end - 1 && w - 1 > first)))
                w--;
            buf[w++] = c;
        }
        buf.Length = w;
    }

    /// <summary>The lookup key form: ة and ى are written as ه and ي often enough that keys must not tell them apart.</summary>
    public static char FoldKey(char c) => c switch
    {
        TaMarbuta => Heh,
        AlefMaqsura => Yeh,
        _ => c,
    };

    public static string FoldKey(ReadOnlySpan<char> s)
    {
        Span<char> tmp = s.Length <= 128 ? stackalloc char[s.Length] : new char[s.Length];
        for (var i = 0; i < s.Length; i++) tmp[i] = FoldKey(s[i]);
        return new string(tmp);
    }

    /// <summary>The whole pipeline for a stand-alone string (lexicon entries, tests).</summary>
    public static string AnalysisForm(string s)
    {
        var buf = new CharBuffer(s.Length + 8);
        AppendAnalysisForm(s, buf);
        return buf.ToString();
    }

    private static char[] BuildLatinFold()
    {
        var table = new char[LatinFoldLast - LatinFoldFirst + 1];
        for (var c = LatinFoldFirst; c <= LatinFoldLast; c++)
        {
            var d = c.ToString().Normalize(NormalizationForm.FormD);
            var baseChar = d.Length > 0 && (d.Length == 1 || d.AsSpan(1).IndexOfAnyExcept(CombiningMarks) < 0) ? d[0] : c;
            table[c - LatinFoldFirst] = char.ToLowerInvariant(baseChar);
        }
        return table;
    }

}
