using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using MediaMonitor.Ingestion;
using MediaMonitor.Matching;
using MediaMonitor.Matching.Explaining;
using MediaMonitor.Matching.Rules;
using MediaMonitor.Watchlists;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Matchers;

/// <summary>The text to explain (<paramref name="Text"/>, with an optional <paramref name="Title"/> and
/// <paramref name="Lang"/>, or a stored <paramref name="ArticleId"/>) and what to match it with (<paramref name="Terms"/>
/// and/or a <paramref name="Rule"/>, or a stored <paramref name="WatchlistId"/>).</summary>
public sealed record ExplainMatch(
    string? Text, string? Title, string? Lang, IReadOnlyList<WatchTermInput?>? Terms, string? Rule, Guid? ArticleId, Guid? WatchlistId);

/// <summary>How the matcher read the text and the watchlist (as <see cref="MatchExplanation"/> says), and which stored ones.</summary>
public sealed record MatchExplained(
    Guid? ArticleId, Guid? WatchlistId, int? WatchlistVersion, bool Matched, IReadOnlyList<Hit> Hits, int HitsOmitted, string Language,
    IReadOnlyList<ExplainedToken> Tokens, IReadOnlyList<PhraseExplanation> Phrases, RuleExplanation? Rule)
{
    public static MatchExplained Of(Guid? articleId, Watchlist? watchlist, MatchExplanation e) =>
        new(articleId, watchlist?.Id, watchlist?.Version, e.Matched, e.Hits, e.HitsOmitted, e.Language, e.Tokens, e.Phrases, e.Rule);
}

public static class ExplainMatchEndpoint
{
    public static ProblemDetails Validate(ExplainMatch command)
    {
        if (WatchlistInput.ParseRule(command.Rule, out var rule) is { } problem) return problem;
        var errors = new ValidationErrors();
        var hasText = command.Text is not null || command.Title is not null;
        if (hasText == command.ArticleId.HasValue) errors.Add("text", "Give either text (with title and lang if wanted) or articleId.");
        if (command.Text is { } text)
        {
            if (text.Length > ArticleIntake.MaxBodyLength) errors.Add("text", $"A text has at most {ArticleIntake.MaxBodyLength:N0} characters.");
            TextRules.Check("text", text, errors);
        }
        if (command.Title is { } title)
        {
            if (title.Length > ArticleIntake.MaxTitleLength) errors.Add("title", $"A title has at most {ArticleIntake.MaxTitleLength:N0} characters.");
            TextRules.Check("title", title, errors);
        }
        ArticleIntake.CheckLang(command.Lang, errors);
        var hasTerms = command.Terms is { Count: > 0 } || rule is not null;
        if (hasTerms == command.WatchlistId.HasValue) errors.Add("terms", "Give either terms and/or a rule, or watchlistId.");
        else if (hasTerms) WatchlistInput.CheckTerms(command.Terms, errors, hasRule: rule is not null);
        return errors.Any ? Problems.InvalidDetails(errors) : WolverineContinue.NoProblems;
    }

    /// <summary>
    /// Explains a match or a miss, step by step, and appends nothing: the text's words with their normalised forms and
    /// the readings they are looked up by (Arabic clitics taken off, English stems), each term's and rule phrase's
    /// analysed words with the forms they stand for, the hits with their offsets, and for each phrase that did not
    /// match, the closest place in the text and why: a word missing, a similar word that is another form, a gap too
    /// long, another order, a sentence boundary, the other field; for a rule, each clause and whether it holds (a NOT
    /// clause that excluded the article, a NEAR whose sides are too far apart). A stored watchlist is explained as it
    /// is now; a stored article as stored (one taken down has no text left to explain: 409).
    /// </summary>
    [WolverinePost("/api/match/explain"), Authorize(Policy = Scopes.Read), Tags("Watchlists")]
    [ProducesResponseType<MatchExplained>(200), ProducesResponseType<ProblemDetails>(400), ProducesResponseType<ProblemDetails>(404),
     ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ValidationProblemDetails>(422)]
    public static async Task<IResult> Post(ExplainMatch command, IQuerySession session, CancellationToken ct)
    {
        ArticleText article;
        if (command.ArticleId is { } articleId)
        {
            var stored = await session.LoadAsync<ArticleView>(articleId, ct);
            if (stored is null) return Problems.NotFound("Article", articleId);
            if (stored.RemovedAt is not null) return Problems.Conflict($"Article {articleId} was taken down; its text is gone.");
            article = new ArticleText(stored.Title, stored.Body, stored.Lang);
        }
        else
        {
            article = new ArticleText(command.Title, command.Text ?? "", ArticleIntake.CheckLang(command.Lang, new ValidationErrors()));
        }

        IReadOnlyList<TermDefinition> terms;
        string? rule;
        Watchlist? watchlist = null;
        if (command.WatchlistId is { } watchlistId)
        {
            watchlist = await session.LoadAsync<Watchlist>(watchlistId, ct);
            if (watchlist is null) return Problems.NotFound("Watchlist", watchlistId);
            terms = watchlist.Terms.Select(t => new TermDefinition(t.Phrase, t.Lang)).ToArray();
            rule = watchlist.Rule;
        }
        else
        {
            rule = WatchlistInput.CheckRule(command.Rule);
            terms = WatchlistInput.CheckTerms(command.Terms, new ValidationErrors(), hasRule: rule is not null)
                .Select(t => new TermDefinition(t.Phrase, t.Lang)).ToArray();
        }
        try
        {
            return Results.Ok(MatchExplained.Of(command.ArticleId, watchlist, MatchExplainer.Explain(article, terms, rule, ct)));
        }
        catch (RuleSyntaxException e) when (watchlist is not null)
        {
            // Stored before the rule syntax's limits tightened: the live matcher leaves such a rule out, as explained here.
            return Problems.Conflict($"Watchlist {watchlist.Id}'s rule no longer parses ({e.Message}); the matcher leaves it out. Change the rule.");
        }
    }
}
