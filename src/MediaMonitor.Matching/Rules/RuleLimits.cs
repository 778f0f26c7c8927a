namespace MediaMonitor.Matching.Rules;

/// <summary>
/// The bounds <see cref="RuleParser"/> enforces on a watchlist rule. Each one answers with a
/// <see cref="RuleSyntaxException"/> naming the position where the rule went past it.
/// </summary>
/// <remarks>
/// They keep a rule cheap to parse and to evaluate against every incoming article, and keep it meaningful:
/// <list type="bullet">
/// <item><see cref="MaxRuleLength"/> — 4,000 characters of rule text (UTF-16 code units).</item>
/// <item><see cref="MaxDepth"/> — 10 levels of nesting, counting each '(' and each NOT; <c>title:(</c> counts its '('.</item>
/// <item><see cref="MaxPhrases"/> — 200 words and quoted phrases in one rule (a bare word counts as one phrase).</item>
/// <item><see cref="MaxWordsPerPhrase"/> — 8 words in one phrase, as for watchlist terms.</item>
/// <item><see cref="MinNearDistance"/>..<see cref="MaxNearDistance"/> — NEAR/n and ONEAR/n take 1 to 50 words.</item>
/// <item><see cref="MaxPhraseGap"/> — <c>"a b"~n</c> allows at most 5 inserted words.</item>
/// <item><see cref="MinWildcardPrefix"/> — a trailing '*' needs at least 3 letters or digits before it.</item>
/// <item><see cref="MaxWildcards"/> — 20 wildcard words in one rule (each expands to many vocabulary words).</item>
/// </list>
/// </remarks>
public static class RuleLimits
{
    /// <summary>Longest rule text accepted, in characters.</summary>
    public const int MaxRuleLength = 4_000;

    /// <summary>Deepest nesting accepted: each '(' and each NOT opens one level. Ten is far past any real rule and
    /// keeps the parser's recursion (checked before it recurses) and the engine's evaluation shallow.</summary>
    public const int MaxDepth = 10;

    /// <summary>Most words and quoted phrases in one rule; a rule needing more should be split into watchlists.</summary>
    public const int MaxPhrases = 200;

    /// <summary>Most words in one phrase (words are runs of letters and digits: "covid-19" is two). Same as
    /// <see cref="TermRules.MaxWordsPerPhrase"/>: past this a phrase stops meaning one mention.</summary>
    public const int MaxWordsPerPhrase = 8;

    /// <summary>Smallest n in NEAR/n and ONEAR/n.</summary>
    public const int MinNearDistance = 1;

    /// <summary>Largest n in NEAR/n and ONEAR/n: further apart, two words are not about each other any more.</summary>
    public const int MaxNearDistance = 50;

    /// <summary>Largest n in <c>"a b"~n</c> (words allowed between two words of a phrase); use NEAR/n for more.</summary>
    public const int MaxPhraseGap = 5;

    /// <summary>Fewest letters or digits before a trailing '*': too short a prefix would match most words.</summary>
    public const int MinWildcardPrefix = 3;

    /// <summary>Most wildcard words (<c>withdraw*</c>) in one rule.</summary>
    public const int MaxWildcards = 20;
}
