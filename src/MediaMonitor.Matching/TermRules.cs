using MediaMonitor.Matching.Engine;

namespace MediaMonitor.Matching;

public static class TermRules
{
    public const int MaxPhraseLength = 200;
    public const int MaxTermsPerWatchlist = 500;

    /// <summary>A phrase matches its words in order with gaps; past this many words that stops meaning one mention.</summary>
    public const int MaxWordsPerPhrase = 8;

    /// <summary>Null when the term can be watched, else a reason a user can act on.</summary>
    /// <remarks>
    /// <para>A term matches an article whose title or body contains its words, whatever the article's language: the
    /// language ("ar", "en" or none) only says how the phrase is meant and is kept for the user; each word is analysed
    /// by its script (Arabic clitics and inflections for Arabic letters, English inflections for Latin letters), so
    /// COVID-19 in an Arabic list finds COVID-19 in Arabic and English articles alike.</para>
    /// <para>Alternatives: <c>|</c> between two spellings of one word (no space needed around it) makes the term match
    /// either: <c>هجوم|هجمة صاروخي</c>, <c>defence|defense ministry</c>, <c>COVID-19|كورونا</c>. It binds one word;
    /// for two different phrases, add two terms. The combinations may not exceed <see cref="ParsedTerm.MaxVariants"/>.</para>
    /// </remarks>
    public static string? Validate(TermDefinition term)
    {
        if (term is null) return "The term is missing.";
        var phrase = term.Phrase;
        if (string.IsNullOrWhiteSpace(phrase)) return "The phrase is empty.";
        if (phrase.Length > MaxPhraseLength)
            return $"The phrase is {phrase.Length} characters long; the limit is {MaxPhraseLength}.";
        if (term.Lang is not (null or "ar" or "en"))
            return $"Unknown language \"{term.Lang}\": use \"ar\" or \"en\", or leave it empty (a term matches its words in articles of any language).";

        var parsed = ParsedTerm.Parse(phrase);
        if (parsed.MisplacedQuotes)
            return "Double quotes may only wrap the whole phrase (\"...\"), to ask for its words side by side with none in between.";
        if (parsed.Slots.Count == 0)
            return "The phrase has no letters or digits left once punctuation and diacritics are set aside.";
        if (parsed.VariantCount > ParsedTerm.MaxVariants)
            return $"The alternatives (|) combine into {parsed.VariantCount} phrases; the limit is {ParsedTerm.MaxVariants}. Split the term in several.";
        foreach (var words in parsed.Variants())
        {
            if (words.Length > MaxWordsPerPhrase)
                return $"The phrase has {words.Length} words; the limit is {MaxWordsPerPhrase}. Split it into shorter phrases.";
            if (words.Length == 1 && words[0].Norm.Length < 2)
                return "A one-word phrase needs at least two letters or digits.";
        }

        return null;
    }
}
