using MediaMonitor.Matching.Engine;
using MediaMonitor.Matching.Rules;

namespace MediaMonitor.Matching.Explaining;

/// <summary>
/// Reads a rule clause by clause against one article. A phrase holds when it matches alone; AND, OR and NOT combine
/// their operands; a NEAR clause and the whole rule are judged by the live matcher's compiler, each compiled as a rule
/// of its own; <c>lang:</c> by the article's language as the matcher sees it.
/// </summary>
internal sealed class RuleReader
{
    private readonly ArticleText article;
    private readonly RuleNode root;
    private readonly IReadOnlyDictionary<PhraseNode, int> leaves;
    private readonly IReadOnlyList<PhraseExplanation> phrases;
    private readonly HashSet<string> holding;
    private readonly Dictionary<RuleNode, string> keys = new(ReferenceEqualityComparer.Instance);

    public RuleReader(ArticleText article, RuleNode root, IReadOnlyDictionary<PhraseNode, int> leaves, IReadOnlyList<PhraseExplanation> phrases)
    {
        this.article = article;
        this.root = root;
        this.leaves = leaves;
        this.phrases = phrases;
        var nodes = new Dictionary<string, RuleNode>(StringComparer.Ordinal) { ["rule"] = root };
        keys[root] = "rule";
        foreach (var near in root.SelfAndDescendants().OfType<NearNode>())
        {
            var key = $"near{keys.Count}";
            keys[near] = key;
            nodes[key] = near;
        }
        var matcher = Matcher.Compile(nodes.Keys.Select(k => new WatchlistDefinition(k, 0, [], k)), text => nodes[text]);
        holding = matcher.Match(article).Select(m => m.WatchlistId).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The clauses as read, the whole rule first; the verdict on the whole rule is the live matcher's.</summary>
    public RuleExplanation Read()
    {
        var clauses = new List<RuleClause>();
        Read(root, clauses);
        clauses[0] = clauses[0] with { Holds = holding.Contains("rule") };
        return new RuleExplanation(clauses);
    }

    /// <summary>Adds the clause, then its operands after it; answers the clause.</summary>
    private RuleClause Read(RuleNode node, List<RuleClause> clauses)
    {
        var at = clauses.Count;
        clauses.Add(null!);
        var operands = new List<int>();
        RuleClause Operand(RuleNode operand)
        {
            operands.Add(clauses.Count);
            return Read(operand, clauses);
        }
        var clause = Clause(node, Operand) with { Operands = operands };
        clauses[at] = clause;
        return clause;
    }

    private RuleClause Clause(RuleNode node, Func<RuleNode, RuleClause> read)
    {
        var text = RuleText.Of(node);
        switch (node)
        {
            case PhraseNode p:
            {
                var phrase = phrases[leaves[p]];
                return new RuleClause("phrase", text, phrase.Matched, phrase.Miss?.Detail, [], leaves[p]);
            }
            case AndNode a:
            {
                var operands = a.Operands.Select(read).ToArray();
                var failing = operands.Where(o => !o.Holds).ToArray();
                return new RuleClause("and", text, failing.Length == 0,
                    failing.Length == 0 ? null : "Does not hold: " + string.Join("; ", failing.Select(f => f.Kind == "not" ? f.Why : $"{f.Text} does not hold")), []);
            }
            case OrNode o:
            {
                var operands = o.Operands.Select(read).ToArray();
                return new RuleClause("or", text, operands.Any(x => x.Holds), operands.Any(x => x.Holds) ? null : "None of its operands holds.", []);
            }
            case NotNode n:
            {
                var operand = read(n.Operand);
                return new RuleClause("not", text, !operand.Holds, operand.Holds ? $"Excluded: {operand.Text} is in the text." : null, []);
            }
            case NearNode n:
            {
                var left = read(n.Left);
                var right = read(n.Right);
                var holds = holding.Contains(keys[n]);
                var why = holds ? null
                    : !left.Holds || !right.Holds ? $"{(left.Holds ? right.Text : left.Text)} is not in the text."
                    : $"Both sides are in the text, but never within {n.Distance} words of each other{(n.Ordered ? " in that order" : "")} in one field.";
                return new RuleClause(n.Ordered ? "onear" : "near", text, holds, why, []);
            }
            case LangNode l:
            {
                var language = ArticleLanguages.Of(article);
                var holds = language == ArticleLanguages.Parse(l.Lang);
                return new RuleClause("lang", text, holds, $"The article's language is {MatchExplainer.LanguageName(language)}.", []);
            }
            default:
                return new RuleClause("unknown", text, false, null, []);
        }
    }
}
