namespace MediaMonitor.Matching.Tests.Support;

/// <summary>Short ways to ask "what does this phrase find in this text".</summary>
internal static class Watch
{
    public static Matcher Phrases(params string[] phrases) =>
        Matcher.Compile([new WatchlistDefinition("w", 1, phrases.Select(p => new TermDefinition(p)).ToList())]);

    /// <summary>The hits of one phrase in a body, each checked to be the exact slice of the text it claims.</summary>
    public static IReadOnlyList<Hit> Hits(string phrase, string body, string? title = null) =>
        HitsOf(Phrases(phrase), body, title);

    public static IReadOnlyList<Hit> HitsOf(Matcher matcher, string body, string? title = null)
    {
        var matches = matcher.Match(new ArticleText(title, body));
        var hits = matches.SelectMany(m => m.Hits).ToList();
        foreach (var h in hits)
        {
            var field = h.Field == ArticleField.Title ? title! : body;
            Assert.Equal(field.Substring(h.Start, h.Length), h.Text);
        }
        return hits;
    }

    /// <summary>The words each hit covers, in order.</summary>
    public static string[] Found(string phrase, string body) => Hits(phrase, body).Select(h => h.Text).ToArray();
}
