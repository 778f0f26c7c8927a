using System.Text.Json;
using System.Text.Json.Serialization;
using JasperFx.Events;
using MediaMonitor.Alerts;
using MediaMonitor.Infrastructure;
using MediaMonitor.Ingestion;
using Marten;
using Marten.Events.Projections;
using static MediaMonitor.Timelines.TimelineTables;

namespace MediaMonitor.Timelines;

/// <summary>
/// Timeline and summary counts, kept in <see cref="TimelineTables"/> by SQL statements. Async (in the daemon): ingest
/// pays nothing for it, and one node at a time writes the counters, so increments never race. The daemon hands over a
/// page of events at a time; each page becomes at most three set-based statements (its articles, then its matches,
/// then its alerts) and one per takedown, in that order in one transaction. An article's <see cref="ArticleIngested"/>
/// comes before its matches, and a match before its alert, so the order of kinds is the order of events for every
/// article; a takedown comes after its article's matches, and matches after it carry masked hits, which add no forms.
/// <para>
/// An (article, watchlist) counts once, however often it is matched (a backfill after a rename matches again), and its
/// alert once. A takedown leaves the counts (the facts stay) but takes the article's words out of the matched forms, as
/// it masks them in the events: rebuilt from the masked events, the forms come out the same.
/// </para>
/// </summary>
public sealed class TimelineProjection : SetBasedProjection
{
    public const string ProjectionName = "Timeline";

    public TimelineProjection()
    {
        Name = ProjectionName;
        IncludeType<ArticleIngested>();
        IncludeType<ArticleMatched>();
        IncludeType<AlertRaised>();
        IncludeType<ArticleRemoved>();
        foreach (var table in TimelineTables.Build())
        {
            SchemaObjects.Add(table);
            Options.DeleteDataInTableOnTeardown(table.Identifier.QualifiedName);
        }
    }

    /// <summary>A page of events in a few set-based statements rather than one per event (see the class remarks).</summary>
    protected override void Apply(IDocumentOperations operations, IReadOnlyList<IEvent> events)
    {
        var data = events.Select(e => e.Data).ToList();
        var ingested = data.OfType<ArticleIngested>().ToList();
        if (ingested.Count > 0)
        {
            var times = ingested.Select(ArticleTime.Of).ToList();
            operations.QueueSqlCommand(InsertArticles, ingested.Select(e => e.ArticleId).ToArray(),
                times.Select(t => t.QuarterSlot).ToArray(), times.Select(t => t.HourSlot).ToArray(), times.Select(t => t.DaySlot).ToArray(),
                times.Select(t => t.ByIngestTime).ToArray(), ingested.Select(e => e.Lang).ToArray(), ingested.Select(e => e.Source ?? "").ToArray());
        }
        // A pair matched again within the page keeps its first match's forms, as it would one event at a time.
        var matches = data.OfType<ArticleMatched>().DistinctBy(m => (m.ArticleId, m.WatchlistId)).ToList();
        if (matches.Count > 0)
        {
            operations.QueueSqlCommand(CountMatches, JsonSerializer.Serialize(matches.Select(m =>
                new MatchRow(m.ArticleId, m.WatchlistId, Forms(m)))));
        }
        var alerts = data.OfType<AlertRaised>().ToList();
        if (alerts.Count > 0)
        {
            operations.QueueSqlCommand(CountAlerts, alerts.Select(a => a.ArticleId).ToArray(), alerts.Select(a => a.WatchlistId).ToArray());
        }
        foreach (var removed in data.OfType<ArticleRemoved>()) operations.QueueSqlCommand(RemoveForms, removed.ArticleId);
    }

    private sealed record MatchRow(
        [property: JsonPropertyName("article_id")] Guid ArticleId,
        [property: JsonPropertyName("watchlist_id")] Guid WatchlistId,
        [property: JsonPropertyName("forms")] string[] Forms);

    /// <summary>The summary's form keys of a match: each term with each text that matched it, once however often it was
    /// found (forms count articles, not hits). A masked hit (a removed article's) has no text and gives none.</summary>
    public static string[] Forms(ArticleMatched e) =>
        e.Hits.Where(h => h.Text.Length > 0).Select(h => h.Term + FormSeparator + h.Text).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToArray();

    private const string InsertArticles = $"""
        insert into {Articles} (article_id, quarter, hour, day, by_ingest_time, lang, source)
        select * from unnest(?::uuid[], ?::timestamptz[], ?::timestamptz[], ?::timestamptz[], ?::boolean[], ?::text[], ?::text[])
        on conflict (article_id) do nothing
        """;

