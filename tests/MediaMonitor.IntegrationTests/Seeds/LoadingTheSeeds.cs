using System.Net;
using MediaMonitor.Ingestion;
using MediaMonitor.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace MediaMonitor.IntegrationTests.Seeds;

/// <summary>The repository's own seeds/: the watchlists and the seed article the service loads on first start.</summary>
public sealed class LoadingTheSeeds(AppFixture app) : ApiTest(app)
{
    private static readonly string SeedsFolder =
        Path.Combine(Path.GetDirectoryName(PostgresLocator.DataRoot(AppContext.BaseDirectory))!, "seeds");

    private static readonly string SeedText = File.ReadAllText(Path.Combine(SeedsFolder, "000_09f3a67f3580214e.txt"));

    private SeedLoader Loader()
    {
        var services = App.Host.Services;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MediaMonitor:Seeds:Path"] = SeedsFolder,
        }).Build();
        return new SeedLoader(services.GetRequiredService<Marten.IDocumentStore>(), services.GetRequiredService<FileIngestion>(),
            configuration, services.GetRequiredService<IHostEnvironment>(), TimeProvider.System, NullLogger<SeedLoader>.Instance);
    }

    [Theory]
    [InlineData("troop-withdrawal", "انسحاب القوات")]
    [InlineData("rocket-attacks", "الهجمات الصاروخية")]
    [InlineData("isis", "داعش")]
    [InlineData("elections", "انتخابات")]
    [InlineData("covid-19", "كورونا")]
    public async Task when_the_seeds_are_loaded_the_seed_article_raises_alerts_that_point_at_its_words(string slug, string expectedWord)
    {
        await Loader().StartAsync(CancellationToken.None);

        var watchlist = SeedLoader.SeedId(slug);
        var feed = await Json(await Get($"/api/alerts?watchlistId={watchlist}"), HttpStatusCode.OK);
        var alert = Assert.Single(feed["items"]!.AsArray())!;
        var hits = alert["hits"]!.AsArray();
        Assert.NotEmpty(hits);
        foreach (var hit in hits)
        {
            Assert.Equal("body", hit!["field"]!.GetValue<string>());   // the seed article has no title
            var text = SeedText.Substring(hit!["start"]!.GetValue<int>(), hit["length"]!.GetValue<int>());
            Assert.Equal(hit["text"]!.GetValue<string>(), text);
        }
        Assert.Contains(hits, h => h!["text"]!.GetValue<string>().Contains(expectedWord));
    }

    [Fact]
    public async Task when_the_seeds_are_loaded_twice_nothing_is_added_the_second_time()
    {
        await Loader().StartAsync(CancellationToken.None);
        var before = (await AllEvents()).Count;

        await Loader().StartAsync(CancellationToken.None);

        Assert.Equal(before, (await AllEvents()).Count);
        var watchlists = await Json(await Get("/api/watchlists"), HttpStatusCode.OK);
        Assert.Equal(8, watchlists.AsArray().Count);
    }
}
