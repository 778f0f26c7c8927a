using System.Text.Json;

namespace MediaMonitor.Fuzz.Http;

public sealed record Parameter(string Name, string In, JsonElement Schema);

/// <summary>One operation of the service's OpenAPI document.</summary>
public sealed record Operation(string Method, string Path, IReadOnlyList<Parameter> Parameters, JsonElement? BodySchema)
{
    public string Name => $"{Method} {Path}";

    /// <summary>The batch endpoint reads its body itself (a JSON array or NDJSON), so the document declares none.</summary>
    public bool TakesBody => BodySchema is not null || IsBatch;

    public bool IsBatch => Path.EndsWith("/batch", StringComparison.Ordinal);

    public IEnumerable<Parameter> Query => Parameters.Where(p => p.In == "query");
}

/// <summary>The operations of the running service's OpenAPI document, with its schemas resolved on demand.</summary>
public sealed class OpenApiOperations
{
    private readonly JsonElement _schemas;

    private OpenApiOperations(JsonDocument document)
    {
        var root = document.RootElement;
        _schemas = root.GetProperty("components").GetProperty("schemas");
        var operations = new List<Operation>();
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject())
            {
                var parameters = op.Value.TryGetProperty("parameters", out var ps)
                    ? ps.EnumerateArray().Select(p => new Parameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                        p.TryGetProperty("schema", out var s) ? Resolve(s) : default)).ToList()
                    : [];
                JsonElement? body = op.Value.TryGetProperty("requestBody", out var rb) && rb.TryGetProperty("content", out var content)
                                    && content.TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out var schema)
                    ? Resolve(schema)
                    : null;
                operations.Add(new Operation(op.Name.ToUpperInvariant(), path.Name, parameters, body));
            }
        }
        All = operations.OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<Operation> All { get; }

    public static async Task<OpenApiOperations> LoadAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        return new OpenApiOperations(JsonDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The schema itself, or the one its <c>$ref</c> names.</summary>
    public JsonElement Resolve(JsonElement schema)
    {
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return _schemas.TryGetProperty(name, out var target) ? Resolve(target) : schema;
        }
        return schema;
    }
}