    /// <summary>
    /// One statement for a page's matches: record each new (article, watchlist) pair, and count only those it recorded: in
    /// their quarter hour under the four keys (language and source, each, and both rolled up), and in their UTC hour and
    /// day in the summary (by source, language, form, and with the watchlists on the same article: a new pair and one
    /// counted before, both ways; two new pairs, each way once, as one after the other would); the same in whole UTC
    /// hours for the zones that need no quarters. Counts are summed per key before they are added, so a key many matches
    /// share costs one update.
    /// </summary>
    private static readonly string CountMatches = $"""
        with p as (select x.article_id, x.watchlist_id, array(select jsonb_array_elements_text(x.forms)) as forms
                   from jsonb_to_recordset(?::jsonb) x(article_id uuid, watchlist_id uuid, forms jsonb)),
        m as (insert into {Matches} (article_id, watchlist_id, forms)
              select p.article_id, p.watchlist_id, p.forms from p where exists (select from {Articles} a where a.article_id = p.article_id)
              on conflict do nothing returning article_id, watchlist_id, forms),
        n as (select m.watchlist_id, m.forms, a.* from m join {Articles} a using (article_id)),
        co as (select n.watchlist_id, n.hour, n.day, x.watchlist_id::text as key from n join {Matches} x using (article_id)
               where x.watchlist_id <> n.watchlist_id
               union all
               select x.watchlist_id, n.hour, n.day, n.watchlist_id::text from n join {Matches} x using (article_id)
               where x.watchlist_id <> n.watchlist_id
               union all
               select n.watchlist_id, n.hour, n.day, n2.watchlist_id::text from n join m n2 using (article_id)
               where n2.watchlist_id <> n.watchlist_id),
        c as ({CountMatchesInto(Counts, "quarter")}),
        ch as ({CountMatchesInto(Hours, "hour")})
        insert into {Summary} as t (watchlist_id, grain, slot, dim, key, articles, alerts)
        select d.watchlist_id, g.grain, g.slot, d.dim, d.key, count(*), 0
        from (select n.watchlist_id, n.hour, n.day, 'all' as dim, '' as key from n
              union all select n.watchlist_id, n.hour, n.day, 'source', n.source from n
              union all select n.watchlist_id, n.hour, n.day, 'lang', n.lang from n
              union all select n.watchlist_id, n.hour, n.day, 'form', f.key from n, unnest(n.forms) f(key)
              union all select co.watchlist_id, co.hour, co.day, 'watchlist', co.key from co) d,
             lateral (values ('h', d.hour), ('d', d.day)) g(grain, slot)
        group by 1, 2, 3, 4, 5
        on conflict (watchlist_id, grain, slot, dim, key) do update set articles = t.articles + excluded.articles
        """;

    /// <summary>New pairs (<c>n</c>) counted into a count table at the article's slot of that table's grain, under the
    /// four keys (language and source, each, and both rolled up; an article without a source has no source rows).</summary>
    private static string CountMatchesInto(string table, string slot) => $"""
        insert into {table} as t (watchlist_id, lang, source, slot, articles, alerts, by_ingest_time)
        select n.watchlist_id, k.lang, k.source, n.{slot}, count(*), 0, sum(n.by_ingest_time::int)
        from n, {Keys}
        group by 1, 2, 3, 4
        on conflict (watchlist_id, lang, source, slot)
        do update set articles = t.articles + excluded.articles, by_ingest_time = t.by_ingest_time + excluded.by_ingest_time
        """;

    private static string CountAlertsInto(string table, string slot) => $"""
        insert into {table} as t (watchlist_id, lang, source, slot, articles, alerts, by_ingest_time)
        select n.watchlist_id, k.lang, k.source, n.{slot}, 0, count(*), 0
        from n, {Keys}
        group by 1, 2, 3, 4
        on conflict (watchlist_id, lang, source, slot) do update set alerts = t.alerts + excluded.alerts
        """;

    private const string Keys = $"""
        lateral (values (n.lang, n.source), (n.lang, '{All}'), ('{All}', n.source), ('{All}', '{All}')) k(lang, source) where k.source <> ''
        """;

    /// <summary>The alerts of counted (article, watchlist) pairs, each once: in their quarter hour's and hour's four keys and their summary totals.</summary>
    private static readonly string CountAlerts = $"""
        with p as (select * from unnest(?::uuid[], ?::uuid[]) p(article_id, watchlist_id)),
        m as (update {Matches} x set alerted = true from p
              where x.article_id = p.article_id and x.watchlist_id = p.watchlist_id and not x.alerted
              returning x.article_id, x.watchlist_id),
        n as (select m.watchlist_id, a.* from m join {Articles} a using (article_id)),
        c as ({CountAlertsInto(Counts, "quarter")}),
        ch as ({CountAlertsInto(Hours, "hour")})
        insert into {Summary} as t (watchlist_id, grain, slot, dim, key, articles, alerts)
        select n.watchlist_id, g.grain, g.slot, 'all', '', 0, count(*)
        from n, lateral (values ('h', n.hour), ('d', n.day)) g(grain, slot)
        group by 1, 2, 3
        on conflict (watchlist_id, grain, slot, dim, key) do update set alerts = t.alerts + excluded.alerts
        """;

    /// <summary>A taken-down article's forms out of the summary (a count of one goes, a larger one goes down by one), and
    /// out of its match rows.</summary>
    private const string RemoveForms = $"""
        with p as (select ?::uuid as article_id),
        a as (select t.hour, t.day from {Articles} t join p using (article_id)),
        old as (select x.watchlist_id, x.forms from {Matches} x join p using (article_id) where cardinality(x.forms) > 0),
        cleared as (update {Matches} x set forms = array[]::text[] from p where x.article_id = p.article_id and cardinality(x.forms) > 0),
        gone as (select old.watchlist_id, g.grain, g.slot, f.key
                 from old, a, unnest(old.forms) f(key), lateral (values ('h', a.hour), ('d', a.day)) g(grain, slot)),
        dropped as (delete from {Summary} s using gone
                    where (s.watchlist_id, s.grain, s.slot, s.dim, s.key) = (gone.watchlist_id, gone.grain, gone.slot, 'form', gone.key)
                      and s.articles <= 1)
        update {Summary} s set articles = s.articles - 1 from gone
        where (s.watchlist_id, s.grain, s.slot, s.dim, s.key) = (gone.watchlist_id, gone.grain, gone.slot, 'form', gone.key)
          and s.articles > 1
        """;
}
