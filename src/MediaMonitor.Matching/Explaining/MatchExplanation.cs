namespace MediaMonitor.Matching.Explaining;

/// <summary>How the matcher read an article and a watchlist, step by step (<see cref="MatchExplainer"/>).</summary>
/// <param name="Matched">Whether the watchlist matches, exactly as the live matcher decides.</param>
/// <param name="Hits">The hits the live matcher reports for the watchlist.</param>
/// <param name="Language">The article's language as a <c>lang:</c> clause sees it: ar, en, other or any (unknown).</param>
/// <param name="Tokens">Every word of the title, then of the body, as analysed.</param>
/// <param name="Phrases">Each term and rule phrase: matched alone or not, and if not, why.</param>
/// <param name="Rule">The rule's clauses and whether each holds, or null without a rule.</param>
public sealed record MatchExplanation(bool Matched, IReadOnlyList<Hit> Hits, int HitsOmitted, string Language,
    IReadOnlyList<ExplainedToken> Tokens, IReadOnlyList<PhraseExplanation> Phrases, RuleExplanation? Rule);

/// <param name="Sentence">The sentence the word is in, counted from 0 in each field: a phrase never spans two.</param>
/// <param name="Normalised">The word once case, diacritics, tatweel and letter variants are folded.</param>
/// <param name="Readings">The keys it is looked up by: for an Arabic word, each reading with its clitics taken off
/// (وللقوات: وللقوات, قوات, ...), folded (ة→ه, ى→ي); for an English word, its stem; for a number, its digits.</param>
public sealed record ExplainedToken(ArticleField Field, int Start, int Length, string Text, int Sentence, string Script,
    string Normalised, IReadOnlyList<string> Readings);

public sealed record PhraseExplanation(WatchedPhrase Phrase, bool Matched, IReadOnlyList<Hit> Hits, PhraseMiss? Miss);

/// <summary>Why a phrase did not match, and the place in the text where it came closest.</summary>
/// <param name="Detail">The reason in a sentence, naming the words and numbers involved.</param>
/// <param name="Closest">Where the phrase came closest to matching (the words found, first to last), if anywhere.</param>
/// <param name="MissingWords">The phrase's words not in the text (as the matcher reads them).</param>
/// <param name="SimilarWords">Words of the text that look like a missing word but are not read as a form of it.</param>
/// <param name="Gap">With <see cref="MissReason.GapTooLong"/>: the fewest words that stand between two of its words.</param>
public sealed record PhraseMiss(MissReason Reason, string Detail, TextSpan? Closest, IReadOnlyList<string> MissingWords,
    IReadOnlyList<SimilarWord> SimilarWords, int? Gap = null);

public enum MissReason
{
    /// <summary>A word of the phrase is nowhere in the text, in no form the matcher knows.</summary>
    MissingWord,

    /// <summary>A word is missing, but the text has a word like it (one letter apart, or another derivation) that the
    /// matcher does not read as a form of it.</summary>
    DifferentForm,

    /// <summary>Every word is in one sentence, in order, but with more words between two of them than the phrase allows.</summary>
    GapTooLong,

    /// <summary>Every word is in one sentence, but never in the phrase's order.</summary>
    WordOrder,

    /// <summary>The words follow each other closely enough, but across the end of a sentence.</summary>
    SentenceBoundary,

    /// <summary>The words are there, but only in the field the phrase does not look in (<c>title:</c>, <c>body:</c>).</summary>
    OtherField,

    /// <summary>The words are in the text but never close to each other.</summary>
    Scattered,
}

public sealed record TextSpan(ArticleField Field, int Start, int Length, string Text);

/// <param name="Word">The phrase word it resembles.</param>
public sealed record SimilarWord(string Word, TextSpan At);

/// <summary>A rule read clause by clause: <see cref="Clauses"/>[0] is the whole rule, and each clause names its operands
/// by their place in the list (a flat list, not a tree, so that a client walks it with no recursion).</summary>
public sealed record RuleExplanation(IReadOnlyList<RuleClause> Clauses)
{
    public bool Holds => Clauses[0].Holds;
}

/// <summary>One clause of a rule and whether it holds for the article.</summary>
/// <param name="Kind">phrase, and, or, not, near, onear or lang.</param>
/// <param name="Text">The clause in rule syntax.</param>
/// <param name="Why">Why it holds or not, where that is more than its operands: a NOT clause whose phrase is in the
/// text, a NEAR whose sides are too far apart, the article's language.</param>
/// <param name="Operands">The places of its operands in <see cref="RuleExplanation.Clauses"/>.</param>
/// <param name="Phrase">For a phrase: its index in <see cref="MatchExplanation.Phrases"/>.</param>
public sealed record RuleClause(string Kind, string Text, bool Holds, string? Why, IReadOnlyList<int> Operands, int? Phrase = null);
