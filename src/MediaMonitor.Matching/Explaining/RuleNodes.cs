using MediaMonitor.Matching.Rules;

namespace MediaMonitor.Matching.Explaining;

internal static class RuleNodes
{
    /// <summary>The node and every node below it, each before its operands, operands in text order (so the phrases of
    /// a rule come in the order its text gives them).</summary>
    public static IEnumerable<RuleNode> SelfAndDescendants(this RuleNode node) => node switch
    {
        AndNode a => a.Operands.SelectMany(SelfAndDescendants).Prepend(a),
        OrNode o => o.Operands.SelectMany(SelfAndDescendants).Prepend(o),
        NotNode n => n.Operand.SelfAndDescendants().Prepend(n),
        NearNode n => n.Left.SelfAndDescendants().Concat(n.Right.SelfAndDescendants()).Prepend(n),
        _ => [node],
    };
}
