using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using MediaMonitor.Matching;

namespace MediaMonitor.Infrastructure;

public static class ApiJson
{
    public static IServiceCollection AddApiJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o =>
        {
            // Where a hit lies is written as the README, the rule syntax (title:, body:) and webhook payloads write it;
            // every other enum by its C# name.
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter<ArticleField>(JsonNamingPolicy.CamelCase));
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new UtcTimeConverter());
            o.SerializerOptions.MaxDepth = 16;
            // A misspelt field is an error the client hears about, not data silently dropped.
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            // Arabic as text, not \uXXXX escapes: responses are JSON (never inlined in HTML), so this is safe.
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
}
