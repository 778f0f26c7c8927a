using MediaMonitor.Matching.Rules;

namespace MediaMonitor.Matching.Tests.Rules;

/// <summary>Short constructors for expected rule trees, and the two ways a rule can come out of the parser.</summary>
internal static class Ast
{
    public const ArticleField Title = ArticleField.Title;
    public const ArticleField Body = ArticleField.Body;

    public static PhraseNode W(int position, string text, int? gap = null, bool wildcard = false, ArticleField? field = null) =>
        new(position, text, gap, wildcard, field);

    public static AndNode And(int position, params RuleNode[] operands) => new(position, operands);

    public static OrNode Or(int position, params RuleNode[] operands) => new(position, operands);

    public static NotNode Not(int position, RuleNode operand) => new(position, operand);

    public static NearNode Near(int position, RuleNode left, RuleNode right, int distance) => new(position, left, right, distance, false);

    public static NearNode ONear(int position, RuleNode left, RuleNode right, int distance) => new(position, left, right, distance, true);

    public static LangNode Lang(int position, string lang) => new(position, lang);

    public static void Parses(string rule, RuleNode expected) => Assert.Equal(expected, RuleParser.Parse(rule));

    public static RuleSyntaxException Refused(string rule) => Assert.Throws<RuleSyntaxException>(() => RuleParser.Parse(rule));

    /// <summary>The rule is refused at <paramref name="position"/>; the message names that position.</summary>
    public static RuleSyntaxException RefusedAt(string rule, int position, string? expected = null, bool namesPosition = true)
    {
        var error = Refused(rule);
        Assert.Equal(position, error.Position);
        if (namesPosition) Assert.Contains($"position {position}", error.Message);
        if (expected is not null) Assert.Equal(expected, error.Expected);
        return error;
    }

    public const string Operand = "a word, a quoted phrase or '('";
}
