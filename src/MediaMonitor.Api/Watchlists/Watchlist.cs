using JasperFx;
using MediaMonitor.Spikes;

namespace MediaMonitor.Watchlists;

public sealed record WatchTerm(string Phrase, string? Lang);

public sealed record WatchlistCreated(Guid WatchlistId, string Name, IReadOnlyList<WatchTerm> Terms, DateTimeOffset At, string? Rule = null);
public sealed record WatchlistTermsChanged(Guid WatchlistId, IReadOnlyList<WatchTerm> Terms, DateTimeOffset At);
/// <summary>The boolean rule set, changed or (null) removed.</summary>
public sealed record WatchlistRuleChanged(Guid WatchlistId, string? Rule, DateTimeOffset At);
public sealed record WatchlistRenamed(Guid WatchlistId, string Name, DateTimeOffset At);
public sealed record WatchlistPaused(Guid WatchlistId, DateTimeOffset At);
public sealed record WatchlistResumed(Guid WatchlistId, DateTimeOffset At);
public sealed record WatchlistArchived(Guid WatchlistId, DateTimeOffset At);
/// <summary>The watchlist watches for surges of its volume by this rule (set or replaced); the stream version of this
/// event is the rule version a spike cites.</summary>
public sealed record WatchlistSpikeRuleSet(Guid WatchlistId, SpikeRule Rule, DateTimeOffset At);
public sealed record WatchlistSpikeRuleRemoved(Guid WatchlistId, DateTimeOffset At);

public enum WatchlistState { Active, Paused, Archived }

/// <summary>
/// The watchlist stream folded into its current state. Kept inline as a document, so the write side and
/// the read side see the same thing in the same transaction; <see cref="Version"/> is the stream version,
/// the rule version every match and alert cites.
/// </summary>
public sealed partial class Watchlist : IRevisioned
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public IReadOnlyList<WatchTerm> Terms { get; set; } = [];
    /// <summary>A boolean rule (see the README); the watchlist matches when a term matches or the rule holds.</summary>
    public string? Rule { get; set; }
    public WatchlistState State { get; set; }
    /// <summary>The surge watch (see <see cref="Spikes.SpikeEvaluation"/>); null when none is set.</summary>
    public SpikeRule? SpikeRule { get; set; }
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public static Watchlist Create(WatchlistCreated e) => new()
    {
        Id = e.WatchlistId, Name = e.Name, Terms = e.Terms, Rule = e.Rule, State = WatchlistState.Active,
        CreatedAt = e.At, UpdatedAt = e.At,
    };

    public void Apply(WatchlistTermsChanged e) { Terms = e.Terms; UpdatedAt = e.At; }
    public void Apply(WatchlistRuleChanged e) { Rule = e.Rule; UpdatedAt = e.At; }
    public void Apply(WatchlistRenamed e) { Name = e.Name; UpdatedAt = e.At; }
    public void Apply(WatchlistPaused e) { State = WatchlistState.Paused; UpdatedAt = e.At; }
    public void Apply(WatchlistResumed e) { State = WatchlistState.Active; UpdatedAt = e.At; }
    public void Apply(WatchlistSpikeRuleSet e) { SpikeRule = e.Rule; UpdatedAt = e.At; }
    public void Apply(WatchlistSpikeRuleRemoved e) { SpikeRule = null; UpdatedAt = e.At; }
    public void Apply(WatchlistArchived e) { State = WatchlistState.Archived; UpdatedAt = e.At; }
}
