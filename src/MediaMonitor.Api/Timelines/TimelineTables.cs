using MediaMonitor.Ingestion;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace MediaMonitor.Timelines;

/// <summary>
/// The tables <see cref="TimelineProjection"/> writes, declared for Marten to create and to empty when the projection
/// is rebuilt. Each count table's primary key is the order its queries read it in, so a query reads one key's range.
/// </summary>
public static class TimelineTables
{
    public const string Schema = "mediamonitor";
    public const string Articles = Schema + ".timeline_articles";
    public const string Matches = Schema + ".timeline_matches";
    public const string Counts = Schema + ".timeline_counts";
    public const string Hours = Schema + ".timeline_hours";
    public const string Summary = Schema + ".timeline_summary";

    /// <summary>The rollup key: every language, or every source.</summary>
    public const string All = "*";

    /// <summary>Between a term and the text that matched it in a <c>form</c> key of the summary.</summary>
    public const char FormSeparator = '\u001F';

    public static IReadOnlyList<Table> Build() => [ArticleTable(), MatchTable(), CountTable("timeline_counts"), CountTable("timeline_hours"), SummaryTable()];

    /// <summary>Per article, what its counts need: the UTC slots of its time (see <see cref="ArticleTime"/>), whether
    /// that is its ingest time, its language and source ('' for none).</summary>
    private static Table ArticleTable()
    {
        var table = new Table(new PostgresqlObjectName(Schema, "timeline_articles", SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("article_id").AsPrimaryKey();
        table.AddColumn("quarter", "timestamptz").NotNull();
        table.AddColumn("hour", "timestamptz").NotNull();
        table.AddColumn("day", "timestamptz").NotNull();
        table.AddColumn("by_ingest_time", "boolean").NotNull();
        table.AddColumn("lang", "text").NotNull();
        table.AddColumn("source", "text").NotNull();
        return table;
    }

    /// <summary>Each (article, watchlist) counted, once whatever matched it again: with the summary forms it added (the
    /// words go when the article is taken down) and whether its alert is counted. Keyed by article first: a new match
    /// looks up the watchlists already on its article.</summary>
    private static Table MatchTable()
    {
        var table = new Table(new PostgresqlObjectName(Schema, "timeline_matches", SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("article_id").AsPrimaryKey();
        table.AddColumn<Guid>("watchlist_id").AsPrimaryKey();
        table.AddColumn("forms", "text[]").NotNull();
        table.AddColumn("alerted", "boolean").NotNull().DefaultValueByExpression("false");
        return table;
    }

    /// <summary>Matched articles, alerts and articles counted by ingest time per watchlist, language, source and UTC
    /// quarter hour (<see cref="Counts"/>) or hour (<see cref="Hours"/>), with '*' rows for every language and/or every
    /// source. Quarter hours serve every zone (+03:30, +05:45); hours, a quarter of the rows, serve the zones whose
    /// buckets start on whole UTC hours over the window asked for, nearly all of them.</summary>
    private static Table CountTable(string name)
    {
        var table = new Table(new PostgresqlObjectName(Schema, name, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("watchlist_id").AsPrimaryKey();
        table.AddColumn("lang", "text").AsPrimaryKey();
        table.AddColumn("source", "text").AsPrimaryKey();
        table.AddColumn("slot", "timestamptz").AsPrimaryKey();
        table.AddColumn("articles", "integer").NotNull();
        table.AddColumn("alerts", "integer").NotNull();
        table.AddColumn("by_ingest_time", "integer").NotNull();
        return table;
    }

    /// <summary>Matched articles per watchlist, grain ('h' a UTC hour, 'd' a UTC day), slot, dimension and key: 'all'
    /// (key '', with the alerts), 'source', 'lang', 'watchlist' (another watchlist that matched the same article, by id)
    /// and 'form' (term, <see cref="FormSeparator"/>, the text as found).</summary>
    private static Table SummaryTable()
    {
        var table = new Table(new PostgresqlObjectName(Schema, "timeline_summary", SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("watchlist_id").AsPrimaryKey();
        table.AddColumn("grain", "text").AsPrimaryKey();
        table.AddColumn("slot", "timestamptz").AsPrimaryKey();
        table.AddColumn("dim", "text").AsPrimaryKey();
        table.AddColumn("key", "text").AsPrimaryKey();
        table.AddColumn("articles", "integer").NotNull();
        table.AddColumn("alerts", "integer").NotNull();
        return table;
    }
}
