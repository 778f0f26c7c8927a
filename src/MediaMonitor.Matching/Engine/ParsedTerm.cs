using MediaMonitor.Matching.Analysis;

namespace MediaMonitor.Matching.Engine;

/// <summary>A phrase split into analysed words, shared by validation and compilation so both read a phrase alike.</summary>
internal sealed class ParsedTerm
{
    private static readonly char[] OpeningQuotes = ['"', '\u201C', '\u201E', '\u00AB'];
    private static readonly char[] ClosingQuotes = ['"', '\u201D', '\u201C', '\u00BB'];
    private static readonly char[] AnyQuote = ['"', '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB'];

    private ParsedTerm(bool exact, bool misplacedQuotes, TokenList words)
    {
        Exact = exact;
        MisplacedQuotes = misplacedQuotes;
        Words = words;
    }

    /// <summary>The phrase was wrapped in double quotes: its words must be adjacent.</summary>
    public bool Exact { get; }

    /// <summary>Double quotes somewhere other than around the whole phrase (the rule syntax may use them later).</summary>
    public bool MisplacedQuotes { get; }

    public TokenList Words { get; }

    public static ParsedTerm Parse(string phrase)
    {
        var text = phrase.Trim();
        var exact = text.Length >= 2 && OpeningQuotes.Contains(text[0]) && ClosingQuotes.Contains(text[^1]);
        if (exact) text = text[1..^1];
        var misplaced = text.IndexOfAny(AnyQuote) >= 0;
        var words = new TokenList();
        Tokenizer.Tokenize(text, words);
        return new ParsedTerm(exact, misplaced, words);
    }
}
