using System.Text;
using System.Text.Json;
using MediaMonitor.Alerts;
using MediaMonitor.Matching;
using MediaMonitor.Webhooks;

namespace MediaMonitor.Api.Tests.Webhooks;

public sealed class WebhookPayloadTests
{
    private static readonly DateTimeOffset RaisedAt = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset PublishedAt = new(2026, 11, 29, 11, 40, 0, TimeSpan.FromHours(3));

    private static AlertView Alert() => new()
    {
        Id = Guid.NewGuid(), ArticleId = Guid.NewGuid(), WatchlistId = Guid.NewGuid(), WatchlistVersion = 4,
        WatchlistName = "صواريخ", ArticleTitle = "هجوم صاروخي على الحدود", Lang = "ar", Source = "wire",
        Url = "https://news.example/ar/1", PublishedAt = PublishedAt, RaisedAt = RaisedAt,
        Hits =
        [
            new AlertHit("هجوم صاروخي", ArticleField.Title, 0, 11, "هجوم صاروخي", "هجوم صاروخي على الحدود"),
            new AlertHit("rocket", ArticleField.Body, 42, 6, "Rocket", "…a Rocket struck…"),
        ],
    };

    [Fact]
    public void when_an_alert_is_made_a_payload_it_is_an_alert_raised_of_version_1_at_the_time_raised()
    {
        var alert = Alert();

        var payload = WebhookPayload.For(alert);

        Assert.Equal("alert.raised", payload.Type);
        Assert.Equal(1, payload.Version);
        Assert.Equal(RaisedAt, payload.Timestamp);
        Assert.Equal(alert.Id, payload.Data.AlertId);
        Assert.Equal(alert.WatchlistId, payload.Data.WatchlistId);
        Assert.Equal("صواريخ", payload.Data.WatchlistName);
        Assert.Equal(4, payload.Data.WatchlistVersion);
        Assert.Equal(alert.ArticleId, payload.Data.ArticleId);
        Assert.Equal("هجوم صاروخي على الحدود", payload.Data.Title);
        Assert.Equal(PublishedAt, payload.Data.PublishedAt);
        Assert.Equal(RaisedAt, payload.Data.RaisedAt);
        Assert.Equal("هجوم صاروخي على الحدود", payload.Data.Snippet);
    }

    [Fact]
    public void when_an_alert_is_made_a_payload_its_hits_carry_the_field_in_lowercase_and_their_place()
    {
        var payload = WebhookPayload.For(Alert());

        Assert.Equal(
            [
                new WebhookHit("هجوم صاروخي", "title", 0, 11, "هجوم صاروخي", "هجوم صاروخي على الحدود"),
                new WebhookHit("rocket", "body", 42, 6, "Rocket", "…a Rocket struck…"),
            ],
            payload.Data.Hits);
    }

    [Fact]
    public void when_an_alert_left_hits_out_the_payload_says_how_many()
    {
        var alert = Alert();
        alert.HitsOmitted = 19_980;

        using var json = JsonDocument.Parse(WebhookPayload.For(alert).ToUtf8());

        Assert.Equal(19_980, json.RootElement.GetProperty("data").GetProperty("hitsOmitted").GetInt32());
    }

    [Fact]
    public void when_an_alert_has_no_hits_the_payload_has_no_snippet() =>
        Assert.Null(WebhookPayload.For(new AlertView { Id = Guid.NewGuid(), Lang = "en", RaisedAt = RaisedAt }).Data.Snippet);

    [Fact]
    public void when_a_payload_is_serialized_its_names_are_camel_case()
    {
        var alert = Alert();

        using var json = JsonDocument.Parse(WebhookPayload.For(alert).ToUtf8());

        var root = json.RootElement;
        Assert.Equal(["data", "timestamp", "type", "version"], root.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("alert.raised", root.GetProperty("type").GetString());
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal(RaisedAt, root.GetProperty("timestamp").GetDateTimeOffset());
        var data = root.GetProperty("data");
        Assert.Equal(alert.Id, data.GetProperty("alertId").GetGuid());
        Assert.Equal(alert.WatchlistId, data.GetProperty("watchlistId").GetGuid());
        Assert.Equal("صواريخ", data.GetProperty("watchlistName").GetString());
        Assert.Equal(4, data.GetProperty("watchlistVersion").GetInt32());
        Assert.Equal(alert.ArticleId, data.GetProperty("articleId").GetGuid());
        Assert.Equal(PublishedAt, data.GetProperty("publishedAt").GetDateTimeOffset());
        Assert.Equal(RaisedAt, data.GetProperty("raisedAt").GetDateTimeOffset());
        Assert.Equal("ar", data.GetProperty("lang").GetString());
        var hit = data.GetProperty("hits")[1];
        Assert.Equal(["field", "length", "snippet", "start", "term", "text"], hit.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(42, hit.GetProperty("start").GetInt32());
        Assert.Equal(6, hit.GetProperty("length").GetInt32());
    }

    [Fact]
    public void when_a_payload_is_serialized_arabic_text_is_written_as_is()
    {
        var text = Encoding.UTF8.GetString(WebhookPayload.For(Alert()).ToUtf8());

        Assert.Contains("\"watchlistName\":\"صواريخ\"", text);
        Assert.Contains("هجوم صاروخي على الحدود", text);
        Assert.DoesNotContain("\\u06", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void when_a_payload_is_serialized_the_field_is_a_lowercase_string_not_an_enum()
    {
        using var json = JsonDocument.Parse(WebhookPayload.For(Alert()).ToUtf8());

        var fields = json.RootElement.GetProperty("data").GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("field"));

        Assert.All(fields, f => Assert.Equal(JsonValueKind.String, f.ValueKind));
        Assert.Equal(["title", "body"], fields.Select(f => f.GetString()));
    }
}
