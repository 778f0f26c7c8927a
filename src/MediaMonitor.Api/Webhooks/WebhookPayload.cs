using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;
using MediaMonitor.Alerts;
using MediaMonitor.Spikes;

namespace MediaMonitor.Webhooks;

/// <summary>
/// What subscribers receive: a public contract, versioned and documented in the README, not an internal event, so
/// the events can change without breaking anyone. Adding fields is not a breaking change; renaming or removing one is,
/// and would come as a new <see cref="Version"/>.
/// </summary>
public sealed record WebhookPayload(string Type, int Version, DateTimeOffset Timestamp, AlertRaisedData Data)
{
    public const string AlertRaisedType = "alert.raised";
    public const string WatchlistSpikeType = "watchlist.spike";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static WebhookPayload For(AlertView alert) => new(AlertRaisedType, 1, alert.RaisedAt, new AlertRaisedData(
        alert.Id, alert.WatchlistId, alert.WatchlistName, alert.WatchlistVersion, alert.ArticleId, alert.ArticleTitle,
        alert.Url, alert.Source, alert.Lang, alert.PublishedAt, alert.RaisedAt,
        alert.Hits.Select(h => new WebhookHit(h.Term, h.Field.ToString().ToLowerInvariant(), h.Start, h.Length, h.Text, h.Snippet)).ToList(),
        alert.Hits.Count > 0 ? alert.Hits[0].Snippet : null, alert.Backfill, alert.HitsOmitted, alert.StoryId, alert.RepeatInStory));

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, Json);
}

/// <param name="StoryId">The story of the article (its near-duplicates and syndicated copies); null for alerts raised
/// before stories were kept.</param>
/// <param name="RepeatInStory">An earlier article of the story had already raised an alert for this watchlist
/// (subscriptions with <c>first-per-story</c> delivery are not sent these).</param>
public sealed record AlertRaisedData(
    Guid AlertId, Guid WatchlistId, string WatchlistName, int WatchlistVersion, Guid ArticleId, string? Title, string? Url,
    string? Source, string Lang, DateTimeOffset? PublishedAt, DateTimeOffset RaisedAt, IReadOnlyList<WebhookHit> Hits,
    string? Snippet, bool Backfill, int HitsOmitted, Guid? StoryId, bool RepeatInStory);

/// <param name="Field">"title" or "body".</param>
/// <param name="Start">Offset in UTF-16 code units into the field's text, as JavaScript and .NET index strings.</param>
public sealed record WebhookHit(string Term, string Field, int Start, int Length, string Text, string Snippet);

/// <summary>The <c>watchlist.spike</c> webhook, version 1: a surge of a watchlist's volume (see <see cref="SpikeEvaluation"/>).
/// Same contract rules as <see cref="WebhookPayload"/>.</summary>
public sealed record SpikeWebhookPayload(string Type, int Version, DateTimeOffset Timestamp, WatchlistSpikeData Data)
{
    public static SpikeWebhookPayload For(SpikeView spike) => new(WebhookPayload.WatchlistSpikeType, 1, spike.DetectedAt, new WatchlistSpikeData(
        spike.Id, spike.WatchlistId, spike.WatchlistName, spike.RuleVersion, spike.WindowStart, spike.WindowEnd, spike.Observed, spike.Expected,
        spike.Score, spike.Threshold, spike.PValue, SpikeRuleInput.Name(spike.Compare), XmlConvert.ToString(spike.Baseline), spike.MinimumCount,
        spike.ArticleIds, spike.DetectedAt));

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, WebhookPayload.Json);
}

/// <param name="Expected">The baseline's expected count for a window (λ).</param>
/// <param name="Score">−log₁₀ of <paramref name="PValue"/>; finite when the probability is too small for a double (then 0).</param>
/// <param name="Threshold">The rule's sensitivity: the largest probability that fires.</param>
/// <param name="Compare">"sameHours" or "preceding".</param>
/// <param name="Baseline">ISO-8601 duration (P7D).</param>
/// <param name="ArticleIds">Articles counted in the window, newest first, at most 100.</param>
public sealed record WatchlistSpikeData(
    Guid SpikeId, Guid WatchlistId, string WatchlistName, int RuleVersion, DateTimeOffset WindowStart, DateTimeOffset WindowEnd,
    int Observed, double Expected, double Score, double Threshold, double PValue, string Compare, string Baseline, int MinimumCount,
    IReadOnlyList<Guid> ArticleIds, DateTimeOffset DetectedAt);
