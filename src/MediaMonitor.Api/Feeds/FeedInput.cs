using MediaMonitor.Infrastructure;
using MediaMonitor.Ingestion;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace MediaMonitor.Feeds;

/// <summary>Validation shared by the commands that add feeds (one by one, or from an OPML reading list).</summary>
public static class FeedInput
{
    public const int MaxNameLength = 200;

    /// <summary>The 404 of a command on a feed that does not exist (Wolverine puts in the id).</summary>
    public const string Missing = "There is no feed with id {Id}.";

    /// <summary>A deleted feed takes no change.</summary>
    public static ProblemDetails? RefuseDeleted(Feed feed) => feed.State == FeedState.Deleted
        ? Problems.ConflictDetails($"Feed {feed.Id} is deleted; a deleted feed cannot be changed.")
        : null;

    public static string? CheckName(string field, string? name, ValidationErrors errors)
    {
        var trimmed = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        if (trimmed is null) return null;
        if (trimmed.Length > MaxNameLength) errors.Add(field, $"A {field} has at most {MaxNameLength} characters.");
        else TextRules.Check(field, trimmed, errors);
        return trimmed;
    }

    public static string? CheckSource(string? source, ValidationErrors errors)
    {
        var trimmed = string.IsNullOrWhiteSpace(source) ? null : source.Trim();
        if (trimmed is null) return null;
        if (trimmed.Length > ArticleIntake.MaxSourceLength) errors.Add("source", $"A source has at most {ArticleIntake.MaxSourceLength} characters.");
        else TextRules.Check("source", trimmed, errors);
        return trimmed;
    }

    /// <summary>ar or en; readers export regional codes (ar-IQ, en_US), and the language is what matching needs.</summary>
    public static string? CheckLang(string? lang, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(lang)) return null;
        if (FeedLanguage.Of(lang) is { } code) return code;
        errors.Add("lang", $"'{lang}' is not a supported language; use one of: {string.Join(", ", ArticleIntake.Languages)}.");
        return null;
    }

    public static int CheckInterval(int? seconds, FeedOptions options, ValidationErrors errors)
    {
        var interval = seconds ?? FeedOptions.DefaultIntervalSeconds;
        if (interval < options.MinIntervalSeconds || interval > FeedOptions.MaxIntervalSeconds)
            errors.Add("intervalSeconds", $"intervalSeconds is between {options.MinIntervalSeconds} and {FeedOptions.MaxIntervalSeconds}.");
        return interval;
    }

    /// <summary>The feed already polling <paramref name="url"/>, if any (a deleted one does not count).</summary>
    public static Task<Feed?> ExistingAsync(IQuerySession session, Uri url, CancellationToken ct) =>
        session.Query<Feed>().FirstOrDefaultAsync(f => f.Url == url.AbsoluteUri && f.State != FeedState.Deleted, ct);
}
