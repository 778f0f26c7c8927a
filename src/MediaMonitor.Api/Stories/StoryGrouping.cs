using MediaMonitor.Ingestion;
using MediaMonitor.Matching.Stories;
using Marten;

namespace MediaMonitor.Stories;

/// <summary>An article about to be taken in, as grouping sees it.</summary>
/// <param name="MatchedWatchlistIds">The watchlists it matches on intake.</param>
public sealed record StoryArrival(Guid ArticleId, string Lang, DateTimeOffset At, StorySignature? Signature, IReadOnlyList<Guid> MatchedWatchlistIds);

/// <summary>An article already in a story, which a new one may be a copy of.</summary>
/// <param name="StoryMatched">The watchlists any article of its story matched on intake.</param>
public sealed record StoryMember(Guid ArticleId, Guid StoryId, string Lang, DateTimeOffset At, StorySignature Signature, IReadOnlySet<Guid> StoryMatched);

/// <summary>Where an article goes: <see cref="Story"/> to record, and the watchlists its story had matched before it,
/// whose alerts are then repeats for subscribers that want a story once.</summary>
public sealed record StoryPlacement(ArticleStory Story, IReadOnlySet<Guid> MatchedBefore);

/// <summary>
/// Puts each new article in a story: the story of the most similar earlier article of the same language whose time is
/// within <see cref="Window"/> of its own and that <see cref="StorySignature.CompareTo"/> judges the same story (a
/// near-duplicate or syndicated copy), else a story of its own. Candidates are the stored articles that share an LSH
/// band with it (<see cref="StoryWindow"/>) and the articles before it in the same transaction that do.
/// </summary>
/// <remarks>Two copies taken in at the same moment by two transactions do not see each other, and start two stories;
/// the next copy joins whichever is closer.</remarks>
public static class StoryGrouping
{
    /// <summary>How far apart in time two copies of one report may be: wire copies are reprinted within a day or two.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(72);

    /// <summary>The stories of <paramref name="arrivals"/>, in order, each seeing the ones placed before it.</summary>
    public static async Task<IReadOnlyList<StoryPlacement>> PlaceAsync(
        StoryWindow window, IQuerySession session, IReadOnlyList<StoryArrival> arrivals, Func<Guid> newId, CancellationToken ct)
    {
        var stored = await window.CandidatesAsync(session, arrivals, ct);
        return Place(arrivals, stored, newId);
    }

    /// <summary>The placement itself, without I/O: <paramref name="stored"/> are the candidates read from the index.</summary>
    public static IReadOnlyList<StoryPlacement> Place(
        IReadOnlyList<StoryArrival> arrivals, IReadOnlyList<StoryMember> stored, Func<Guid> newId)
    {
        // Candidates share a band with the arrival: comparing every arrival with every member would cost a chunk of
        // 250 articles, each with a few copies found, some 200,000 comparisons.
        var byBand = new Dictionary<long, List<StoryMember>>();
        foreach (var m in stored) AddMember(byBand, m);
        // What each story had matched, as the chunk's articles add to it.
        var matched = new Dictionary<Guid, HashSet<Guid>>();
        foreach (var m in stored)
        {
            if (!matched.ContainsKey(m.StoryId)) matched[m.StoryId] = [.. m.StoryMatched];
        }

        var placements = new List<StoryPlacement>(arrivals.Count);
        foreach (var a in arrivals)
        {
            var best = Nearest(a, byBand);
            var storyId = best?.Member.StoryId ?? newId();
            var before = matched.TryGetValue(storyId, out var seen) ? seen.ToHashSet() : [];
            matched[storyId] = [.. before, .. a.MatchedWatchlistIds];
            placements.Add(new StoryPlacement(new ArticleStory(storyId, best is null, best?.Member.ArticleId,
                best is null ? null : Math.Round(best.Value.Similarity.Jaccard, 3), a.At,
                a.Signature is null ? null : Convert.ToBase64String(a.Signature.ToBytes()), a.Signature?.Shingles ?? 0,
                a.MatchedWatchlistIds, StorySignature.Version), before));
            if (a.Signature is { } signature)
                AddMember(byBand, new StoryMember(a.ArticleId, storyId, a.Lang, a.At, signature, matched[storyId]));
        }
        return placements;
    }

    private static void AddMember(Dictionary<long, List<StoryMember>> byBand, StoryMember m)
    {
        foreach (var key in m.Signature.BandKeys())
        {
            if (!byBand.TryGetValue(key, out var list)) byBand[key] = list = [];
            list.Add(m);
        }
    }

    private static (StoryMember Member, StorySimilarity Similarity)? Nearest(StoryArrival a, Dictionary<long, List<StoryMember>> byBand)
    {
        if (a.Signature is not { } signature) return null;
        (StoryMember Member, StorySimilarity Similarity)? best = null;
        foreach (var m in signature.BandKeys().SelectMany(k => byBand.GetValueOrDefault(k) ?? []).Distinct())
        {
            if (m.Lang != a.Lang || (m.At - a.At).Duration() > Window) continue;
            var similarity = signature.CompareTo(m.Signature);
            if (!similarity.SameStory) continue;
            if (best is null || similarity.Jaccard > best.Value.Similarity.Jaccard) best = (m, similarity);
        }
        return best;
    }
}
