namespace MediaMonitor.Matching;

public static class TermRules
{
    public const int MaxPhraseLength = 200;
    public const int MaxTermsPerWatchlist = 500;

    /// <summary>Null when the term can be watched, else a reason a user can act on.</summary>
    public static string? Validate(TermDefinition term) => throw new NotImplementedException();
}
