using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MediaMonitor.Infrastructure;

public static class ApiJson
{
    public static IServiceCollection AddApiJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o =>
        {
            // Enum values by their C# names, as Marten stores them: raw-JSON reads and typed responses then agree.
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new UtcTimeConverter());
            o.SerializerOptions.MaxDepth = 16;
            // A misspelt field is an error the client hears about, not data silently dropped.
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            // Arabic as text, not \uXXXX escapes: responses are JSON (never inlined in HTML), so this is safe.
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
}
