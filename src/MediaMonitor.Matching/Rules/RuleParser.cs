namespace MediaMonitor.Matching.Rules;

public static class RuleParser
{
    /// <summary>Parses a rule, or throws <see cref="RuleSyntaxException"/> saying where and what was expected.</summary>
    public static RuleNode Parse(string text) => throw new NotImplementedException();
}

/// <summary>A rule that cannot be parsed or is refused by a limit; <see cref="Position"/> is a character offset.</summary>
public sealed class RuleSyntaxException(int position, string expected, string message) : Exception(message)
{
    public int Position { get; } = position;
    public string Expected { get; } = expected;
}
