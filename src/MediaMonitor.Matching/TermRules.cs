using MediaMonitor.Matching.Engine;

namespace MediaMonitor.Matching;

public static class TermRules
{
    public const int MaxPhraseLength = 200;
    public const int MaxTermsPerWatchlist = 500;

    /// <summary>A phrase matches its words in order with gaps; past this many words that stops meaning one mention.</summary>
    public const int MaxWordsPerPhrase = 8;

    /// <summary>Null when the term can be watched, else a reason a user can act on.</summary>
    /// <remarks>The language says which articles to watch, not the script of the phrase: COVID-19 is a fine term
    /// for Arabic articles, which write it in Latin letters.</remarks>
    public static string? Validate(TermDefinition term)
    {
        if (term is null) return "The term is missing.";
        var phrase = term.Phrase;
        if (string.IsNullOrWhiteSpace(phrase)) return "The phrase is empty.";
        if (phrase.Length > MaxPhraseLength)
            return $"The phrase is {phrase.Length} characters long; the limit is {MaxPhraseLength}.";
        if (term.Lang is not (null or "ar" or "en"))
            return $"Unknown language \"{term.Lang}\": use \"ar\" or \"en\", or leave it empty to match articles in any language.";

        var parsed = ParsedTerm.Parse(phrase);
        if (parsed.MisplacedQuotes)
            return "Double quotes may only wrap the whole phrase (\"...\"), to ask for its words side by side with none in between.";
        var words = parsed.Words;
        if (words.Count == 0)
            return "The phrase has no letters or digits left once punctuation and diacritics are set aside.";
        if (words.Count > MaxWordsPerPhrase)
            return $"The phrase has {words.Count} words; the limit is {MaxWordsPerPhrase}. Split it into shorter phrases.";
        if (words.Count == 1 && words[0].NormLength < 2)
            return "A one-word phrase needs at least two letters or digits.";

        return null;
    }
}
