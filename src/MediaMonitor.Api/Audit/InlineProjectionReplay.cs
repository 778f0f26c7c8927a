using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events;

namespace MediaMonitor.Audit;

/// <summary>
/// Rebuilds an inline projection in one PostgreSQL transaction: its documents are deleted and the log replayed into
/// them through the projection's own inline code (what runs on every append), then all is committed at once.
/// Marten's daemon rebuild truncates the table first and commits page by page, so queries found nothing or half the
/// documents while it ran, and a command that folds an inline snapshot (a watchlist, a subscription, a delivery)
/// decided on an empty one. Here every reader keeps seeing the old documents (PostgreSQL's snapshots) until the
/// commit switches them all; a writer that changes a document the replay has deleted waits for the commit and then
/// writes on top of the rebuilt one; a writer that starts a new stream goes ahead.
/// </summary>
public sealed class InlineProjectionReplay(IDocumentStore store, TimeProvider clock)
{
    /// <summary>Events read and applied per round trip.</summary>
    public const int Page = 5_000;

    /// <summary>How often the rebuild's progress is stored for every node to read while it runs.</summary>
    public static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(1);

    public bool CanReplay(string name) => Source(name) is { Lifecycle: ProjectionLifecycle.Inline };

    private IProjectionSource<IDocumentOperations, IQuerySession>? Source(string name) =>
        store.Options.Events.Projections().OfType<IProjectionSource<IDocumentOperations, IQuerySession>>()
            .FirstOrDefault(p => p.Name == name);

    /// <summary>How many times a replay starts again after PostgreSQL broke a deadlock by failing it.</summary>
    public const int Attempts = 3;

    /// <summary>Replays the log up to its current end into the projection; <paramref name="progress"/> hears how far
    /// it has read, about every <see cref="ProgressEvery"/>. Answers the sequence it replayed up to.</summary>
    /// <remarks>The delete takes the documents' rows one by one while writers take theirs in their own order: a writer
    /// that holds one row and waits for another the replay holds is a deadlock, which PostgreSQL breaks by failing one
    /// of the two. The writer's message is retried by Wolverine; the replay, rolled back whole, starts again.</remarks>
    public async Task<long> RunAsync(string name, Func<long, long, CancellationToken, Task> progress, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ReplayAsync(name, progress, ct);
            }
            catch (Exception e) when (IsDeadlock(e) && attempt < Attempts)
            {
            }
        }
    }

    /// <summary>Marten passes some database errors on wrapped in its own exceptions.</summary>
    private static bool IsDeadlock(Exception? e) =>
        e is not null && (e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.DeadlockDetected } || IsDeadlock(e.InnerException));

    private async Task<long> ReplayAsync(string name, Func<long, long, CancellationToken, Task> progress, CancellationToken ct)
    {
        var source = Source(name) ?? throw new ArgumentException($"No inline projection {name}.", nameof(name));
        var inline = source.BuildForInline();
        var eventTypes = source is EventFilterable { IncludedEventTypes.Count: > 0 } filterable
            ? filterable.IncludedEventTypes.ToArray()
            : [];

        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        // Row by row rather than TRUNCATE, which would lock readers out until the commit.
        var tables = source.PublishedTypes().Select(type => store.Options.FindOrResolveDocumentType(type).TableName.QualifiedName)
            .Concat(ProjectionTables.Of(source));
        foreach (var table in tables)
        {
            await using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = $"delete from {table}";
            await delete.ExecuteNonQueryAsync(ct);
        }

        // The end is read after the delete: a writer that committed before it is in the replay, and one after it
        // changes a document the delete holds, so it waits and writes on top of the replay.
        var end = await store.Storage.Database.FetchHighestEventSequenceNumber(ct);
        var read = 0L;
        var reported = clock.GetUtcNow();
        while (read < end)
        {
            await using var session = store.LightweightSession(Marten.Services.SessionOptions.ForTransaction(transaction));
            var query = session.Events.QueryAllRawEvents().Where(e => e.Sequence > read && e.Sequence <= end);
            if (eventTypes.Length > 0) query = query.Where(e => e.EventTypesAre(eventTypes));
            var events = await query.OrderBy(e => e.Sequence).Take(Page).ToListAsync(ct);
            if (events.Count == 0) break;

            await inline.ApplyAsync(session, Streams(events), ct);
            await session.SaveChangesAsync(ct);
            read = events[^1].Sequence;

            if (clock.GetUtcNow() - reported >= ProgressEvery)
            {
                reported = clock.GetUtcNow();
                await progress(read, end, ct);
            }
        }

        await transaction.CommitAsync(ct);
        return end;
    }

    /// <summary>One action per stream, its events in order: a stream whose first event is here starts afresh; one
    /// begun on an earlier page is loaded as the replay left it, inside the same transaction.</summary>
    private static List<StreamAction> Streams(IReadOnlyList<IEvent> events) =>
        events.GroupBy(e => e.StreamId).Select(stream =>
        {
            var page = stream.ToArray();
            var action = page[0].Version == 1 ? StreamAction.Start(stream.Key, page) : StreamAction.Append(stream.Key, page);
            action.Version = page[^1].Version;
            return action;
        }).ToList();
}
