using System.Text.Json;
using System.Text.Json.Nodes;

namespace MediaMonitor.Feeds;

/// <summary>A JSON Feed as handed to CodeHollow: checked, at most <see cref="FeedParser.MaxEntries"/> items.</summary>
internal sealed record FeedJsonCopy(string Json, int Listed);

internal static class FeedJson
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    public static FeedJsonCopy Copy(byte[] content)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(content, documentOptions: Options);
        }
        catch (JsonException e)
        {
            throw new FeedFormatException(
                $"The feed is not valid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}.", e);
        }
        if (root is not JsonObject feed || feed["version"] is not JsonValue version
            || version.GetValueKind() != JsonValueKind.String
            || !version.GetValue<string>().Contains("jsonfeed.org/version/", StringComparison.OrdinalIgnoreCase))
        {
            throw new FeedFormatException("The document is JSON but not a JSON Feed (it has no jsonfeed.org \"version\").");
        }
        if (feed["items"] is not JsonArray items) return new FeedJsonCopy(feed.ToJsonString(), 0);
        var listed = items.Count;
        while (items.Count > FeedParser.MaxEntries) items.RemoveAt(items.Count - 1);
        return new FeedJsonCopy(feed.ToJsonString(), listed);
    }
}
