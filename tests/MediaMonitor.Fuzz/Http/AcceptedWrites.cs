using System.Collections.Concurrent;

namespace MediaMonitor.Fuzz.Http;

/// <summary>Everything the service said it created (a 2xx with an id), and what the fuzz later removed on purpose.</summary>
public sealed class AcceptedWrites
{
    private readonly ConcurrentDictionary<(IdKind Kind, Guid Id), long> _created = new();
    private readonly ConcurrentDictionary<Guid, byte> _removed = new();

    /// <param name="request">The request number that created it, for the report.</param>
    public void Created(IdKind kind, Guid id, long request) => _created.TryAdd((kind, id), request);

    public void Removed(Guid id) => _removed.TryAdd(id, 0);

    public bool WasRemoved(Guid id) => _removed.ContainsKey(id);

    public IReadOnlyList<(IdKind Kind, Guid Id, long Request)> All =>
        _created.Select(c => (c.Key.Kind, c.Key.Id, c.Value)).OrderBy(c => c.Value).ToList();

    public int Count(IdKind kind) => _created.Keys.Count(k => k.Kind == kind);
}
