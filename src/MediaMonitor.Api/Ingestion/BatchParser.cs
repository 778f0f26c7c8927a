using System.Text.Json;
using System.Text.Unicode;
using MediaMonitor.Infrastructure;

namespace MediaMonitor.Ingestion;

/// <summary>One item of a batch as read: the article, or why it could not be read.</summary>
public sealed record BatchItem(int Index, IngestArticle? Article, string? Error);

/// <summary>
/// Reads a batch body: a JSON array, or NDJSON (one article per line). A malformed item becomes an invalid
/// item and the others still go in; only a body that is not an array at all is refused as a whole.
/// </summary>
public static class BatchParser
{
    public const int MaxItems = 1_000;
    public const int MaxBytes = 10 * 1024 * 1024;
    public static readonly string[] NdjsonMediaTypes = ["application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines"];

    public static bool IsNdjson(string? mediaType) => NdjsonMediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase);

    /// <exception cref="RequestRejectedException">The body as a whole cannot be read.</exception>
    public static IReadOnlyList<BatchItem> Parse(ReadOnlyMemory<byte> body, bool ndjson, JsonSerializerOptions options) =>
        ndjson ? ParseNdjson(body, options) : ParseArray(body, options);

    private static List<BatchItem> ParseArray(ReadOnlyMemory<byte> body, JsonSerializerOptions options)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new RequestRejectedException(StatusCodes.Status400BadRequest, $"The body is not valid JSON: {e.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new RequestRejectedException(StatusCodes.Status400BadRequest,
                    "A JSON batch is an array of articles; send one article to POST /api/articles, or NDJSON with Content-Type application/x-ndjson.");
            }
            var count = document.RootElement.GetArrayLength();
            if (count > MaxItems) throw TooMany(count);

            var items = new List<BatchItem>(count);
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                items.Add(Read(index++, element, options));
            }
            return items;
        }
    }

    private static List<BatchItem> ParseNdjson(ReadOnlyMemory<byte> body, JsonSerializerOptions options)
    {
        var items = new List<BatchItem>();
        var rest = body;
        var index = 0;
        while (!rest.IsEmpty)
        {
            var end = rest.Span.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? ReadOnlyMemory<byte>.Empty : rest[(end + 1)..];
            if (IsBlank(line.Span)) continue;
            if (items.Count == MaxItems) throw TooMany(items.Count + 1 + rest.Span.Count((byte)'\n'));

            if (!Utf8.IsValid(line.Span))
            {
                items.Add(new BatchItem(index++, null, "The line is not valid UTF-8."));
                continue;
            }
            try
            {
                using var document = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 16 });
                items.Add(Read(index++, document.RootElement, options));
            }
            catch (JsonException e)
            {
                items.Add(new BatchItem(index++, null, $"The line is not valid JSON: {e.Message}"));
            }
        }
        return items;
    }

    private static BatchItem Read(int index, JsonElement element, JsonSerializerOptions options)
    {
        if (element.ValueKind != JsonValueKind.Object) return new BatchItem(index, null, "An item is a JSON object.");
        try
        {
            return new BatchItem(index, element.Deserialize<IngestArticle>(options), null);
        }
        catch (JsonException e)
        {
            return new BatchItem(index, null, JsonErrors.Describe(e));
        }
    }

    private static RequestRejectedException TooMany(int count) => new(StatusCodes.Status413PayloadTooLarge,
        $"A batch has at most {MaxItems:N0} articles; this one has {count:N0}. Split it.");

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r')) return false;
        }
        return true;
    }
}
