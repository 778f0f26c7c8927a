using JasperFx.Events.Projections;
using Marten;
using Marten.Schema;

namespace MediaMonitor.Ingestion;

public static class Configuration
{
    public static void AddIngestion(this StoreOptions marten)
    {
        marten.Projections.Add<ArticleViewProjection>(ProjectionLifecycle.Inline);
        // The database has the last word on duplicates: two requests racing with the same article cannot both commit.
        // The keys are columns of their own: the duplicate lookup then never reads (and decompresses) the documents,
        // which hold the articles' text, when PostgreSQL prefers a scan to the indexes.
        marten.Schema.For<ArticleView>()
            .UniqueIndex(UniqueIndexType.DuplicatedField, "article_content_hash", x => x.ContentHash)
            .UniqueIndex(UniqueIndexType.DuplicatedField, "article_url_hash", x => x.UrlHash!)
            // A watchlist preview reads the articles of a range of intake times, newest first.
            .Duplicate(x => x.IngestedAt);
    }

    public static IServiceCollection AddIngestion(this IServiceCollection services)
    {
        services.AddSingleton<ArticleIngestor>();
        services.AddSingleton<ArticleGroupCommit>();
        services.AddSingleton<FileIngestion>();
        services.AddHostedService<SeedLoader>();
        return services;
    }
}
