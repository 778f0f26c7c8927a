using MediaMonitor.Fuzz.Generators;

namespace MediaMonitor.Fuzz.Http;

public enum IdKind { Article, Watchlist, Alert, Subscription, Delivery, Backfill }

/// <summary>
/// Ids the fuzzer knows, by kind: those the seeding made and those the fuzz itself got back. A request picks a valid id
/// of the right kind most of the time, so that it reaches the code behind the lookup.
/// </summary>
public sealed class IdPools
{
    private const int MaxPerKind = 2_000;

    private readonly Dictionary<IdKind, List<Guid>> _ids = Enum.GetValues<IdKind>().ToDictionary(k => k, _ => new List<Guid>());
    private readonly List<string> _cursors = [];

    /// <summary>Projection names that may be rebuilt while requests run (the async ones: the inline ones empty their
    /// tables while they replay, which the README says to do only while nothing is ingested).</summary>
    public IReadOnlyList<string> RebuildableProjections { get; set; } = [];

    public IReadOnlyList<string> AllProjections { get; set; } = [];

    /// <summary>A paused watchlist that matches nothing: the filter of every subscription whose URL would leave this
    /// machine, so that nothing is ever delivered there.</summary>
    public Guid QuietWatchlist { get; set; }

    /// <summary>An active subscription to the receiver that only races use: one the other requests never pause or
    /// delete, so that concurrent replays and rotations of it reach the code that must settle them.</summary>
    public Guid? RaceSubscription { get; set; }

    public string ReceiverUrl { get; set; } = "http://127.0.0.1:9/hook";

    public void Add(IdKind kind, Guid id)
    {
        var list = _ids[kind];
        lock (list)
        {
            if (list.Count < MaxPerKind) list.Add(id);
            else list[(int)((uint)id.GetHashCode() % MaxPerKind)] = id;
        }
    }

    public void AddCursor(string cursor)
    {
        lock (_cursors)
        {
            if (_cursors.Count < 200) _cursors.Add(cursor);
        }
    }

    public Guid? Pick(Rng r, IdKind kind)
    {
        var list = _ids[kind];
        lock (list) return list.Count == 0 ? null : list[r.Next(list.Count)];
    }

    /// <summary>One of the first ids of the kind: those the seeding made, which the fuzz is least likely to have
    /// paused, archived or deleted since.</summary>
    public Guid? PickEarly(Rng r, IdKind kind)
    {
        var list = _ids[kind];
        lock (list) return list.Count == 0 ? null : list[r.Next(Math.Min(list.Count, 3))];
    }

    public string? PickCursor(Rng r)
    {
        lock (_cursors) return _cursors.Count == 0 ? null : _cursors[r.Next(_cursors.Count)];
    }

    /// <summary>An id for a slot that wants <paramref name="kind"/>: mostly valid, else of another kind, random, nil or odd.</summary>
    public string For(Rng r, IdKind kind)
    {
        var valid = Pick(r, kind);
        return r.Weighted(
            (14, () => valid?.ToString() ?? Guid.NewGuid().ToString()),
            (2, () => (Pick(r, r.Pick(Enum.GetValues<IdKind>())) ?? Guid.NewGuid()).ToString()),
            (1, () => Guid.NewGuid().ToString()),
            (1, () => Guid.Empty.ToString()),
            (2, () => HostileValues.OddId(r, valid))).Invoke();
    }
}
