using MediaMonitor.Matching.Stories;
using Marten;
using Npgsql;

namespace MediaMonitor.Stories;

/// <summary>
/// The story index (<see cref="StoryIndex"/>'s table) held in memory on each node, by UTC day of article time, so that
/// intake finds a new article's candidates in memory: PostgreSQL keeps the rows (the durable record, rebuilt from the
/// events) but neither searches them nor maintains an index of their 32 band keys.
/// </summary>
/// <remarks>
/// <para>Each chunk asks PostgreSQL once, in one statement, for what the node has not seen: the rows committed since its
/// last look, by any node (this one's too), and every row of the days its articles' windows reach that are not held yet
/// (on the first chunk after a start, or for an article dated long ago). "Since its last look" is exact with
/// transaction ids rather than times or sequences, which commit out of order: a look records its statement's snapshot
/// (the first unassigned id, and the ids then in progress, with its own), and the next reads rows written by those or
/// later ids. Rows read twice are ignored.</para>
/// <para>The days an article's window reaches (three days either side of its time) of the last four days stay; other days
/// go once unused for <see cref="IdleDays"/>. Two chunks taken in at once by two transactions do not see each other's
/// articles, as before: the next copy joins whichever is closer.</para>
/// </remarks>
public sealed class StoryWindow(TimeProvider clock)
{
    /// <summary>Candidates read at most for one new article, newest first: a band shared by very many articles (a
    /// boilerplate paragraph, a story reprinted a hundred times) must not make one lookup compare the whole window;
    /// any member of a story is enough to join it.</summary>
    public const int CandidatesPerArticle = 64;

    private static readonly TimeSpan IdleDays = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan LiveDays = StoryGrouping.Window + TimeSpan.FromDays(1);

    private readonly Lock gate = new();
    private readonly Dictionary<long, Day> days = [];
    private readonly HashSet<Guid> held = [];
    private readonly Dictionary<Guid, StoryState> stories = [];
    private Horizon? seen;
    private DateTimeOffset lastSweep = DateTimeOffset.MinValue;

    /// <summary>Articles held (the ingest benchmark reports it with their memory).</summary>
    public int Count
    {
        get { lock (gate) return held.Count; }
    }

    /// <summary>The stored articles that share a band with one of <paramref name="arrivals"/>, in its language and
    /// time window, with what their stories matched, after reading what the node has not seen yet.</summary>
    public async Task<IReadOnlyList<StoryMember>> CandidatesAsync(IQuerySession session, IReadOnlyList<StoryArrival> arrivals, CancellationToken ct)
    {
        var judged = arrivals.Where(a => a.Signature is not null).ToList();
        if (judged.Count == 0) return [];
        var needed = judged.SelectMany(a => DaysAround(a.At)).ToHashSet();
        long[] missing;
        Horizon? since;
        var now = clock.GetUtcNow();
        lock (gate)
        {
            // Marked used now, so that no other chunk's sweep drops a day this one counts on while it reads.
            foreach (var d in needed) DayAt(d).LastUsed = now;
            missing = needed.Where(d => !days[d].Loaded).ToArray();
            since = seen;
        }
        var (horizon, rows) = await ReadAsync(session, since, missing, ct);
        lock (gate)
        {
            foreach (var row in rows) Add(row);
            foreach (var d in missing) DayAt(d).Loaded = true;
            seen = horizon;
            Sweep(now);
            return judged.SelectMany(Lookup).DistinctBy(m => m.ArticleId).ToList();
        }
    }

    /// <summary>Drops everything held, as after a restart (the tests' reset empties the table under it).</summary>
    public void Forget()
    {
        lock (gate)
        {
            days.Clear();
            held.Clear();
            stories.Clear();
            seen = null;
        }
    }

    private IEnumerable<StoryMember> Lookup(StoryArrival a)
    {
        var keys = a.Signature!.BandKeys();
        var found = new Dictionary<Guid, Entry>();
        foreach (var d in DaysAround(a.At))
        {
            if (!days.TryGetValue(d, out var day)) continue;
            foreach (var key in keys)
            {
                if (!day.Heads.TryGetValue(key, out var node)) continue;
                for (; node >= 0 && found.Count < CandidatesPerArticle; node = day.Next[node])
                {
                    var e = day.Entries[node / StorySignature.Bands];
                    if (e.Lang == a.Lang && (e.At - a.At).Duration() <= StoryGrouping.Window) found.TryAdd(e.ArticleId, e);
                }
            }
        }
        return found.Values.Select(e => new StoryMember(e.ArticleId, e.StoryId, e.Lang, e.At, e.Signature,
            stories[e.StoryId].Watchlists.ToHashSet()));
    }

    private void Add(Row row)
    {
        if (!held.Add(row.ArticleId)) return;
        var day = DayAt(DayNumber(row.At));
        var index = day.Entries.Count;
        day.Entries.Add(new Entry(row.ArticleId, row.StoryId, row.Lang, row.At, row.Signature));
        var keys = row.Signature.BandKeys();
        for (var b = 0; b < keys.Length; b++)
        {
            day.Next.Add(day.Heads.TryGetValue(keys[b], out var previous) ? previous : -1);
            day.Heads[keys[b]] = index * StorySignature.Bands + b;
        }
        if (!stories.TryGetValue(row.StoryId, out var story)) stories[row.StoryId] = story = new StoryState();
        story.Members++;
        story.Watchlists.UnionWith(row.StoryWatchlists);
    }

