using System.Net;

namespace MediaMonitor.IntegrationTests.Ingestion;

public sealed class DuplicateArticles(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task when_the_same_url_is_sent_again_the_existing_article_is_answered_and_nothing_is_appended()
    {
        await CreateWatchlist("Rocket attacks", ("rocket attack", "en"));
        var first = await Ingest(new { body = "A rocket attack hit the base.", url = "https://news.example/story?id=7" });
        var before = (await AllEvents()).Count;

        var again = await Ingest(new { body = "A rocket attack hit the base, updated.", url = "HTTPS://NEWS.example/story?id=7&utm_source=x#top" },
            HttpStatusCode.OK);

        Assert.Equal("duplicate", again["status"]!.GetValue<string>());
        Assert.Equal(first["id"]!.GetValue<Guid>(), again["id"]!.GetValue<Guid>());
        Assert.Empty(again["alerts"]!.AsArray());
        Assert.Equal(before, (await AllEvents()).Count);
    }

    [Fact]
    public async Task when_the_same_content_is_sent_with_other_spacing_and_case_it_is_a_duplicate()
    {
        var first = await Ingest(new { title = "Rockets", body = "A rocket attack hit the base.\nNobody was hurt." });
        var before = (await AllEvents()).Count;

        var again = await Ingest(new { title = "ROCKETS ", body = "  A rocket   attack hit the base. Nobody was hurt." }, HttpStatusCode.OK);

        Assert.Equal(first["id"]!.GetValue<Guid>(), again["id"]!.GetValue<Guid>());
        Assert.Equal(before, (await AllEvents()).Count);
    }

    [Fact]
    public async Task when_the_content_differs_it_is_a_new_article()
    {
        var first = await Ingest(new { body = "A rocket attack hit the base." });
        var second = await Ingest(new { body = "A rocket attack hit the airport." });

        Assert.NotEqual(first["id"]!.GetValue<Guid>(), second["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task when_the_same_article_is_sent_concurrently_it_is_stored_once()
    {
        var body = new { body = "Concurrent copies of one story about a rocket attack.", url = "https://news.example/race" };

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostJson("/api/articles", body, AppFixture.IngestKey)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Single(await AllEvents());
    }

    [Fact]
    public async Task when_a_long_url_has_non_ascii_characters_it_is_stored_and_recognised_again()
    {
        // Percent-encoded, 2,000 CJK characters are 18,000 bytes: more than a btree index row may hold.
        var url = "https://news.example/" + new string('\u6587', 2000);

        var first = await Ingest(new { body = "A story with a very long address.", url });
        var again = await Ingest(new { body = "The same address, other text.", url }, HttpStatusCode.OK);

        Assert.Equal(first["id"]!.GetValue<Guid>(), again["id"]!.GetValue<Guid>());
    }
}
