using MediaMonitor.Ingestion;
using MediaMonitor.Matching.Stories;
using Marten;
using Marten.Events.Projections;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace MediaMonitor.Stories;

/// <summary>
/// The articles a new one may be a copy of: one row per article that joined a story, with its signature, which every
/// node holds in memory by band key (<see cref="StoryWindow"/>) and reads back from here after a start, for an article
/// dated long ago, and as other nodes add rows. Inline: the row commits with its article, so no node can see the
/// article and miss the row. Rebuilt from the story each <see cref="ArticleIngested"/> records (<see cref="ArticleStory"/>),
/// which holds the signature, not the text.
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
        table.AddColumn("signature", "bytea").NotNull();
        table.AddColumn<int>("shingles").NotNull();
        table.AddColumn<int>("signature_version").NotNull();
        // The watchlists the article matched on intake: a later copy's alert for one of them is a repeat in the story.
        table.AddColumn("watchlists", "uuid[]").NotNull();
        // The transaction that wrote the row: each node reads the rows written since it last looked (see StoryWindow).
        table.AddColumn("xid", "xid8").NotNull().DefaultValueByExpression("pg_current_xact_id()");
        table.Indexes.Add(new IndexDefinition("ix_mm_story_index_xid") { Columns = ["xid"] });
        table.Indexes.Add(new IndexDefinition("ix_mm_story_index_at") { Columns = ["at"] });
        table.Indexes.Add(new IndexDefinition("ix_mm_story_index_story") { Columns = ["story_id"] });
        SchemaObjects.Add(table);
        Options.DeleteDataInTableOnTeardown(TableName.QualifiedName);
    }

    public void Project(ArticleIngested e, IDocumentOperations ops)
    {
        // Articles taken in before stories were kept, and those too short to judge, which nothing can join.
        if (e.Story is not { Signature: { } stored } story) return;
        var signature = Convert.FromBase64String(stored);
        // A replay of an article already indexed changes nothing.
        ops.QueueSqlCommand(
            $"insert into {TableName.QualifiedName} (article_id, story_id, lang, at, signature, shingles, signature_version, watchlists) " +
            "values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (article_id) do nothing",
            e.ArticleId, story.StoryId, e.Lang, story.At, signature, story.Shingles, story.SignatureVersion, story.MatchedWatchlistIds.ToArray());
    }
}
