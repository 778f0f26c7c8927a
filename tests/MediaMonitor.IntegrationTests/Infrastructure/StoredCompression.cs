using Marten;

namespace MediaMonitor.IntegrationTests.Infrastructure;

/// <summary>A long article's event and view are compressed with lz4, not PostgreSQL's slower default.</summary>
public sealed class StoredCompression(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task a_long_articles_event_and_view_are_stored_compressed_with_lz4()
    {
        var body = string.Join(" ", Enumerable.Repeat("قالت مصادر أمنية إن هجوما صاروخيا استهدف القاعدة الجوية فجر اليوم.", 80));
        var id = (await Ingest(new { title = "Long", body, lang = "ar" }))["id"]!.GetValue<Guid>();

        await using var session = App.Store.QuerySession();
        var stored = await session.AdvancedSql.QueryAsync<string>(
            "select pg_column_compression(data) from mediamonitor.mt_events where stream_id = ? and type = 'article_ingested' " +
            "union all select pg_column_compression(data) from mediamonitor.mt_doc_articleview where id = ?", CancellationToken.None, id, id);

        Assert.Equal(["lz4", "lz4"], stored);
    }
}
