using System.Globalization;
using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using MediaMonitor.Ingestion;
using MediaMonitor.Watchlists;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Spikes;

public sealed record SpikeArticle(Guid Id, string? Title, string? Source, string Lang, string? Url, DateTimeOffset? PublishedAt, DateTimeOffset IngestedAt);

/// <summary>Why a spike fired: its numbers and the test written out with them, the baseline windows and their counts, the
/// rule as it stood at the version the spike cites, and the articles of its window (those still there).</summary>
public sealed record SpikeExplanation(
    SpikeView Spike, string Test, int RuleVersion, SpikeRuleResponse? Rule, IReadOnlyList<BaselineWindow> BaselineWindows,
    IReadOnlyList<SpikeArticle> Articles);

public static class ExplainSpikeEndpoint
{
    [WolverineGet("/api/spikes/{id}/explain"), Authorize(Policy = Scopes.Read), Tags("Spikes")]
    [ProducesResponseType<SpikeExplanation>(200), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken ct)
    {
        var spike = await session.LoadAsync<SpikeView>(id, ct);
        if (spike is null) return Problems.NotFound("Spike", id);
        // The watchlist replayed up to the version the spike cites: the rule that decided, not today's.
        var watchlist = await session.Events.AggregateStreamAsync<Watchlist>(spike.WatchlistId, spike.RuleVersion, token: ct);
        var articles = (await session.LoadManyAsync<ArticleView>(ct, spike.ArticleIds)).ToDictionary(a => a.Id);
        return Results.Ok(new SpikeExplanation(spike, Test(spike), spike.RuleVersion,
            watchlist?.SpikeRule is { } rule ? SpikeRuleResponse.From(rule) : null, spike.BaselineWindows,
            spike.ArticleIds.Where(articles.ContainsKey).Select(a => articles[a])
                .Select(a => new SpikeArticle(a.Id, a.Title, a.Source, a.Lang, a.Url, a.PublishedAt, a.IngestedAt)).ToList()));
    }

    /// <summary>The test with the spike's numbers in it.</summary>
    public static string Test(SpikeView s) => string.Create(CultureInfo.InvariantCulture,
        $"x = {s.Observed} live matches in [{s.WindowStart:O}, {s.WindowEnd:O}); λ = ({s.BaselineCount} + 0.5) / {s.BaselineWindowCount:0.###} baseline windows = {s.Expected:0.####}; " +
        $"p = P(X ≥ {s.Observed} | Poisson(λ)) = {s.PValue:G4} ≤ {s.Threshold:G4}; x ≥ {s.MinimumCount}; score = −log10 p = {s.Score:0.##}");
}
