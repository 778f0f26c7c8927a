using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using MediaMonitor.Alerts;

namespace MediaMonitor.Webhooks;

/// <summary>
/// What subscribers receive: a public contract, versioned and documented in the README, not an internal event, so
/// the events can change without breaking anyone. Adding fields is not a breaking change; renaming or removing one is,
/// and would come as a new <see cref="Version"/>.
/// </summary>
public sealed record WebhookPayload(string Type, int Version, DateTimeOffset Timestamp, AlertRaisedData Data)
{
    public const string AlertRaisedType = "alert.raised";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static WebhookPayload For(AlertView alert) => new(AlertRaisedType, 1, alert.RaisedAt, new AlertRaisedData(
        alert.Id, alert.WatchlistId, alert.WatchlistName, alert.WatchlistVersion, alert.ArticleId, alert.ArticleTitle,
        alert.Url, alert.Source, alert.Lang, alert.PublishedAt, alert.RaisedAt,
        alert.Hits.Select(h => new WebhookHit(h.Term, h.Field.ToString().ToLowerInvariant(), h.Start, h.Length, h.Text, h.Snippet)).ToList(),
        alert.Hits.Count > 0 ? alert.Hits[0].Snippet : null, alert.Backfill, alert.HitsOmitted));

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, Json);
}

public sealed record AlertRaisedData(
    Guid AlertId, Guid WatchlistId, string WatchlistName, int WatchlistVersion, Guid ArticleId, string? Title, string? Url,
    string? Source, string Lang, DateTimeOffset? PublishedAt, DateTimeOffset RaisedAt, IReadOnlyList<WebhookHit> Hits,
    string? Snippet, bool Backfill, int HitsOmitted);

/// <param name="Field">"title" or "body".</param>
/// <param name="Start">Offset in UTF-16 code units into the field's text, as JavaScript and .NET index strings.</param>
public sealed record WebhookHit(string Term, string Field, int Start, int Length, string Text, string Snippet);
