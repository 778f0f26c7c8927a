using System.Globalization;
using System.Text;

namespace MediaMonitor.Matching.Rules;

internal enum RuleTokenKind { Word, Phrase, LParen, RParen, And, Or, Not, Near, Field, Lang, End }

/// <summary>
/// One lexical unit of a rule. <see cref="Text"/>: the word or phrase without its quotes or '*', or the language;
/// <see cref="Number"/>: the NEAR distance or the phrase gap; <see cref="Flag"/>: wildcard (words, phrases) or
/// ordered (NEAR); <see cref="Source"/>: the slice of the rule it was read from, for messages.
/// </summary>
internal readonly record struct RuleToken(
    RuleTokenKind Kind, int Position, string Source, string Text = "", int? Number = null, bool Flag = false,
    ArticleField? Field = null)
{
    public string Describe() => Kind switch
    {
        RuleTokenKind.End => "the end of the rule",
        RuleTokenKind.Phrase => $"the quoted phrase {RuleLexer.Excerpt(Source)}",
        _ => $"'{RuleLexer.Excerpt(Source)}'",
    };
}

/// <summary>
/// Reads a rule token by token, on demand, so errors come in text order. Never looks past
/// <see cref="RuleLimits.MaxRuleLength"/>: reaching that point in a longer text is the length error.
/// </summary>
internal sealed class RuleLexer
{
    private const string Expected = RuleParser.ExpectedOperand;

    private readonly string _text;
    private readonly int _end;
    private readonly bool _truncated;
    private int _pos;

    public RuleLexer(string text)
    {
        _text = text;
        _truncated = text.Length > RuleLimits.MaxRuleLength;
        _end = _truncated ? RuleLimits.MaxRuleLength : text.Length;
    }

    /// <summary>Whether <paramref name="i"/> is inside the text; at the cut of a too long rule, the length error.</summary>
    private bool More(int i)
    {
        if (i < _end) return true;
        if (_truncated)
            throw RuleParser.Error(RuleLimits.MaxRuleLength, $"a rule of at most {RuleLimits.MaxRuleLength} characters",
                string.Create(CultureInfo.InvariantCulture,
                    $"The rule is {_text.Length:N0} characters long; the limit is {RuleLimits.MaxRuleLength:N0} (position {RuleLimits.MaxRuleLength} is past it)."));
        return false;
    }

    public RuleToken Next()
    {
        var i = _pos;
        while (More(i) && IsSpace(_text[i])) i++;
        if (!More(i))
        {
            _pos = i;
            return new RuleToken(RuleTokenKind.End, i, "");
        }
        var c = _text[i];
        switch (c)
        {
            case '(':
                _pos = i + 1;
                return new RuleToken(RuleTokenKind.LParen, i, "(");
            case ')':
                _pos = i + 1;
                return new RuleToken(RuleTokenKind.RParen, i, ")");
        }
        if (IsOpeningQuote(c)) return ReadPhrase(i);
        if (IsQuote(c))
            throw RuleParser.Error(i, Expected,
                $"The closing quote '{c}' at position {i} has no opening quote before it.");
        return ReadWord(i);
    }

    // ---- quoted phrases ------------------------------------------------------------------------------------------

    private RuleToken ReadPhrase(int open)
    {
        var sb = new StringBuilder();
        var map = new List<int>(); // source position of each character of sb
        var j = open + 1;
        while (true)
        {
            if (!More(j))
                throw RuleParser.Error(open, "a closing '\"'", $"The quote at position {open} is never closed.");
            var c = _text[j];
            if (c == '\\' && More(j + 1) && (IsQuote(_text[j + 1]) || _text[j + 1] == '\\'))
            {
                sb.Append(_text[j + 1]);
                map.Add(j + 1);
                j += 2;
                continue;
            }
            if (IsClosingQuote(c)) break;
            if (!IsInvisibleControl(c))
            {
                sb.Append(c);
                map.Add(j);
            }
            j++;
        }
        j++; // past the closing quote

        int? gap = null;
        if (More(j) && _text[j] == '~')
        {
            var tilde = j;
            var (value, after) = ReadNumber(j + 1);
            if (value is null)
                throw RuleParser.Error(j + 1, $"a number of words from 0 to {RuleLimits.MaxPhraseGap} after '~'",
                    $"Expected a number of words from 0 to {RuleLimits.MaxPhraseGap} at position {j + 1}, after the '~', as in \"troop withdrawal\"~2.");
            if (value > RuleLimits.MaxPhraseGap)
                throw RuleParser.Error(tilde, $"a gap of at most {RuleLimits.MaxPhraseGap} words",
                    $"The gap ~{FormatNumber(value.Value)} at position {tilde} is too wide: a phrase allows at most {RuleLimits.MaxPhraseGap} inserted words. Use NEAR/n between two words further apart.");
            gap = value;
            j = after;
        }
        if (More(j) && !IsSpace(_text[j]) && _text[j] is not ('(' or ')'))
        {
            var found = _text[j];
            var message = found == '*'
                ? $"The '*' at position {j} belongs inside the quotes, on the last word: \"troop withdraw*\"."
                : $"Expected a space, ')' or the end of the rule at position {j} after the quoted phrase at position {open} but found '{found}'.";
            throw RuleParser.Error(j, "a space, ')' or the end of the rule", message);
        }
        _pos = j;

        var (text, wildcard) = Analyse(sb.ToString(), k => map[k], open, isPhrase: true);
        return new RuleToken(RuleTokenKind.Phrase, open, _text[open..j], text, gap, wildcard);
    }

