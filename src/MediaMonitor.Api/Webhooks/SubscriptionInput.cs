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

    public const string EveryDelivery = "every";
    public const string FirstPerStoryDelivery = "first-per-story";

    /// <summary>The webhook types a subscription can ask for.</summary>
    public static readonly IReadOnlyList<string> KnownTypes = [WebhookPayload.AlertRaisedType, WebhookPayload.WatchlistSpikeType];

    /// <summary>The distinct types asked for, in their order, each a known one; null when not given.</summary>
    public static IReadOnlyList<string>? CheckTypes(IReadOnlyList<string?>? types, ValidationErrors errors)
    {
        if (types is null) return null;
        if (types.Count == 0)
        {
            errors.Add("types", $"Give at least one type ({string.Join(", ", KnownTypes)}), or leave types out.");
            return null;
        }
        var result = new List<string>();
        for (var i = 0; i < types.Count; i++)
        {
            var type = types[i]?.Trim();
            if (type is null || !KnownTypes.Contains(type)) errors.Add($"types[{i}]", $"A type is one of: {string.Join(", ", KnownTypes)}.");
            else if (!result.Contains(type)) result.Add(type);
        }
        return result;
    }

    /// <summary>"every" or "first-per-story"; null when not given.</summary>
    public static SubscriptionDelivery? CheckDelivery(string? delivery, ValidationErrors errors)
    {
        switch (delivery?.Trim())
        {
            case null: return null;
            case EveryDelivery: return SubscriptionDelivery.Every;
            case FirstPerStoryDelivery: return SubscriptionDelivery.FirstPerStory;
            default:
                errors.Add("delivery", $"delivery is \"{EveryDelivery}\" or \"{FirstPerStoryDelivery}\".");
                return null;
        }
    }

    public static string Name(SubscriptionDelivery delivery) => delivery == SubscriptionDelivery.FirstPerStory ? FirstPerStoryDelivery : EveryDelivery;

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
