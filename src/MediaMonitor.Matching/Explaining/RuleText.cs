using MediaMonitor.Matching.Rules;

namespace MediaMonitor.Matching.Explaining;

/// <summary>A rule clause written back in rule syntax, for an explanation to name it.</summary>
internal static class RuleText
{
    public static string Of(RuleNode node) => node switch
    {
        PhraseNode p => Field(p.Field) + Phrase(p),
        AndNode a => string.Join(" AND ", a.Operands.Select(Grouped)),
        OrNode o => string.Join(" OR ", o.Operands.Select(Grouped)),
        NotNode n => "NOT " + Grouped(n.Operand),
        NearNode n => $"{Grouped(n.Left)} {(n.Ordered ? "ONEAR" : "NEAR")}/{n.Distance} {Grouped(n.Right)}",
        LangNode l => "lang:" + l.Lang,
        _ => "",
    };

    private static string Grouped(RuleNode node) => node is AndNode or OrNode or NearNode ? $"({Of(node)})" : Of(node);

    private static string Field(ArticleField? field) => field switch
    {
        ArticleField.Title => "title:",
        ArticleField.Body => "body:",
        _ => "",
    };

    private static string Phrase(PhraseNode p)
    {
        var text = p.Text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        var star = p.Wildcard && !text.EndsWith('*') ? "*" : "";
        var oneWord = !text.Any(char.IsWhiteSpace);
        return oneWord && p.MaxGap is null ? text + star : $"\"{text}{star}\"{(p.MaxGap is { } gap ? $"~{gap}" : "")}";
    }
}