    // ---- words, keywords, operators, prefixes -----------------------------------------------------------------

    private RuleToken ReadWord(int start)
    {
        var i = start;
        while (More(i) && !IsDelimiter(_text[i])) i++;
        var word = _text[start..i];

        var colon = word.IndexOf(':');
        if (colon > 0 && IsLettersOnly(word.AsSpan(0, colon)))
            return ReadPrefix(start, word, colon);

        switch (word)
        {
            case "AND":
                _pos = i;
                return new RuleToken(RuleTokenKind.And, start, word);
            case "OR":
                _pos = i;
                return new RuleToken(RuleTokenKind.Or, start, word);
            case "NOT":
                _pos = i;
                return new RuleToken(RuleTokenKind.Not, start, word);
        }
        if (TryReadNear(start, word) is { } near)
        {
            _pos = i;
            return near;
        }

        if (More(i) && IsQuote(_text[i]))
            throw RuleParser.Error(i, "a space before the quote",
                $"Expected a space before the quote at position {i}: a quoted phrase cannot be glued to the word '{Excerpt(word)}'.");

        CheckBareWord(start, word);
        _pos = i;
        var (text, wildcard) = Analyse(word, k => start + k, start, isPhrase: false);
        return new RuleToken(RuleTokenKind.Word, start, word, text, null, wildcard);
    }

    private RuleToken ReadPrefix(int start, string word, int colon)
    {
        var name = word[..colon];
        var after = start + colon + 1;
        switch (name.ToLowerInvariant())
        {
            case "title":
            case "body":
            {
                var field = name.Equals("title", StringComparison.OrdinalIgnoreCase) ? ArticleField.Title : ArticleField.Body;
                if (!More(after) || IsSpace(_text[after]) || _text[after] == ')')
                {
                    var found = !More(after) ? "the end of the rule" : _text[after] == ')' ? "')'" : "a space";
                    throw RuleParser.Error(after, Expected,
                        $"Expected {Expected} right after '{name}:' at position {after} but found {found}.");
                }
                _pos = after;
                return new RuleToken(RuleTokenKind.Field, start, word[..(colon + 1)], Field: field);
            }
            case "lang":
            {
                var value = word[(colon + 1)..].ToLowerInvariant();
                if (value is not ("ar" or "en"))
                {
                    var what = value.Length == 0 ? "nothing" : $"'{Excerpt(word[(colon + 1)..])}'";
                    throw RuleParser.Error(after, "ar or en",
                        $"Unknown language at position {after}: 'lang:' takes ar or en directly after the colon (lang:ar, lang:en) but found {what}.");
                }
                _pos = start + word.Length;
                return new RuleToken(RuleTokenKind.Lang, start, word, value);
            }
            default:
                throw RuleParser.Error(start, "title:, body: or lang:",
                    $"Unknown field '{Excerpt(name)}:' at position {start}; the known ones are title:, body: and lang:. To search for text containing a colon, put it in quotes.");
        }
    }

