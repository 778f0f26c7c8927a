using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using MediaMonitor.Watchlists;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using static MediaMonitor.Timelines.TimelineTables;

namespace MediaMonitor.Timelines;

public static class GetSummaryEndpoint
{
    public const int MaxCoOccurring = 10;
    public const int MaxForms = 100;

    /// <summary>
    /// A watchlist's matched articles over [<c>from</c>, <c>to</c>), widened to whole UTC hours (the answer gives the
    /// range counted; without <c>to</c> it ends now, without <c>from</c> it covers 30 days): how many and their alerts,
    /// by source and by language, the 10 watchlists that matched most of the same articles, and per term the texts
    /// that matched it (as found, e.g. a clitic or variant form of an Arabic phrase) with how many articles each, at
    /// most 100 a term. An article counts at its publishedAt, else its ingest time, once however often it was matched.
    /// A taken-down article still counts but its words are gone from the forms. Answers are as of the timeline
    /// projection, which the daemon brings up to date a moment after each ingest.
    /// </summary>
    [WolverineGet("/api/watchlists/{id}/summary"), Authorize(Policy = Scopes.Read), Tags("Timelines")]
    [ProducesResponseType<SummaryResponse>(200), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ValidationProblemDetails>(422)]
    public static async Task<IResult> Get(
        Guid id, DateTimeOffset? from, DateTimeOffset? to, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var range = SummaryRange.Of(from, to, clock.GetUtcNow(), errors);
        if (range is null) return Problems.Invalid(errors);
        if (await session.LoadAsync<Watchlist>(id, ct) is null) return Problems.NotFound("Watchlist", id);

        var rows = await SummaryReader.ReadAsync(session, id, range, ct);
        var all = rows.FirstOrDefault(r => r.Dim == "all");
        var coOccurring = rows.Where(r => r.Dim == "watchlist").OrderByDescending(r => r.Articles).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Take(MaxCoOccurring).Select(r => (Id: Guid.Parse(r.Key), r.Articles)).ToList();
        var names = (await session.LoadManyAsync<Watchlist>(ct, coOccurring.Select(c => c.Id))).ToDictionary(w => w.Id, w => w.Name);
        return Results.Ok(new SummaryResponse(id, range.From, range.To, all?.Articles ?? 0, all?.Alerts ?? 0,
            Ranked(rows, "source").Select(r => new SourceCount(r.Key.Length == 0 ? null : r.Key, r.Articles)).ToList(),
            Ranked(rows, "lang").Select(r => new LangCount(r.Key, r.Articles)).ToList(),
            coOccurring.Select(c => new CoOccurrence(c.Id, names.GetValueOrDefault(c.Id, ""), c.Articles)).ToList(),
            Terms(rows)));
    }

    private static IEnumerable<SummaryRow> Ranked(IEnumerable<SummaryRow> rows, string dim) =>
        rows.Where(r => r.Dim == dim).OrderByDescending(r => r.Articles).ThenBy(r => r.Key, StringComparer.Ordinal);

    private static List<TermForms> Terms(IEnumerable<SummaryRow> rows) =>
        Ranked(rows, "form")
            .Select(r => (Parts: r.Key.Split(FormSeparator, 2), r.Articles))
            .GroupBy(f => f.Parts[0], StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var forms = g.ToList();
                return new TermForms(g.Key, forms.Take(MaxForms).Select(f => new FormCount(f.Parts[1], f.Articles)).ToList(),
                    Math.Max(0, forms.Count - MaxForms));
            })
            .ToList();
}
