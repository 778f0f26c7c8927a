using JasperFx.Events;
using MediaMonitor.Alerts;
using MediaMonitor.Ingestion;
using Marten;
using Marten.Events.Projections;
using static MediaMonitor.Timelines.TimelineTables;

namespace MediaMonitor.Timelines;

/// <summary>
/// Timeline and summary counts, kept in <see cref="TimelineTables"/> by SQL statements. Async (in the daemon): ingest
/// pays nothing for it, and one node at a time writes the counters, so increments never race. The daemon applies a
/// page of events in sequence order and runs their statements in that order in one transaction; an article's
/// <see cref="ArticleIngested"/> comes before its matches, and a match before its alert (they are appended in that
/// order), so each statement finds the rows it joins.
/// <para>
/// An (article, watchlist) counts once, however often it is matched (a backfill after a rename matches again), and its
/// alert once. A takedown leaves the counts (the facts stay) but takes the article's words out of the matched forms, as
/// it masks them in the events: rebuilt from the masked events, the forms come out the same.
/// </para>
/// </summary>
public sealed class TimelineProjection : EventProjection
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

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        switch (e.Data)
        {
            case ArticleIngested ingested:
                var time = ArticleTime.Of(ingested);
                operations.QueueSqlCommand(InsertArticle, ingested.ArticleId, time.QuarterSlot, time.HourSlot, time.DaySlot,
                    time.ByIngestTime, ingested.Lang, ingested.Source ?? "");
                break;
            case ArticleMatched matched:
                operations.QueueSqlCommand(CountMatch, matched.ArticleId, matched.WatchlistId, Forms(matched));
                break;
            case AlertRaised alert:
                operations.QueueSqlCommand(CountAlert, alert.ArticleId, alert.WatchlistId);
                break;
            case ArticleRemoved removed:
                operations.QueueSqlCommand(RemoveForms, removed.ArticleId);
                break;
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>The summary's form keys of a match: each term with each text that matched it, once however often it was
    /// found (forms count articles, not hits). A masked hit (a removed article's) has no text and gives none.</summary>
    public static string[] Forms(ArticleMatched e) =>
        e.Hits.Where(h => h.Text.Length > 0).Select(h => h.Term + FormSeparator + h.Text).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToArray();

    private const string InsertArticle = $"""
        insert into {Articles} (article_id, quarter, hour, day, by_ingest_time, lang, source) values (?, ?, ?, ?, ?, ?, ?)
        on conflict (article_id) do nothing
        """;

    /// <summary>
    /// One statement: record the (article, watchlist) pair, and only if it is new count it in its quarter hour under
    /// the four keys (language and source, each, and both rolled up), and in its UTC hour and day in the summary (by
    /// source, language, form, and with every watchlist already on the article, both ways).
    /// </summary>
    private const string CountMatch = $"""
        with p as (select ?::uuid as article_id, ?::uuid as watchlist_id, ?::text[] as forms),
        a as (select t.* from {Articles} t join p using (article_id)),
        m as (insert into {Matches} (article_id, watchlist_id, forms)
              select p.article_id, p.watchlist_id, p.forms from p where exists (select from a)
              on conflict do nothing returning watchlist_id),
        o as (select x.watchlist_id from {Matches} x join p using (article_id)
              where x.watchlist_id <> p.watchlist_id and exists (select from m)),
        c as (insert into {Counts} as t (watchlist_id, lang, source, slot, articles, alerts, by_ingest_time)
              select p.watchlist_id, k.lang, k.source, a.quarter, 1, 0, a.by_ingest_time::int
              from p, a, m, lateral (values (a.lang, a.source), (a.lang, '{All}'), ('{All}', a.source), ('{All}', '{All}')) k(lang, source)
              where k.source <> ''
              on conflict (watchlist_id, lang, source, slot)
              do update set articles = t.articles + 1, by_ingest_time = t.by_ingest_time + excluded.by_ingest_time)
        insert into {Summary} as t (watchlist_id, grain, slot, dim, key, articles, alerts)
        select d.watchlist_id, g.grain, g.slot, d.dim, d.key, 1, 0
        from a, m, lateral (values ('h', a.hour), ('d', a.day)) g(grain, slot),
        lateral (select p.watchlist_id, 'all', '' from p
                 union all select p.watchlist_id, 'source', a.source from p
                 union all select p.watchlist_id, 'lang', a.lang from p
                 union all select p.watchlist_id, 'form', f.key from p, unnest(p.forms) f(key)
                 union all select p.watchlist_id, 'watchlist', o.watchlist_id::text from p, o
                 union all select o.watchlist_id, 'watchlist', p.watchlist_id::text from p, o) d(watchlist_id, dim, key)
        on conflict (watchlist_id, grain, slot, dim, key) do update set articles = t.articles + 1
        """;

    /// <summary>The alert of a counted (article, watchlist) pair, once: in its quarter hour's four keys and its summary totals.</summary>
    private const string CountAlert = $"""
        with p as (select ?::uuid as article_id, ?::uuid as watchlist_id),
        m as (update {Matches} x set alerted = true from p
              where x.article_id = p.article_id and x.watchlist_id = p.watchlist_id and not x.alerted returning x.article_id),
        a as (select t.* from {Articles} t join m using (article_id)),
        c as (insert into {Counts} as t (watchlist_id, lang, source, slot, articles, alerts, by_ingest_time)
              select p.watchlist_id, k.lang, k.source, a.quarter, 0, 1, 0
              from p, a, lateral (values (a.lang, a.source), (a.lang, '{All}'), ('{All}', a.source), ('{All}', '{All}')) k(lang, source)
              where k.source <> ''
              on conflict (watchlist_id, lang, source, slot) do update set alerts = t.alerts + 1)
        insert into {Summary} as t (watchlist_id, grain, slot, dim, key, articles, alerts)
        select p.watchlist_id, g.grain, g.slot, 'all', '', 0, 1
        from p, a, lateral (values ('h', a.hour), ('d', a.day)) g(grain, slot)
        on conflict (watchlist_id, grain, slot, dim, key) do update set alerts = t.alerts + 1
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
