using MediaMonitor.Infrastructure;
using MediaMonitor.Watchlists;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace MediaMonitor.Webhooks;

/// <summary>Validation shared by the commands that set a URL, a description or the watchlist filter.</summary>
public static class SubscriptionInput
{
    public const int MaxDescriptionLength = 500;
    public const int MaxWatchlists = 1000;

    /// <summary>The 404 of a command on a subscription that does not exist (Wolverine puts in the id).</summary>
    public const string Missing = "There is no subscription with id {Id}.";

    /// <summary>A deleted subscription takes no change.</summary>
    public static ProblemDetails? RefuseDeleted(Subscription s) => s.State == SubscriptionState.Deleted
        ? Problems.ConflictDetails($"Subscription {s.Id} is deleted; a deleted subscription cannot be changed.")
        : null;

    public static string? CheckDescription(string? description, ValidationErrors errors)
    {
        var trimmed = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (trimmed is null) return null;
        if (trimmed.Length > MaxDescriptionLength) errors.Add("description", $"A description has at most {MaxDescriptionLength} characters.");
        else TextRules.Check("description", trimmed, errors);
        return trimmed;
    }

    /// <summary>Null (all watchlists), or the distinct ids, each of an existing watchlist that is not archived.</summary>
    public static async Task<IReadOnlyList<Guid>?> CheckWatchlistsAsync(
        IReadOnlyList<Guid>? ids, IQuerySession session, ValidationErrors errors, CancellationToken ct)
    {
        if (ids is null) return null;
        if (ids.Count == 0)
        {
            errors.Add("watchlistIds", "Give at least one watchlist id, or leave watchlistIds out for all watchlists.");
            return null;
        }
        if (ids.Count > MaxWatchlists)
        {
            errors.Add("watchlistIds", $"At most {MaxWatchlists} watchlists.");
            return null;
        }
        var distinct = ids.Distinct().ToArray();
        var found = (await session.LoadManyAsync<Watchlist>(ct, distinct)).Where(w => w.State != WatchlistState.Archived)
            .Select(w => w.Id).ToHashSet();
        var unknown = distinct.Where(id => !found.Contains(id)).ToList();
        if (unknown.Count > 0) errors.Add("watchlistIds", $"No such watchlist (or archived): {string.Join(", ", unknown)}.");
        return distinct;
    }
}
