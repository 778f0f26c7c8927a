using System.Text.Json;
using System.Text.Json.Serialization;

namespace MediaMonitor.Infrastructure;

/// <summary>
/// Every time a JSON body gives is read as UTC, whatever offset it was written with, and a time written without an
/// offset is taken as UTC (System.Text.Json would take it as the server's local time). The events, the documents and
/// PostgreSQL then hold one form (Npgsql writes only offset 0 to timestamptz), and an instant compares as an instant.
/// </summary>
public sealed class UtcTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var time))
        {
            throw new JsonException("Expected a time in ISO 8601 form, such as 2026-11-29T12:00:00Z.");
        }
        return HasOffset(reader.GetString()!) ? time.ToUniversalTime() : new DateTimeOffset(time.DateTime, TimeSpan.Zero);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    /// <summary>An ISO 8601 time names its offset after the time of day: Z, or a sign and hours.</summary>
    private static bool HasOffset(string text)
    {
        var time = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        return time >= 0 && text.AsSpan(time).IndexOfAny("Zz+-") >= 0;
    }
}
