using System.Collections.Concurrent;
using Wolverine;

namespace MediaMonitor.Ingestion;

/// <summary>
/// Group commit for articles posted one by one. An article that arrives while transactions of others are being written
/// waits for one of them to end, then goes in with every article that arrived meanwhile, in one transaction. A
/// transaction's fixed cost (its round trips, the claims, the duplicate lookup, the commit) is then shared by the
/// requests that came together, which under load is most of what a single post cost; on an idle service an article
/// goes in at once, alone. Each request is still answered only once its article is committed, and each article's
/// events and messages record its own request's correlation id and caller. Nothing waits here but requests in flight:
/// a node that stops loses only answers, never an accepted article.
/// </summary>
public sealed class ArticleGroupCommit(ArticleIngestor ingestor)
{
    /// <summary>Transactions written at once: while one waits on PostgreSQL, another matches.</summary>
    public static readonly int Writers = Math.Max(2, Environment.ProcessorCount);

    private readonly ConcurrentQueue<Pending> _queue = new();
    private int _writers;

    /// <summary>Articles waiting for a writer.</summary>
    public int Waiting => _queue.Count;

    public async Task<IngestOutcome> IngestAsync(ArticleCandidate candidate, IMessageContext? requester, CancellationToken ct)
    {
        var pending = new Pending(candidate, requester, ct);
        _queue.Enqueue(pending);
        StartWriter();
        return await pending.Outcome.Task;
    }

    private void StartWriter()
    {
        while (true)
        {
            var running = Volatile.Read(ref _writers);
            if (running >= Writers || _queue.IsEmpty) return;
            if (Interlocked.CompareExchange(ref _writers, running + 1, running) == running) break;
        }
        // The writer serves many requests: it carries none's trace or request context.
        using (ExecutionContext.SuppressFlow()) _ = Task.Run(WriteAsync);
    }

    private async Task WriteAsync()
    {
        try
        {
            while (Take() is { Count: > 0 } group) await CommitAsync(group);
        }
        finally
        {
            Interlocked.Decrement(ref _writers);
            // An article queued after the last Take found the writer still counted: start one for it.
            StartWriter();
        }
    }

    private List<Pending> Take()
    {
        var group = new List<Pending>();
        while (group.Count < ArticleIngestor.ChunkSize && _queue.TryDequeue(out var pending))
        {
            if (pending.Cancellation.IsCancellationRequested) pending.Outcome.TrySetCanceled(pending.Cancellation);
            else group.Add(pending);
        }
        return group;
    }

    /// <summary>Not cancelled by any one request: the others' articles go in with it.</summary>
    private async Task CommitAsync(IReadOnlyList<Pending> group)
    {
        try
        {
            var outcomes = await ingestor.IngestAsync(group.Select(p => p.Candidate).ToList(), group.Select(p => p.Requester).ToList(), CancellationToken.None);
            for (var i = 0; i < group.Count; i++) group[i].Outcome.TrySetResult(outcomes[i]);
        }
        catch (Exception) when (group.Count > 1)
        {
            // What failed one transaction need not fail each article: each goes in again alone, and answers for itself.
            foreach (var pending in group) await CommitAsync([pending]);
        }
        catch (Exception e)
        {
            group[0].Outcome.TrySetException(e);
        }
    }

    private sealed record Pending(ArticleCandidate Candidate, IMessageContext? Requester, CancellationToken Cancellation)
    {
        public TaskCompletionSource<IngestOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
