using System.Net;
using System.Text.Json.Nodes;

namespace MediaMonitor.IntegrationTests.Alerts;

/// <summary>
/// One shape per resource, held against the OpenAPI document: every operation whose answer holds an alert (alone, in a
/// page, or inside another answer) gives it with exactly the properties the document's alert schema lists, in the same
/// order, spelled alike (a hit's field, a state), whatever path it came by; and the document has one alert schema.
/// </summary>
public sealed class AlertContract(AppFixture app) : ApiTest(app)
{
    private const string AlertSchema = "AlertView";

    private JsonObject schemas = null!;

    private JsonObject Schema(string name) => schemas[name]!.AsObject();

    private static string? RefName(JsonNode? node) =>
        node?["$ref"]?.GetValue<string>() is { } r ? r[(r.LastIndexOf('/') + 1)..] : null;

    /// <summary>Whether the schema (by name) is the alert, or holds it in a property or an array of it, however deep.</summary>
    private bool Holds(string name, HashSet<string> seen)
    {
        if (name == AlertSchema) return true;
        if (!seen.Add(name) || Schema(name)["properties"] is not JsonObject properties) return false;
        return properties.Any(p => Refs(p.Value).Any(r => Holds(r, seen)));
    }

    private static IEnumerable<string> Refs(JsonNode? node)
    {
        if (node is null) yield break;
        if (RefName(node) is { } own) yield return own;
        if (RefName(node["items"]) is { } item) yield return item;
        foreach (var option in (node["anyOf"] ?? node["oneOf"])?.AsArray() ?? []) if (RefName(option) is { } r) yield return r;
    }

    /// <summary>Every alert in an answer: the objects in the places the schema says hold an alert.</summary>
    private IEnumerable<JsonObject> Alerts(JsonNode? value, string schema)
    {
        if (value is null) yield break;
        if (value is JsonArray array)
        {
            foreach (var item in array) foreach (var a in Alerts(item, schema)) yield return a;
            yield break;
        }
        if (schema == AlertSchema)
        {
            yield return value.AsObject();
            yield break;
        }
        foreach (var (property, definition) in Schema(schema)["properties"]?.AsObject() ?? [])
            foreach (var r in Refs(definition).Where(r => Holds(r, [])))
                foreach (var a in Alerts(value[property], r)) yield return a;
    }

    private void AssertShape(JsonObject alert, string operation)
    {
        var expected = Schema(AlertSchema)["properties"]!.AsObject().Select(p => p.Key).ToList();
        Assert.True(expected.SequenceEqual(alert.Select(p => p.Key)),
            $"{operation}: the alert has [{string.Join(", ", alert.Select(p => p.Key))}], the schema [{string.Join(", ", expected)}]");
        var hitSchema = RefName(Schema(AlertSchema)["properties"]!["hits"]!["items"])!;
        var hitProperties = Schema(hitSchema)["properties"]!.AsObject();
        var fields = Schema(RefName(hitProperties["field"])!)["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();
        Assert.Equal(["title", "body"], fields);
        foreach (var hit in alert["hits"]!.AsArray())
        {
            Assert.Equal(hitProperties.Select(p => p.Key), hit!.AsObject().Select(p => p.Key));
            Assert.Contains(hit["field"]!.GetValue<string>(), fields);
        }
        var states = Schema(RefName(Schema(AlertSchema)["properties"]!["state"])!)["enum"]!.AsArray().Select(v => v!.GetValue<string>());
        Assert.Contains(alert["state"]!.GetValue<string>(), states);
    }

    [Fact]
    public async Task every_operation_that_answers_an_alert_gives_the_documents_one_alert_shape()
    {
        var document = await Json(await Get("/openapi/v1.json", key: null), HttpStatusCode.OK);
        schemas = document["components"]!["schemas"]!.AsObject();
        var watchlist = await CreateWatchlist("Security", ("rocket attack", "en"));
        var ingested = await Ingest(new { title = "Rocket attack", body = "Residents said a rocket attack hit the northern district.", lang = "en" });
        var alert = ingested["alerts"]![0]!["alertId"]!.GetValue<Guid>();
        var second = (await Ingest(new { body = "Another rocket attack hit the airport.", lang = "en" }))["alerts"]![0]!["alertId"]!.GetValue<Guid>();
        await Json(await PostJson($"/api/alerts/{alert}/acknowledge", new { note = "on it" }), HttpStatusCode.OK);

        // The one alert schema: no other schema carries an alert's identity (its article, watchlist and time raised).
        var alertLike = schemas.Where(s => s.Value!["properties"] is JsonObject p && p.ContainsKey("articleId") && p.ContainsKey("watchlistId") && p.ContainsKey("raisedAt"))
            .Select(s => s.Key).ToList();
        Assert.Equal([AlertSchema], alertLike);

        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Path: path.Key, Method: op.Key,
                Schema: Refs(op.Value!["responses"]?["200"]?["content"]?["application/json"]?["schema"]).FirstOrDefault())))
            .Where(op => op.Schema is not null && Holds(op.Schema, []))
            .ToList();
        var calls = new Dictionary<string, Func<Task<HttpResponseMessage>>>
        {
            ["get /api/alerts"] = () => Get($"/api/alerts?watchlistId={watchlist}"),
            ["get /api/alerts/{id}"] = () => Get($"/api/alerts/{alert}"),
            ["post /api/alerts/{id}/acknowledge"] = () => PostJson($"/api/alerts/{second}/acknowledge", new { }),
            ["post /api/alerts/{id}/dismiss"] = () => PostJson($"/api/alerts/{second}/dismiss", new { note = "done" }),
            ["get /api/alerts/{id}/explain"] = () => Get($"/api/alerts/{alert}/explain"),
        };
        Assert.Equal(calls.Keys.Order(), operations.Select(op => $"{op.Method} {op.Path}").Order());

        foreach (var (path, method, schema) in operations)
        {
            var answer = await Json(await calls[$"{method} {path}"](), HttpStatusCode.OK);
            var found = Alerts(answer, schema!).ToList();
            Assert.NotEmpty(found);
            foreach (var a in found) AssertShape(a, $"{method} {path}");
        }
        // The as-of feed reads the past differently, and answers the same shape.
        var asOf = await Json(await Get($"/api/alerts?asOf={Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"))}"), HttpStatusCode.OK);
        foreach (var a in Alerts(asOf, RefName(document["paths"]!["/api/alerts"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"])!))
            AssertShape(a, "get /api/alerts?asOf");
    }
}
