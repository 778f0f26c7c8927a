using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using JasperFx.Events;
using Marten;

namespace MediaMonitor.IntegrationTests.Ingestion;

public sealed class IngestingABatch(AppFixture app) : ApiTest(app)
{
    private static string[] Statuses(JsonNode response) =>
        response["items"]!.AsArray().Select(i => i!["status"]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task when_a_batch_mixes_good_duplicate_and_bad_items_each_is_answered_and_the_good_ones_go_in()
    {
        await CreateWatchlist("Rocket attacks", ("rocket attack", "en"));
        var existing = await Ingest(new { body = "An older story already stored.", url = "https://news.example/old" });

        var batch = """
            [
              {"body": "A rocket attack hit the base.", "url": "https://news.example/1"},
              {"title": "no body"},
              {"body": "Another story, about the harvest.", "url": "https://news.example/2"},
              {"body": "A copy with the same url.", "url": "https://news.example/1"},
              {"body": "Stored before, other text.", "url": "https://news.example/old"},
              {"body": "Wrong language.", "lang": "xx"},
              {"body": 17},
              {"body": "Unknown field.", "colour": "red"},
              "not an object"
            ]
            """;
        var response = await Json(await PostRaw("/api/articles/batch", batch, "application/json", AppFixture.IngestKey), HttpStatusCode.OK);

        Assert.Equal(["created", "invalid", "created", "duplicate", "duplicate", "invalid", "invalid", "invalid", "invalid"], Statuses(response));
        Assert.Equal(2, response["created"]!.GetValue<int>());
        Assert.Equal(2, response["duplicates"]!.GetValue<int>());
        Assert.Equal(5, response["invalid"]!.GetValue<int>());
        var items = response["items"]!.AsArray();
        Assert.Equal(items[0]!["id"]!.GetValue<Guid>(), items[3]!["id"]!.GetValue<Guid>());
        Assert.Equal(existing["id"]!.GetValue<Guid>(), items[4]!["id"]!.GetValue<Guid>());
        Assert.Single(items[0]!["alerts"]!.AsArray());
        Assert.Contains("body", items[1]!["error"]!.GetValue<string>());
        Assert.Contains("colour", items[7]!["error"]!.GetValue<string>());

        var article = await Json(await Get($"/api/articles/{items[2]!["id"]}"), HttpStatusCode.OK);
        Assert.Equal("Another story, about the harvest.", article["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task when_a_batch_is_ndjson_a_malformed_line_is_invalid_and_the_others_go_in()
    {
        var lines = new List<byte[]>
        {
            Encoding.UTF8.GetBytes("""{"body": "First story about the economy."}"""),
            Encoding.UTF8.GetBytes("{\"body\": \"broken"),
            new byte[] { (byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}' },
            Encoding.UTF8.GetBytes(""),
            Encoding.UTF8.GetBytes("""{"body": "Second story about the weather."}"""),
        };
        var body = lines.SelectMany(l => l.Append((byte)'\n')).ToArray();

        var response = await Json(await PostRaw("/api/articles/batch", body, "application/x-ndjson", AppFixture.IngestKey), HttpStatusCode.OK);

        Assert.Equal(["created", "invalid", "invalid", "created"], Statuses(response));
        Assert.Contains("UTF-8", response["items"]![2]!["error"]!.GetValue<string>());
        Assert.Equal(2, (await AllEvents()).Count);
    }

    [Fact]
    public async Task when_a_batch_has_more_items_than_allowed_the_answer_is_413_and_nothing_goes_in()
    {
        var items = Enumerable.Range(0, 1001).Select(i => new { body = $"Story number {i} about a quiet day." });

        var response = await PostRaw("/api/articles/batch", JsonSerializer.Serialize(items), "application/json", AppFixture.IngestKey);

        var problem = await Json(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("1,000", problem["detail"]!.GetValue<string>());
        Assert.Empty(await AllEvents());
    }

    [Fact]
    public async Task when_a_batch_is_larger_than_ten_mebibytes_the_answer_is_413()
    {
        var big = JsonSerializer.Serialize(new[] { new { body = new string('x', 11 * 1024 * 1024) } });

        var response = await PostRaw("/api/articles/batch", big, "application/json", AppFixture.IngestKey);

        await Json(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(await AllEvents());
    }

    [Fact]
    public async Task when_a_batch_is_not_an_array_the_answer_is_400() =>
        await Json(await PostRaw("/api/articles/batch", """{"body": "one"}""", "application/json", AppFixture.IngestKey), HttpStatusCode.BadRequest);

    [Fact]
    public async Task when_a_batch_is_malformed_json_the_answer_is_400() =>
        await Json(await PostRaw("/api/articles/batch", """[{"body": "one"},""", "application/json", AppFixture.IngestKey), HttpStatusCode.BadRequest);

    [Fact]
    public async Task when_a_batch_has_another_media_type_the_answer_is_415() =>
        await Json(await PostRaw("/api/articles/batch", "body", "text/csv", AppFixture.IngestKey), HttpStatusCode.UnsupportedMediaType);

    [Fact]
    public async Task when_a_batch_repeats_an_article_only_the_first_copy_is_created()
    {
        var batch = JsonSerializer.Serialize(new[] { new { body = "Same text." }, new { body = "same   TEXT." } });

        var response = await Json(await PostRaw("/api/articles/batch", batch, "application/json", AppFixture.IngestKey), HttpStatusCode.OK);

        Assert.Equal(["created", "duplicate"], Statuses(response));
        Assert.Single(await AllEvents());
    }

    [Fact]
    public async Task when_a_batch_is_larger_than_one_transaction_all_of_it_goes_in_in_order()
    {
        var items = Enumerable.Range(0, 600).Select(i => new { body = $"Story number {i} about a quiet day." }).ToArray();

        var response = await Json(await PostRaw("/api/articles/batch", JsonSerializer.Serialize(items), "application/json", AppFixture.IngestKey), HttpStatusCode.OK);

        Assert.Equal(600, response["created"]!.GetValue<int>());
        var indexes = response["items"]!.AsArray().Select(i => i!["index"]!.GetValue<int>());
        Assert.Equal(Enumerable.Range(0, 600), indexes);
        Assert.Equal(600, (await AllEvents()).Count);
    }

    [Fact]
    public async Task when_the_same_batch_is_sent_concurrently_each_article_is_stored_once()
    {
        // Requests that all carry the same articles take turns on them: each article is created exactly once.
        var batch = JsonSerializer.Serialize(Enumerable.Range(0, 5).Select(i => new { body = $"Raced story number {i} about the harbour." }));

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            PostRaw("/api/articles/batch", batch, "application/json", AppFixture.IngestKey)));

        var bodies = await Task.WhenAll(responses.Select(r => Json(r, HttpStatusCode.OK)));
        Assert.Equal(5, bodies.Sum(b => b["created"]!.GetValue<int>()));
        Assert.Equal(15, bodies.Sum(b => b["duplicates"]!.GetValue<int>()));
        Assert.Equal(5, (await AllEvents()).Count);
    }

    [Fact]
    public async Task when_overlapping_batches_race_none_of_their_appends_is_rolled_back()
    {
        // Each batch shares half its articles with the next: without the claims on their hashes, the loser of each
        // race fails on the unique index, and Marten fills the sequence numbers of its rolled-back append with tombstones.
        // Batches that wait on each other may spend their time budget on a busy machine: what they defer is sent again,
        // as a client does.
        async Task<int> Send(int from)
        {
            var pending = Enumerable.Range(from, 40).Select(i => new { body = $"Overlapping story {i} about the port.", url = $"https://news.example/overlap/{i}" }).ToList();
            var created = 0;
            while (pending.Count > 0)
            {
                var body = await Json(await PostRaw("/api/articles/batch", JsonSerializer.Serialize(pending), "application/json", AppFixture.IngestKey), HttpStatusCode.OK);
                created += body["created"]!.GetValue<int>();
                pending = body["items"]!.AsArray().Where(i => i!["status"]!.GetValue<string>() == "deferred").Select(i => pending[i!["index"]!.GetValue<int>()]).ToList();
            }
            return created;
        }

        var created = await Task.WhenAll(Enumerable.Range(0, 6).Select(b => Send(b * 20)));

        Assert.Equal(140, created.Sum());
        await using var session = App.Store.QuerySession();
        var raw = await session.Events.QueryAllRawEvents().ToListAsync();
        Assert.Equal(140, raw.Count);
        Assert.DoesNotContain(raw, e => e.Data is Tombstone);
    }
}
