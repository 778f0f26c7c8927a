using System.Text.Json;
using System.Text.Json.Serialization;

namespace MediaMonitor.Ingestion;

/// <summary>
/// Reads articles from files: .txt (the whole file is the body; metadata from a sidecar NAME.meta.json),
/// .json (one article, an array, or {"articles": [...]}) and .jsonl (one article per line). Files may use
/// the API's fields or the corpus format (<c>published</c> for <c>publishedAt</c>; other fields ignored).
/// </summary>
public static class ArticleFiles
{
    public static readonly string[] Extensions = [".txt", ".json", ".jsonl", ".ndjson"];

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = true, ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public sealed record FileArticle(string Origin, IngestArticle? Article, string? Error);

    /// <summary>The article files at <paramref name="path"/> (a file, or a folder searched recursively), in name order.</summary>
    public static IReadOnlyList<string> Find(string path)
    {
        if (File.Exists(path)) return [path];
        if (!Directory.Exists(path)) throw new FileNotFoundException($"No file or folder at {path}.");
        return Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Where(f => !f.EndsWith(".meta.json", StringComparison.OrdinalIgnoreCase) && Path.GetFileName(f) != "watchlists.json")
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public static IEnumerable<FileArticle> Read(string file)
    {
        switch (Path.GetExtension(file).ToLowerInvariant())
        {
            case ".txt":
                yield return ReadText(file);
                break;
            case ".jsonl" or ".ndjson":
                var line = 0;
                foreach (var text in File.ReadLines(file))
                {
                    line++;
                    if (!string.IsNullOrWhiteSpace(text)) yield return Parse($"{file}:{line}", text);
                }
                break;
            default:
                foreach (var article in ReadJson(file)) yield return article;
                break;
        }
    }

    private static FileArticle ReadText(string file)
    {
        var meta = Path.ChangeExtension(file, ".meta.json");
        var body = File.ReadAllText(file);
        if (!File.Exists(meta)) return new FileArticle(file, new IngestArticle(null, body, null, null, null, null), null);
        var parsed = Parse(meta, File.ReadAllText(meta));
        return parsed.Article is null ? parsed : new FileArticle(file, parsed.Article with { Body = body }, null);
    }

    private static IEnumerable<FileArticle> ReadJson(string file)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return [new FileArticle(file, null, $"Not valid JSON: {e.Message}")];
        }

        var items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList()
            : root.TryGetProperty("articles", out var articles) && articles.ValueKind == JsonValueKind.Array ? articles.EnumerateArray().ToList()
            : [root];
        return items.Select((item, i) => Parse(items.Count == 1 ? file : $"{file}[{i}]", item.GetRawText()));
    }

    private static FileArticle Parse(string origin, string json)
    {
        try
        {
            var a = JsonSerializer.Deserialize<CorpusArticle>(json, Options);
            return a is null
                ? new FileArticle(origin, null, "Not an article object.")
                : new FileArticle(origin, new IngestArticle(a.Title, a.Body, a.Lang, a.Source, a.Url, a.PublishedAt ?? a.Published), null);
        }
        catch (JsonException e)
        {
            return new FileArticle(origin, null, $"Not a readable article: {e.Message}");
        }
    }

    private sealed record CorpusArticle(
        string? Title, string? Body, string? Lang, string? Source, string? Url,
        [property: JsonPropertyName("publishedAt")] DateTimeOffset? PublishedAt,
        [property: JsonPropertyName("published")] DateTimeOffset? Published);
}
