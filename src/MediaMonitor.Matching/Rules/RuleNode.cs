namespace MediaMonitor.Matching.Rules;

/// <summary>A parsed watchlist rule. <see cref="Position"/> is the character offset in the rule text, for messages.</summary>
/// <remarks>
/// A node's position is where its text starts: a phrase at its first letter or opening quote, NOT at the keyword,
/// <c>lang:</c> at its <c>l</c>, and AND, OR and NEAR where their first operand's text starts, counting that operand's
/// opening parenthesis or field prefix. Parentheses and field prefixes themselves make no node.
/// </remarks>
public abstract record RuleNode(int Position);

/// <summary>
/// One word or phrase. <see cref="MaxGap"/> is how many words may stand between two of its words (null: the
/// default tolerance, as for terms; 0: exact adjacency). <see cref="Wildcard"/>: the last word is a prefix (withdraw*).
/// </summary>
public sealed record PhraseNode(int Position, string Text, int? MaxGap, bool Wildcard, ArticleField? Field) : RuleNode(Position);

public sealed record AndNode(int Position, IReadOnlyList<RuleNode> Operands) : RuleNode(Position)
{
    /// <summary>Compares the operands one by one (a record alone would compare the list references).</summary>
    public bool Equals(AndNode? other) =>
        other is not null && Position == other.Position && Operands.SequenceEqual(other.Operands);

    public override int GetHashCode() => RuleNodeEquality.Hash(Position, Operands);

    protected override bool PrintMembers(System.Text.StringBuilder builder) =>
        RuleNodeEquality.Print(builder, Position, Operands);
}

public sealed record OrNode(int Position, IReadOnlyList<RuleNode> Operands) : RuleNode(Position)
{
    /// <summary>Compares the operands one by one (a record alone would compare the list references).</summary>
    public bool Equals(OrNode? other) =>
        other is not null && Position == other.Position && Operands.SequenceEqual(other.Operands);

    public override int GetHashCode() => RuleNodeEquality.Hash(Position, Operands);

    protected override bool PrintMembers(System.Text.StringBuilder builder) =>
        RuleNodeEquality.Print(builder, Position, Operands);
}

public sealed record NotNode(int Position, RuleNode Operand) : RuleNode(Position);

/// <summary><c>a NEAR/n b</c>: a hit of each side with at most <see cref="Distance"/> words between them; ordered for ONEAR.</summary>
public sealed record NearNode(int Position, RuleNode Left, RuleNode Right, int Distance, bool Ordered) : RuleNode(Position);

/// <summary><c>lang:ar</c>: true when the article's language is <see cref="Lang"/>.</summary>
public sealed record LangNode(int Position, string Lang) : RuleNode(Position);

/// <summary>Value equality and readable printing for the operand lists of <see cref="AndNode"/> and <see cref="OrNode"/>.</summary>
internal static class RuleNodeEquality
{
    public static int Hash(int position, IReadOnlyList<RuleNode> operands)
    {
        var hash = new HashCode();
        hash.Add(position);
        foreach (var operand in operands) hash.Add(operand);
        return hash.ToHashCode();
    }

    public static bool Print(System.Text.StringBuilder builder, int position, IReadOnlyList<RuleNode> operands)
    {
        builder.Append("Position = ").Append(position).Append(", Operands = [ ");
        builder.AppendJoin(", ", operands);
        builder.Append(" ]");
        return true;
    }
}
