namespace MediaMonitor.Matching;

public sealed class Matcher
{
    public static Matcher Compile(IEnumerable<WatchlistDefinition> watchlists) => throw new NotImplementedException();

    public int WatchlistCount => throw new NotImplementedException();

    public int TermCount => throw new NotImplementedException();

    public IReadOnlyList<WatchlistMatch> Match(ArticleText article) => throw new NotImplementedException();
}