    private RuleToken? TryReadNear(int start, string word)
    {
        var ordered = word.StartsWith("ONEAR", StringComparison.OrdinalIgnoreCase);
        var keyword = ordered ? "ONEAR" : "NEAR";
        if (!word.StartsWith(keyword, StringComparison.OrdinalIgnoreCase)) return null;
        var rest = word.AsSpan(keyword.Length);
        var upper = word.StartsWith(keyword, StringComparison.Ordinal);
        if (rest.Length == 0)
        {
            if (!upper) return null; // "near" is an ordinary word
            throw RuleParser.Error(start, $"{keyword}/n with n from {RuleLimits.MinNearDistance} to {RuleLimits.MaxNearDistance}",
                $"{keyword} needs a distance, e.g. {keyword}/5 (at position {start}).");
        }
        if (rest[0] != '/') return null; // NEARBY, nearest...
        var distance = rest[1..];
        var numberAt = start + keyword.Length + 1;
        if (!upper)
            throw RuleParser.Error(start, $"{keyword}/n in capitals",
                $"Operators are written in capitals: write {keyword}/{Excerpt(distance.ToString())} instead of '{Excerpt(word)}' at position {start}.");
        var expected = $"a distance from {RuleLimits.MinNearDistance} to {RuleLimits.MaxNearDistance} after '{keyword}/'";
        if (distance.Length == 0 || !IsAsciiDigits(distance))
            throw RuleParser.Error(numberAt, expected,
                $"{keyword} needs a distance, e.g. {keyword}/5, but at position {numberAt} found {(distance.Length == 0 ? "nothing" : $"'{Excerpt(distance.ToString())}'")}.");
        var n = ParseCapped(distance);
        if (n < RuleLimits.MinNearDistance || n > RuleLimits.MaxNearDistance)
            throw RuleParser.Error(numberAt, expected,
                $"The distance of {keyword}/{Excerpt(distance.ToString())} at position {numberAt} must be from {RuleLimits.MinNearDistance} to {RuleLimits.MaxNearDistance} words.");
        return new RuleToken(RuleTokenKind.Near, start, word, Number: n, Flag: ordered);
    }

    /// <summary>Habits from other query languages that would otherwise be read as plain words and match nothing.</summary>
    private static void CheckBareWord(int start, string word)
    {
        var tilde = word.IndexOf('~');
        if (tilde >= 0)
            throw RuleParser.Error(start + tilde, "'~n' only right after a closing quote",
                $"The '~' at position {start + tilde} has no meaning in a word: a gap follows a quoted phrase, as in \"troop withdrawal\"~2.");
        if (word.Length > 1 && word[0] is '-' or '+' && char.IsLetter(word[1]))
            throw RuleParser.Error(start, Expected, word[0] == '-'
                ? $"'{Excerpt(word)}' at position {start}: a leading '-' does not exclude a word here; write NOT {Excerpt(word[1..])}."
                : $"'{Excerpt(word)}' at position {start}: a leading '+' is not needed, every word is required unless joined with OR; drop the '+'.");
    }

    // ---- what words and phrases hold ------------------------------------------------------------------------------

    /// <summary>
    /// Validates the '*' and '?' of a word or phrase, counts its words, and returns its text (whitespace collapsed,
    /// without the trailing '*') and whether it ends with a wildcard. <paramref name="source"/> maps an index of
    /// <paramref name="content"/> to its position in the rule.
    /// </summary>
    private static (string Text, bool Wildcard) Analyse(string content, Func<int, int> source, int at, bool isPhrase)
    {
        var what = isPhrase ? "quoted phrase" : "word";
        var last = content.Length - 1;
        while (last >= 0 && char.IsWhiteSpace(content[last])) last--;

        var wildcard = false;
        for (var k = 0; k <= last; k++)
        {
            var c = content[k];
            if (c == '?' && k > 0 && k < last && IsWordChar(content[k - 1]) && IsWordChar(content[k + 1]))
                throw RuleParser.Error(source(k), "letters only, or a trailing '*'",
                    $"The '?' at position {source(k)} would be a one-letter wildcard, which is not supported: list the spellings with OR, or end the word with '*'.");
            if (c != '*') continue;
            if (k != last || k == 0 || char.IsWhiteSpace(content[k - 1]) || !IsWordChar(PrecedingWordChar(content, k)))
            {
                var message = k == last
                    ? $"The '*' at position {source(k)} must follow the letters of a word, as in withdraw*."
                    : isPhrase
                        ? $"The '*' at position {source(k)} is not at the end of the phrase: only its last word may end with '*', as in \"troop withdraw*\"."
                        : $"The '*' at position {source(k)} is not at the end of the word: a wildcard may only end a word, as in withdraw*.";
                throw RuleParser.Error(source(k), "'*' only at the end of a word", message);
            }
            var prefix = CountPrefix(content, k);
            if (prefix < RuleLimits.MinWildcardPrefix)
                throw RuleParser.Error(source(k), $"at least {RuleLimits.MinWildcardPrefix} letters before '*'",
                    $"The wildcard at position {source(k)} has only {prefix} letter{(prefix == 1 ? "" : "s")} before '*': too short a prefix would match most words. Write at least {RuleLimits.MinWildcardPrefix}.");
            wildcard = true;
        }

        var body = wildcard ? content[..last] : content;
        var text = isPhrase ? CollapseSpaces(body) : body;
        var (words, letters) = CountWords(text);
        if (words == 0)
            throw RuleParser.Error(at, "a word with letters or digits",
                isPhrase
                    ? $"The quoted phrase at position {at} has no letters or digits to search for."
                    : $"'{Excerpt(text)}' at position {at} has no letters or digits to search for (operators are written AND, OR, NOT).");
        if (words > RuleLimits.MaxWordsPerPhrase)
            throw RuleParser.Error(at, $"at most {RuleLimits.MaxWordsPerPhrase} words in a phrase",
                $"The {what} at position {at} has {words} words; the limit is {RuleLimits.MaxWordsPerPhrase}. Split it, or join its parts with NEAR/n.");
        if (words == 1 && letters < 2 && !wildcard)
            throw RuleParser.Error(at, "a word of at least two letters or digits",
                $"'{Excerpt(text)}' at position {at} is too short: a word needs at least two letters or digits (quote it with its neighbours, as in \"plan b\").");
        return (text, wildcard);
    }

