using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using MediaMonitor.Ingestion;
using MediaMonitor.Matching;
using MediaMonitor.Matching.Explaining;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Watchlists;

/// <param name="From">Articles taken in at or after this time; left out, from the first.</param>
/// <param name="To">Articles taken in before this time; left out, now.</param>
/// <param name="Lang">Only articles in this language (ar or en).</param>
/// <param name="Limit">Newest matches listed, 1 to 100 (20 when left out).</param>
public sealed record PreviewWatchlist(
    IReadOnlyList<WatchTermInput?>? Terms, string? Rule, DateTimeOffset? From, DateTimeOffset? To, string? Lang, int? Limit);

public static class PreviewWatchlistEndpoint
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>Near misses listed, each explained (<see cref="MatchExplainer"/>).</summary>
    public const int MaxNearMisses = 10;

    /// <summary>
    /// How long one preview scans by default (<c>MediaMonitor:Watchlists:PreviewBudget</c>): past it the answer covers
    /// the newest articles scanned (<c>complete</c> false, <c>scannedFrom</c> says how far back), so a preview over a
    /// store of millions still answers.
    /// </summary>
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(30);

    public static ProblemDetails Validate(PreviewWatchlist command)
    {
        if (WatchlistInput.ParseRule(command.Rule, out var rule) is { } problem) return problem;
        var errors = new ValidationErrors();
        WatchlistInput.CheckTerms(command.Terms, errors, hasRule: rule is not null);
        if (command.From is { } from && command.To is { } to && from >= to) errors.Add("to", "to must be after from.");
        ArticleIntake.CheckLang(command.Lang, errors);
        if (command.Limit is < 1 or > MaxLimit) errors.Add("limit", $"limit is between 1 and {MaxLimit}.");
        return errors.Any ? Problems.InvalidDetails(errors) : WolverineContinue.NoProblems;
    }

    /// <summary>
    /// Runs terms and a rule, compiled for this request only, over the stored articles taken in between <c>from</c> and
    /// <c>to</c> (the range a backfill would cover), newest first, and appends nothing: how many articles match
    /// (<c>total</c>) and how many each phrase matches alone, the newest matches with their hits and snippets, and up to
    /// 10 near misses (articles holding every word of a phrase, but not as the phrase), each with the reason and the
    /// closest place. Articles taken down are left out. The scan stops when the client goes away, and after 30 s (by default), when
    /// it answers for the newest articles scanned (<c>complete</c> false).
    /// </summary>
    [WolverinePost("/api/watchlists/preview"), Authorize(Policy = Scopes.Read), Tags("Watchlists")]
    [ProducesResponseType<WatchlistPreview>(200), ProducesResponseType<ProblemDetails>(400), ProducesResponseType<ValidationProblemDetails>(422)]
    public static async Task<WatchlistPreview> Post(
        PreviewWatchlist command, IQuerySession session, IConfiguration configuration, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var rule = WatchlistInput.CheckRule(command.Rule);
        var terms = WatchlistInput.CheckTerms(command.Terms, errors, hasRule: rule is not null);
        var probe = PhraseProbe.Compile(terms.Select(t => new TermDefinition(t.Phrase, t.Lang)).ToArray(), rule);
        var to = command.To ?? clock.GetUtcNow();
        var scan = new PreviewScan(probe, command.Limit ?? DefaultLimit, MaxNearMisses);

        var articles = session.Query<ArticleView>().Where(a => a.IngestedAt < to && a.RemovedAt == null);
        if (command.From is { } from) articles = articles.Where(a => a.IngestedAt >= from);
        if (ArticleIntake.CheckLang(command.Lang, errors) is { } lang) articles = articles.Where(a => a.Lang == lang);
        var started = clock.GetTimestamp();
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(configuration.GetValue("MediaMonitor:Watchlists:PreviewBudget", DefaultBudget));
        var complete = true;
        try
        {
            // Marten streams the rows; the matching runs on every core while the next rows arrive.
            await Parallel.ForEachAsync(articles.OrderByDescending(a => a.IngestedAt).ThenByDescending(a => a.Id).ToAsyncEnumerable(budget.Token),
                new ParallelOptions { CancellationToken = budget.Token, MaxDegreeOfParallelism = Environment.ProcessorCount },
                (article, _) =>
                {
                    scan.Add(article);
                    return ValueTask.CompletedTask;
                });
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            complete = false;
        }
        return scan.Answer(command.From, to, complete, clock.GetElapsedTime(started));
    }
}
