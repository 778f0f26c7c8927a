namespace MediaMonitor.Matching.Rules;

/// <summary>A parsed watchlist rule. <see cref="Position"/> is the character offset in the rule text, for messages.</summary>
public abstract record RuleNode(int Position);

/// <summary>
/// One word or phrase. <see cref="MaxGap"/> is how many words may stand between two of its words (null: the
/// default tolerance, as for terms; 0: exact adjacency). <see cref="Wildcard"/>: the last word is a prefix (withdraw*).
/// </summary>
public sealed record PhraseNode(int Position, string Text, int? MaxGap, bool Wildcard, ArticleField? Field) : RuleNode(Position);

public sealed record AndNode(int Position, IReadOnlyList<RuleNode> Operands) : RuleNode(Position);

public sealed record OrNode(int Position, IReadOnlyList<RuleNode> Operands) : RuleNode(Position);

public sealed record NotNode(int Position, RuleNode Operand) : RuleNode(Position);

/// <summary><c>a NEAR/n b</c>: a hit of each side with at most <see cref="Distance"/> words between them; ordered for ONEAR.</summary>
public sealed record NearNode(int Position, RuleNode Left, RuleNode Right, int Distance, bool Ordered) : RuleNode(Position);

/// <summary><c>lang:ar</c>: true when the article's language is <see cref="Lang"/>.</summary>
public sealed record LangNode(int Position, string Lang) : RuleNode(Position);
