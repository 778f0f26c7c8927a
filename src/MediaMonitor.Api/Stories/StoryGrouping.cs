using MediaMonitor.Ingestion;
using MediaMonitor.Matching.Stories;
using Marten;
using Npgsql;

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
/// band with it (<see cref="StoryIndex"/>) and the articles before it in the same transaction.
/// </summary>
/// <remarks>Two copies taken in at the same moment by two transactions do not see each other, and start two stories;
/// the next copy joins whichever is closer.</remarks>
public static class StoryGrouping
{
    /// <summary>How far apart in time two copies of one report may be: wire copies are reprinted within a day or two.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(72);

    /// <summary>Stored articles read at most for one new article: a band shared by very many articles (a boilerplate
    /// paragraph, a story reprinted a hundred times) must not make one lookup read the whole window; any member of a
    /// story found is enough to join it.</summary>
    public const int CandidatesPerArticle = 16;

    /// <summary>The stories of <paramref name="arrivals"/>, in order, each seeing the ones placed before it.</summary>
    public static async Task<IReadOnlyList<StoryPlacement>> PlaceAsync(
        IQuerySession session, IReadOnlyList<StoryArrival> arrivals, Func<Guid> newId, CancellationToken ct)
    {
        var stored = await CandidatesAsync(session, arrivals, ct);
        return Place(arrivals, stored, newId);
    }

    /// <summary>The placement itself, without I/O: <paramref name="stored"/> are the candidates read from the index.</summary>
    public static IReadOnlyList<StoryPlacement> Place(
        IReadOnlyList<StoryArrival> arrivals, IReadOnlyList<StoryMember> stored, Func<Guid> newId)
    {
        var members = stored.ToList();
        // What each story had matched, as the chunk's articles add to it.
        var matched = new Dictionary<Guid, HashSet<Guid>>();
        foreach (var m in stored)
        {
            if (!matched.ContainsKey(m.StoryId)) matched[m.StoryId] = [.. m.StoryMatched];
        }

        var placements = new List<StoryPlacement>(arrivals.Count);
        foreach (var a in arrivals)
        {
            var best = Nearest(a, members);
            var storyId = best?.Member.StoryId ?? newId();
            var before = matched.TryGetValue(storyId, out var seen) ? seen.ToHashSet() : [];
            matched[storyId] = [.. before, .. a.MatchedWatchlistIds];
            placements.Add(new StoryPlacement(new ArticleStory(storyId, best is null, best?.Member.ArticleId,
                best is null ? null : Math.Round(best.Value.Similarity.Jaccard, 3), a.At,
                a.Signature is null ? null : Convert.ToBase64String(a.Signature.ToBytes()), a.Signature?.Shingles ?? 0,
                a.MatchedWatchlistIds, StorySignature.Version), before));
            if (a.Signature is { } signature)
                members.Add(new StoryMember(a.ArticleId, storyId, a.Lang, a.At, signature, matched[storyId]));
        }
        return placements;
    }

    private static (StoryMember Member, StorySimilarity Similarity)? Nearest(StoryArrival a, IEnumerable<StoryMember> members)
    {
        if (a.Signature is not { } signature) return null;
        (StoryMember Member, StorySimilarity Similarity)? best = null;
        foreach (var m in members)
        {
            if (m.Lang != a.Lang || (m.At - a.At).Duration() > Window) continue;
            var similarity = signature.CompareTo(m.Signature);
            if (!similarity.SameStory) continue;
            if (best is null || similarity.Jaccard > best.Value.Similarity.Jaccard) best = (m, similarity);
        }
        return best;
    }

    /// <summary>The stored articles that share a band with an arrival, in its language and time window, with what their
    /// stories matched: one query for the chunk, which looks up each arrival's own bands (a lateral join), so that
    /// PostgreSQL checks each candidate row's 32 keys against that arrival's 32, not against the whole chunk's thousands.</summary>
    private static async Task<IReadOnlyList<StoryMember>> CandidatesAsync(IQuerySession session, IReadOnlyList<StoryArrival> arrivals, CancellationToken ct)
    {
        var judged = arrivals.Where(a => a.Signature is not null).ToList();
        if (judged.Count == 0) return [];
        var bands = judged.SelectMany(a => a.Signature!.BandKeys()).ToArray();
        // Articles dated at the start of the calendar (a sender's placeholder) have no window before them.
        var from = judged.Select(a => a.At - DateTimeOffset.MinValue > Window ? a.At - Window : DateTimeOffset.MinValue).ToArray();
        var to = judged.Select(a => a.At + Window).ToArray();
        var table = StoryIndex.TableName.QualifiedName;
        // The planner prices 250 lateral lookups high enough to compile the query (JIT), which took longer (some 17 ms)
        // than running it; off for the rest of this transaction only.
        await session.QueryAsync<string>("select set_config('jit', 'off', true)", ct);
        await using var command = new NpgsqlCommand(
            $"""
             with arrival as (
                 select * from unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) with ordinality as a(lang, lo, hi, n)),
             found as (
                 select distinct c.article_id from arrival a cross join lateral (
                     select i.article_id from {table} i
                     where i.bands && ($4::bigint[])[(a.n - 1) * {StorySignature.Bands} + 1 : a.n * {StorySignature.Bands}]
                       and i.lang = a.lang and i.at between a.lo and a.hi and i.signature_version = $5
                     limit {CandidatesPerArticle}) c)
             select i.article_id, i.story_id, i.lang, i.at, i.signature, i.shingles,
                 coalesce((select array_agg(distinct w) from {table} s, unnest(s.watchlists) w where s.story_id = i.story_id), array[]::uuid[])
             from found f join {table} i on i.article_id = f.article_id
             """)
        {
            Parameters =
            {
                new() { Value = judged.Select(a => a.Lang).ToArray() },
                new() { Value = from },
                new() { Value = to },
                new() { Value = bands },
                new() { Value = StorySignature.Version },
            },
        };
        var members = new List<StoryMember>();
        await using var reader = await session.ExecuteReaderAsync(command, ct);
        while (await reader.ReadAsync(ct))
        {
            members.Add(new StoryMember(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2),
                new DateTimeOffset(reader.GetDateTime(3), TimeSpan.Zero), StorySignature.FromBytes(reader.GetFieldValue<byte[]>(4), reader.GetInt32(5)),
                reader.GetFieldValue<Guid[]>(6).ToHashSet()));
        }
        return members;
    }
}
