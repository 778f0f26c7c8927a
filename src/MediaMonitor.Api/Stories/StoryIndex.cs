using MediaMonitor.Ingestion;
using MediaMonitor.Matching.Stories;
using Marten;
using Marten.Events.Projections;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace MediaMonitor.Stories;

/// <summary>
/// The articles a new one may be a copy of: one row per article that joined a story, with the LSH band keys of its
/// signature under a GIN index, so that intake finds the articles sharing a band with a chunk's articles in one
/// query (<see cref="StoryGrouping"/>). Inline: the next transaction's articles must find this one's. Rebuilt from
/// the story each <see cref="ArticleIngested"/> records (<see cref="ArticleStory"/>), which holds the signature, not the text.
/// </summary>
public sealed partial class StoryIndex : EventProjection
{
    public static readonly PostgresqlObjectName TableName = new("mediamonitor", "mm_story_index", Weasel.Postgresql.SchemaUtils.IdentifierUsage.General);

    public StoryIndex()
    {
        Name = "StoryIndex";
        var table = new Table(TableName);
        table.AddColumn<Guid>("article_id").AsPrimaryKey();
        table.AddColumn<Guid>("story_id").NotNull();
        table.AddColumn<string>("lang").NotNull();
        table.AddColumn("at", "timestamp with time zone").NotNull();
        table.AddColumn("bands", "bigint[]").NotNull();
        table.AddColumn("signature", "bytea").NotNull();
        table.AddColumn<int>("shingles").NotNull();
        table.AddColumn<int>("signature_version").NotNull();
        // The watchlists the article matched on intake: a later copy's alert for one of them is a repeat in the story.
        table.AddColumn("watchlists", "uuid[]").NotNull();
        // GIN's pending list keeps inserts cheap (32 keys a row go in later, in bulk), but every lookup scans it: with the
        // default 4 MB of it a lookup of 32 keys took 5 ms over 20,000 pending rows, 0.15 ms once merged; without it each
        // insert updates 32 posting lists at once. A small list holds both down.
        table.Indexes.Add(new IndexDefinition("ix_mm_story_index_bands")
        {
            Columns = ["bands"], Method = IndexMethod.gin, StorageParameters = { ["gin_pending_list_limit"] = "256" },
        });
        table.Indexes.Add(new IndexDefinition("ix_mm_story_index_story") { Columns = ["story_id"] });
        SchemaObjects.Add(table);
        Options.DeleteDataInTableOnTeardown(TableName.QualifiedName);
    }

    public void Project(ArticleIngested e, IDocumentOperations ops)
    {
        // Articles taken in before stories were kept, and those too short to judge, which nothing can join.
        if (e.Story is not { Signature: { } stored } story) return;
        var signature = Convert.FromBase64String(stored);
        var bands = StorySignature.FromBytes(signature, story.Shingles).BandKeys();
        // A replay of an article already indexed changes nothing.
        ops.QueueSqlCommand(
            $"insert into {TableName.QualifiedName} (article_id, story_id, lang, at, bands, signature, shingles, signature_version, watchlists) " +
            "values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (article_id) do nothing",
            e.ArticleId, story.StoryId, e.Lang, story.At, bands, signature, story.Shingles, story.SignatureVersion, story.MatchedWatchlistIds.ToArray());
    }
}