    private static char PrecedingWordChar(string s, int k)
    {
        var j = k - 1;
        while (j > 0 && IsIgnorable(s[j])) j--;
        return s[j];
    }

    private static int CountPrefix(string s, int star)
    {
        var n = 0;
        for (var j = star - 1; j >= 0; j--)
        {
            if (IsWordChar(s[j])) n++;
            else if (!IsIgnorable(s[j])) break;
        }
        return n;
    }

    /// <summary>Words are runs of letters and digits (marks, tatweel and format characters inside do not break them).
    /// Returns the number of words and of letters and digits in all.</summary>
    internal static (int Words, int Letters) CountWords(string s)
    {
        int words = 0, letters = 0;
        var inWord = false;
        foreach (var c in s)
        {
            if (IsWordChar(c))
            {
                if (!inWord) words++;
                inWord = true;
                letters++;
            }
            else if (!IsIgnorable(c)) inWord = false;
        }
        return (words, letters);
    }

    private static string CollapseSpaces(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    // ---- numbers and characters ----------------------------------------------------------------------------------

    private (int? Value, int After) ReadNumber(int i)
    {
        var start = i;
        while (More(i) && char.IsAsciiDigit(_text[i])) i++;
        return i == start ? (null, i) : (ParseCapped(_text.AsSpan(start, i - start)), i);
    }

    /// <summary>The value of ASCII digits, capped at 100,000 so that no input overflows.</summary>
    private static int ParseCapped(ReadOnlySpan<char> digits)
    {
        var n = 0;
        foreach (var d in digits) n = Math.Min(n * 10 + (d - '0'), 100_000);
        return n;
    }

    private static string FormatNumber(int n) => n >= 100_000 ? "100000+" : n.ToString(CultureInfo.InvariantCulture);

    private static bool IsAsciiDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    private static bool IsLettersOnly(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (!char.IsLetter(c) || c == Tatweel) return false;
        return true;
    }

    private const char Tatweel = '\u0640';

    private static bool IsWordChar(char c) => c != Tatweel && char.IsLetterOrDigit(c);

    private static bool IsIgnorable(char c) =>
        c == Tatweel || c == '\u00AD' || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format;

    /// <summary>Direction marks and the byte-order mark that copying Arabic text brings along: spacing, not content.</summary>
    private static bool IsInvisibleControl(char c) =>
        c is '\u200E' or '\u200F' or '\u061C' or '\uFEFF' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || IsInvisibleControl(c);

    private static bool IsDelimiter(char c) => IsSpace(c) || c is '(' or ')' || IsQuote(c);

    private static bool IsOpeningQuote(char c) => c is '"' or '\u201C' or '\u201E' or '\u00AB';

    private static bool IsClosingQuote(char c) => c is '"' or '\u201D' or '\u201C' or '\u00BB';

    private static bool IsQuote(char c) => IsOpeningQuote(c) || IsClosingQuote(c);

    internal static string Excerpt(string s) => s.Length <= 40 ? s : s[..37] + "...";
}
