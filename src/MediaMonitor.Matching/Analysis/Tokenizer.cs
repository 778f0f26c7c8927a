using System.Collections.Frozen;

namespace MediaMonitor.Matching.Analysis;

/// <summary>
/// Splits text into words with their original offsets and sentence numbers. Real news glues words
/// (الانتقال.و, الإصابةإلى, covid19), so splits happen at script changes, letter/digit changes, after ة and at
/// sentence punctuation even without a following space; decimal numbers (3.5), acronyms (U.S.) and a few
/// abbreviations (Mr.) do not end a sentence.
/// </summary>
internal static class Tokenizer
{
    private enum CharClass : byte { Other, Arabic, Latin, Digit, Ignorable }

    private static readonly FrozenSet<string> Abbreviations = new[]
    {
        "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "capt", "cpt", "prof", "sen", "rep", "gov", "jr", "sr",
        "vs", "mt", "ft", "no", "inc", "ltd", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "fig", "vol", "dept", "approx", "adm", "maj", "brig", "cmdr", "pres", "rev", "hon",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Appends the tokens of <paramref name="text"/>, numbering sentences from zero.</summary>
    public static void Tokenize(string text, TokenList into)
    {
        var n = text.Length;
        var i = 0;
        var firstOfText = into.Count;
        var position = new Position();
        while (i < n)
        {
            var c = text[i];
            var cls = Classify(c);
            if (cls is CharClass.Arabic or CharClass.Latin or CharClass.Digit)
            {
                i = ReadToken(text, i, cls, into, position, firstOfText);
                continue;
            }
            if (IsSentenceBreak(text, i, into, firstOfText)) position.Sentence++;
            i++;
        }
    }

    private record struct Position(int Sentence);

    private static CharClass Classify(char c)
    {
        if (c < 128)
        {
            if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return CharClass.Latin;
            return c >= '0' && c <= '9' ? CharClass.Digit : CharClass.Other;
        }
        if (CharFolding.IsArabicLetter(c)) return CharClass.Arabic;
        if (char.IsDigit(c)) return CharClass.Digit;
        if (CharFolding.IsIgnorableInWord(c)) return CharClass.Ignorable;
        return char.IsLetter(c) ? CharClass.Latin : CharClass.Other;
    }

    private static int ReadToken(string text, int start, CharClass cls, TokenList into, Position position, int firstOfText)
    {
        if (cls == CharClass.Latin && TryReadAcronym(text, start, into, position, firstOfText, out var next)) return next;

        var n = text.Length;
        var j = start + 1;
        var afterTaMarbuta = text[start] == CharFolding.TaMarbuta;
        while (j < n)
        {
            var d = text[j];
            var k = Classify(d);
            if (k == CharClass.Ignorable) { j++; continue; }
            if (k == cls && cls == CharClass.Arabic)
            {
                if (afterTaMarbuta) break;   // ة only ends a word: الإصابةإلى is two words
                afterTaMarbuta = d == CharFolding.TaMarbuta;
                j++;
                continue;
            }
            if (k == cls) { j++; continue; }
            if (cls == CharClass.Latin && d is '\'' or '\u2019' && j + 1 < n && Classify(text[j + 1]) == CharClass.Latin) { j += 2; continue; }
            if (cls == CharClass.Digit && d is '.' or ',' or '\u066B' or '\u066C' && j + 1 < n && Classify(text[j + 1]) == CharClass.Digit) { j += 2; continue; }
            break;
        }
        var end = j;
        while (end > start + 1 && char.GetUnicodeCategory(text[end - 1]) == System.Globalization.UnicodeCategory.Format) end--;
        Emit(text, start, end, cls, text.AsSpan(start, end - start), into, position, firstOfText);
        return j;
    }

    /// <summary>U.S. / U.N. / D.C.: single letters joined by dots are one word (us), and their dots end no sentence.</summary>
    private static bool TryReadAcronym(string text, int start, TokenList into, Position position, int firstOfText, out int next)
    {
        next = start;
        var n = text.Length;
        if (!(start + 2 < n && text[start + 1] == '.' && IsSingleLatinLetterAt(text, start) && IsSingleLatinLetterAt(text, start + 2)))
            return false;
        Span<char> letters = stackalloc char[16];
        var count = 0;
        var k = start;
        var lastLetter = start;
        while (k < n && count < letters.Length && IsSingleLatinLetterAt(text, k))
        {
            letters[count++] = text[k];
            lastLetter = k;
            if (k + 1 < n && text[k + 1] == '.') k += 2;
            else { k++; break; }
        }
        next = k;
        Emit(text, start, lastLetter + 1, CharClass.Latin, letters[..count], into, position, firstOfText);
        return true;
    }

    private static bool IsSingleLatinLetterAt(string text, int i) =>
        CharFolding.IsLatinLetter(text[i]) && (i + 1 >= text.Length || !char.IsLetterOrDigit(text[i + 1]));

    private static void Emit(string text, int start, int end, CharClass cls, ReadOnlySpan<char> source, TokenList into, Position position, int firstOfText)
    {
        var normStart = into.Norm.Length;
        CharFolding.AppendAnalysisForm(source, into.Norm);
        var normLength = into.Norm.Length - normStart;
        if (normLength == 0) return;
        var kind = cls switch { CharClass.Arabic => TokenKind.Arabic, CharClass.Digit => TokenKind.Number, _ => TokenKind.Latin };
        if (kind == TokenKind.Latin && into.Count > firstOfText)
        {
            ref var prev = ref into[into.Count - 1];
            var gap = text.AsSpan(prev.End, start - prev.End);
            if (prev.Kind == TokenKind.Latin && prev.Sentence == position.Sentence && IsJoinGap(gap))
            {
                prev.JoinsNext = true;
                prev.JoinsByHyphen = gap.Length == 1 && gap[0] is '-' or '\u2010' or '\u2011';
            }
        }
        into.Add(new Token
        {
            Start = start, End = end, Sentence = position.Sentence, NormStart = normStart, NormLength = normLength, Kind = kind,
        });
    }

    private static bool IsJoinGap(ReadOnlySpan<char> gap)
    {
        if (gap.Length == 1 && gap[0] is '-' or '\u2010' or '\u2011') return true;
        if (gap.Length is 0 or > 3) return false;
        foreach (var c in gap) if (c is not (' ' or '\u00A0')) return false;
        return true;
    }

    private static bool IsSentenceBreak(string text, int i, TokenList tokens, int firstOfText)
    {
        var c = text[i];
        switch (c)
        {
            case '\n' or '\r' or '\u2028' or '\u2029' or '!' or '?' or '\u061F' or '\u2026' or '\u06D4':
                return true;
            case '.':
                if (tokens.Count > firstOfText)
                {
                    ref var prev = ref tokens[tokens.Count - 1];
                    if (prev.End == i && prev.Kind == TokenKind.Latin && prev.NormLength <= 6 &&
                        Abbreviations.Contains(tokens.NormOf(prev).ToString()))
                        return false;
                }
                return true;
            default:
                return false;
        }
    }
}