    private void Sweep(DateTimeOffset now)
    {
        if (now - lastSweep < IdleDays) return;
        lastSweep = now;
        var live = DayNumber(now - LiveDays);
        foreach (var (d, day) in days.Where(p => p.Key < live && now - p.Value.LastUsed > IdleDays).ToList())
        {
            foreach (var e in day.Entries)
            {
                held.Remove(e.ArticleId);
                var story = stories[e.StoryId];
                if (--story.Members == 0) stories.Remove(e.StoryId);
            }
            days.Remove(d);
        }
    }

    private Day DayAt(long d)
    {
        if (!days.TryGetValue(d, out var day)) days[d] = day = new Day();
        return day;
    }

    private static long DayNumber(DateTimeOffset at) => at.UtcTicks / TimeSpan.TicksPerDay;

    private static IEnumerable<long> DaysAround(DateTimeOffset at)
    {
        var from = at - DateTimeOffset.MinValue > StoryGrouping.Window ? at - StoryGrouping.Window : DateTimeOffset.MinValue;
        var to = DateTimeOffset.MaxValue - at > StoryGrouping.Window ? at + StoryGrouping.Window : DateTimeOffset.MaxValue;
        for (var d = DayNumber(from); d <= DayNumber(to); d++) yield return d;
    }

    /// <summary>One statement, so that the snapshot it records is the one its rows were read in. A row's story
    /// watchlists are those of all the story's articles, held or not.</summary>
    private static async Task<(Horizon, List<Row>)> ReadAsync(IQuerySession session, Horizon? since, long[] missing, CancellationToken ct)
    {
        var table = StoryIndex.TableName.QualifiedName;
        await using var command = new NpgsqlCommand(
            $"""
             with snap as (
                 select pg_snapshot_xmax(s)::text as xmax,
                     array(select x::text from pg_snapshot_xip(s) x) || array_remove(array[pg_current_xact_id_if_assigned()::text], null) as xip
                 from pg_current_snapshot() s),
             fresh as (
                 select i.* from {table} i where i.xid >= $1::xid8 or i.xid = any($2::xid8[])
                 union all
                 select i.* from unnest($3::timestamptz[]) d(lo) join {table} i on i.at >= d.lo and i.at < d.lo + interval '1 day')
             select snap.xmax, snap.xip, f.article_id, f.story_id, f.lang, f.at, f.signature, f.shingles,
                 coalesce((select array_agg(distinct w) from {table} s, unnest(s.watchlists) w where s.story_id = f.story_id), array[]::uuid[])
             from snap left join fresh f on f.signature_version = $4
             """)
        {
            Parameters =
            {
                // Nothing held yet: no rows "since", only the days.
                new() { Value = since?.Xmax ?? (object)DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text },
                new() { Value = since?.InProgress ?? [] },
                new() { Value = missing.Select(d => new DateTimeOffset(d * TimeSpan.TicksPerDay, TimeSpan.Zero)).ToArray() },
                new() { Value = StorySignature.Version },
            },
        };
        var rows = new List<Row>();
        Horizon? horizon = null;
        await using var reader = await session.ExecuteReaderAsync(command, ct);
        while (await reader.ReadAsync(ct))
        {
            horizon ??= new Horizon(reader.GetString(0), reader.GetFieldValue<string[]>(1));
            if (reader.IsDBNull(2)) continue;
            rows.Add(new Row(reader.GetGuid(2), reader.GetGuid(3), reader.GetString(4), new DateTimeOffset(reader.GetDateTime(5), TimeSpan.Zero),
                StorySignature.FromBytes(reader.GetFieldValue<byte[]>(6), reader.GetInt32(7)), reader.GetFieldValue<Guid[]>(8)));
        }
        return (horizon!, rows);
    }

    /// <summary>What a look saw: every transaction below <see cref="Xmax"/> and not in <see cref="InProgress"/> had ended.</summary>
    private sealed record Horizon(string Xmax, string[] InProgress);

    private sealed record Row(Guid ArticleId, Guid StoryId, string Lang, DateTimeOffset At, StorySignature Signature, Guid[] StoryWatchlists);

    private sealed record Entry(Guid ArticleId, Guid StoryId, string Lang, DateTimeOffset At, StorySignature Signature);

    private sealed class StoryState
    {
        public int Members;
        public readonly HashSet<Guid> Watchlists = [];
    }

    /// <summary>One day's articles, with a chain per band key through <see cref="Next"/>: node = entry × bands + band,
    /// newest first, so a day is dropped whole and nothing is ever unlinked.</summary>
    private sealed class Day
    {
        public bool Loaded;
        public DateTimeOffset LastUsed;
        public readonly List<Entry> Entries = [];
        public readonly Dictionary<long, int> Heads = [];
        public readonly List<int> Next = [];
    }
}
