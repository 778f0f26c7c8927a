using MediaMonitor.Infrastructure;
using MediaMonitor.Matching;
using MediaMonitor.Matching.Rules;
using Microsoft.AspNetCore.Mvc;

namespace MediaMonitor.Watchlists;

public sealed record WatchTermInput(string? Phrase, string? Lang);

/// <summary>Validation shared by every command that sets a name or terms.</summary>
public static class WatchlistInput
{
    public const int MaxNameLength = 200;

    public static string? CheckName(string? name, ValidationErrors errors)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed)) errors.Add("name", "A name is required.");
        else if (trimmed.Length > MaxNameLength) errors.Add("name", $"A name has at most {MaxNameLength} characters.");
        else TextRules.Check("name", trimmed, errors);
        return trimmed;
    }

    /// <summary>
    /// Validates and normalises the terms; the same phrase and language given twice is kept once. No terms is
    /// an error unless the watchlist has a rule (<paramref name="hasRule"/>).
    /// </summary>
    public static IReadOnlyList<WatchTerm> CheckTerms(IReadOnlyList<WatchTermInput?>? terms, ValidationErrors errors, bool hasRule = false)
    {
        if (terms is null || terms.Count == 0)
        {
            if (!hasRule) errors.Add("terms", "At least one term is required, or a rule.");
            return [];
        }
        if (terms.Count > TermRules.MaxTermsPerWatchlist)
        {
            errors.Add("terms", $"A watchlist has at most {TermRules.MaxTermsPerWatchlist} terms.");
            return [];
        }

        var result = new List<WatchTerm>(terms.Count);
        for (var i = 0; i < terms.Count; i++)
        {
            var input = terms[i];
            var lang = string.IsNullOrWhiteSpace(input?.Lang) ? null : input.Lang.Trim().ToLowerInvariant();
            var term = new WatchTerm(input?.Phrase?.Trim() ?? "", lang);
            if (!TextRules.Check($"terms[{i}]", term.Phrase, errors) || !TextRules.Check($"terms[{i}].lang", lang, errors)) continue;
            if (TermRules.Validate(new TermDefinition(term.Phrase, term.Lang)) is { } reason)
            {
                errors.Add($"terms[{i}]", reason);
            }
            else if (!result.Contains(term))
            {
                result.Add(term);
            }
        }
        return result;
    }

    /// <summary>The rule trimmed, or null when none is given.</summary>
    /// <exception cref="RuleSyntaxException">The rule cannot be parsed or breaks a limit: answered 400 with its position.</exception>
    public static string? CheckRule(string? rule)
    {
        if (string.IsNullOrWhiteSpace(rule)) return null;
        var trimmed = rule.Trim();
        if (TextRules.FirstRefused(trimmed) is var at and >= 0) throw new RuleSyntaxException(at, "text", TextRules.Problem(trimmed)!);
        RuleParser.Parse(trimmed);
        return trimmed;
    }

    /// <summary>The rule trimmed (null when none is given), or the 400 saying where it does not parse.</summary>
    public static ProblemDetails? ParseRule(string? rule, out string? trimmed)
    {
        try
        {
            trimmed = CheckRule(rule);
            return null;
        }
        catch (RuleSyntaxException e)
        {
            trimmed = null;
            return RuleProblem(e);
        }
    }

    /// <summary>The 404 of a command on a watchlist that does not exist (Wolverine puts in the id).</summary>
    public const string Missing = "There is no watchlist with id {Id}.";

    /// <summary>Every change but archiving stops at an archived watchlist.</summary>
    public static ProblemDetails? RefuseArchived(Watchlist w) => w.State == WatchlistState.Archived
        ? Problems.ConflictDetails($"Watchlist {w.Id} is archived; an archived watchlist cannot be changed.")
        : null;

    public static ProblemDetails RuleProblem(RuleSyntaxException e) => new()
    {
        Status = StatusCodes.Status400BadRequest, Title = "The rule cannot be parsed.", Detail = e.Message,
        Extensions = { ["position"] = e.Position, ["expected"] = e.Expected },
    };
}
