using System.Text.Json;

namespace MediaMonitor.Matching;

/// <summary>
/// Readers for the files the offline <c>match</c> command and the benchmarks read: watchlists as
/// <c>{"watchlists":[{"id","name","terms":[{"phrase","lang"}],"rule"?}]}</c> and articles as JSONL lines
/// <c>{"id","lang","title","body",...}</c> (other fields ignored).
/// </summary>
public static class CorpusFormat
{
    public sealed record CorpusArticle(string Id, string? Lang, string? Title, string Body);

    private sealed record WatchlistsFile(List<WatchlistEntry>? Watchlists);
    private sealed record WatchlistEntry(string? Id, List<TermEntry>? Terms, string? Rule);
    private sealed record TermEntry(string? Phrase, string? Lang);
    private sealed record ArticleLine(string? Id, string? Lang, string? Title, string? Body);

    /// <summary>Version 1 for every watchlist: the files carry no history.</summary>
    public static IReadOnlyList<WatchlistDefinition> ReadWatchlists(string path)
    {
        var file = JsonSerializer.Deserialize<WatchlistsFile>(File.ReadAllText(path), JsonSerializerOptions.Web)
                   ?? throw new InvalidDataException($"{path} holds no watchlists.");
        return (file.Watchlists ?? []).Select((w, i) => new WatchlistDefinition(
                w.Id ?? throw new InvalidDataException($"{path}: watchlist {i} has no id."),
                1,
                (w.Terms ?? []).Select(t => new TermDefinition(t.Phrase ?? "", t.Lang)).ToList(),
                w.Rule))
            .ToList();
    }

    public static IEnumerable<CorpusArticle> ReadCorpus(string path)
    {
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            var a = JsonSerializer.Deserialize<ArticleLine>(text, JsonSerializerOptions.Web)
                    ?? throw new InvalidDataException($"{path}:{line} is not an article.");
            yield return new CorpusArticle(a.Id ?? $"{Path.GetFileName(path)}:{line}", a.Lang, a.Title, a.Body ?? "");
        }
    }
}
