using System.Text.Json;
using JasperFx.Events;
using MediaMonitor.Infrastructure;
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
public sealed class StoryIndex : SetBasedProjection
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

    /// <summary>One statement for a batch's articles (an intake chunk, a rebuild page), not one each.</summary>
    protected override void Apply(IDocumentOperations operations, IReadOnlyList<IEvent> events)
    {
        // Articles taken in before stories were kept, and those too short to judge, which nothing can join.
        var rows = events.Select(e => e.Data).OfType<ArticleIngested>()
            .Where(e => e.Story is { Signature: not null }).ToList();
        if (rows.Count == 0) return;
        // A replay of an article already indexed changes nothing.
        operations.QueueSqlCommand(
            $"insert into {TableName.QualifiedName} (article_id, story_id, lang, at, signature, shingles, signature_version, watchlists) " +
            "select a, s, l, t, g, n, v, array(select jsonb_array_elements_text(w)::uuid) " +
            "from unnest(?::uuid[], ?::uuid[], ?::text[], ?::timestamptz[], ?::bytea[], ?::int[], ?::int[], ?::jsonb[]) x(a, s, l, t, g, n, v, w) " +
            "on conflict (article_id) do nothing",
            rows.Select(e => e.ArticleId).ToArray(), rows.Select(e => e.Story!.StoryId).ToArray(), rows.Select(e => e.Lang).ToArray(),
            rows.Select(e => e.Story!.At).ToArray(), rows.Select(e => Convert.FromBase64String(e.Story!.Signature!)).ToArray(),
            rows.Select(e => e.Story!.Shingles).ToArray(), rows.Select(e => e.Story!.SignatureVersion).ToArray(),
            rows.Select(e => JsonSerializer.Serialize(e.Story!.MatchedWatchlistIds)).ToArray());
    }
}
