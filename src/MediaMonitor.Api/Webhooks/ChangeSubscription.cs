using MediaMonitor.Infrastructure;
using Marten;

namespace MediaMonitor.Webhooks;

/// <summary>
/// The one write path of every change to an existing subscription: load it for writing (a concurrent change fails
/// with 409 instead of being lost), decide, append.
/// </summary>
public static class ChangeSubscription
{
    public static async Task<(IResult Result, Subscription? Changed)> ApplyAsync(
        IDocumentSession session, Guid id, Func<Subscription, Decision> decide, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Subscription>(id, ct);
        if (stream.Aggregate is not { } subscription) return (Problems.NotFound("Subscription", id), null);

        var decision = decide(subscription);
        if (decision is Decision.Refuse refuse) return (refuse.Problem, null);
        if (decision is Decision.Append append)
        {
            stream.AppendOne(append.Event);
            subscription.Advance(append.Event);
        }
        return (Results.Ok(SubscriptionResponse.From(subscription, await session.LoadAsync<SubscriptionHealth>(id, ct))), subscription);
    }

    public static Decision RefuseDeleted(Subscription s) =>
        new Decision.Refuse(Problems.Conflict($"Subscription {s.Id} is deleted; a deleted subscription cannot be changed."));
}
