using MediaMonitor.Matching.Rules;

namespace MediaMonitor.Matching.Explaining;

/// <summary>
/// A watchlist compiled together with one probe per phrase and one per word of each phrase of two words or more, so
/// that one pass over an article says whether the watchlist matches, which of its phrases match on their own, and
/// which phrases have every word in the text but not as the phrase (a near miss). Built from the same compiler as the
/// live matcher, so a probe can never disagree with it. Thread-safe, as <see cref="Matcher"/> is.
/// </summary>
public sealed class PhraseProbe
{
    private const string WatchlistId = "watchlist";

    private readonly Matcher matcher;

    /// <summary>For each phrase, for each word, the probe ids of its alternatives (any one present is enough).</summary>
    private readonly string[][][] wordProbes;

    private PhraseProbe(Matcher matcher, IReadOnlyList<WatchedPhrase> phrases, string[][][] wordProbes, RuleNode? rule,
        IReadOnlyDictionary<PhraseNode, int> rulePhrases)
    {
        this.matcher = matcher;
        Phrases = phrases;
        this.wordProbes = wordProbes;
        Rule = rule;
        RulePhrases = rulePhrases;
    }

    public IReadOnlyList<WatchedPhrase> Phrases { get; }

    /// <summary>The rule as parsed, or null without one.</summary>
    internal RuleNode? Rule { get; }

    /// <summary>Each phrase node of <see cref="Rule"/> (by reference) and its index in <see cref="Phrases"/>.</summary>
    internal IReadOnlyDictionary<PhraseNode, int> RulePhrases { get; }

    /// <summary>Compiles the terms and the rule (already checked: terms <see cref="TermRules.Validate"/> refuses are
    /// left out, as the live matcher does).</summary>
    /// <exception cref="RuleSyntaxException">The rule does not parse.</exception>
    public static PhraseProbe Compile(IReadOnlyList<TermDefinition> terms, string? rule)
    {
        var valid = terms.Where(t => t is not null && TermRules.Validate(t) is null).ToArray();
        var root = string.IsNullOrWhiteSpace(rule) ? null : RuleParser.Parse(rule);
        var phrases = WatchedPhrase.Of(valid, root);

        // Every probe is a rule of its own, its text a key into this table: the nodes are built here, not parsed.
        var nodes = new Dictionary<string, RuleNode>(StringComparer.Ordinal);
        var definitions = new List<WatchlistDefinition> { new(WatchlistId, 0, valid, root is null ? null : Key("rule", root)) };
        var wordProbes = new string[phrases.Count][][];
        foreach (var (phrase, node) in phrases)
        {
            var id = $"p{phrase.Index}";
            definitions.Add(node is null
                ? new WatchlistDefinition(id, 0, [valid[phrase.Index]])
                : new WatchlistDefinition(id, 0, [], Key(id, node)));
            wordProbes[phrase.Index] = phrase.Words.Count < 2 ? [] : phrase.Words.Select((word, w) => word.Alternatives.Select((alt, a) =>
            {
                var probe = $"p{phrase.Index}.{w}.{a}";
                var prefix = alt[^1].Prefix;
                var text = string.Join(' ', alt.Select(x => x.Normalised));
                definitions.Add(new WatchlistDefinition(probe, 0, [], Key(probe, new PhraseNode(0, text, 0, prefix, phrase.Field))));
                return probe;
            }).ToArray()).ToArray();
        }
        var compiled = Matcher.Compile(definitions, text => nodes[text]);
        var rulePhrases = phrases.Where(p => p.Node is not null)
            .ToDictionary(p => p.Node!, p => p.Phrase.Index, (IEqualityComparer<PhraseNode>)ReferenceEqualityComparer.Instance);
        return new PhraseProbe(compiled, phrases.Select(p => p.Phrase).ToArray(), wordProbes, root, rulePhrases);

        string Key(string key, RuleNode node)
        {
            nodes[key] = node;
            return key;
        }
    }

    public ProbeResult Run(ArticleText article)
    {
        var matches = matcher.Match(article);
        WatchlistMatch? watchlist = null;
        var phraseHits = new Hit[Phrases.Count][];
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in matches)
        {
            if (m.WatchlistId == WatchlistId) watchlist = m;
            else if (m.WatchlistId.IndexOf('.') < 0) phraseHits[int.Parse(m.WatchlistId.AsSpan(1))] = m.Hits.ToArray();
            else present.Add(m.WatchlistId);
        }
        var nearMisses = new List<int>();
        for (var p = 0; p < Phrases.Count; p++)
        {
            phraseHits[p] ??= [];
            if (phraseHits[p].Length == 0 && wordProbes[p].Length > 0 && wordProbes[p].All(word => word.Any(present.Contains)))
                nearMisses.Add(p);
        }
        return new ProbeResult(watchlist, phraseHits, nearMisses);
    }
}

/// <param name="Match">The watchlist's match, as the live matcher would record it, or null.</param>
/// <param name="PhraseHits">For each phrase, its hits when looked for alone (empty when it does not match).</param>
/// <param name="NearMisses">The phrases (indexes) with every word in the text, yet not matched as the phrase.</param>
public sealed record ProbeResult(WatchlistMatch? Match, IReadOnlyList<IReadOnlyList<Hit>> PhraseHits, IReadOnlyList<int> NearMisses);
