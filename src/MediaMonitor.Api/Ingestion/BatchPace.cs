namespace MediaMonitor.Ingestion;

/// <summary>What one transaction of a batch may take on, in units of work; how much its first article may be on its
/// own (more than <paramref name="Work"/>: one article too big for a transaction's share of the time still goes in if it
/// fits in the time left, and the first transaction's goes in whatever it costs, so that every batch moves on); how
/// long it may wait for its claims (null: as long as it takes).</summary>
public readonly record struct Allowance(long Work, long FirstArticleWork, TimeSpan? ClaimWait)
{
    public static readonly Allowance Unbounded = new(long.MaxValue, long.MaxValue, null);

    /// <summary>Whether an article of <paramref name="work"/> goes in after <paramref name="before"/> units of work:
    /// within the allowance, or as the transaction's first and within what that may be.</summary>
    public bool Fits(long before, long work, bool first) => before + work <= (first ? FirstArticleWork : Work);
}

/// <summary>
/// Sizes the transactions of one batch so that it is answered by its deadline: the first does a little work to learn
/// the pace, each later one what fits in the time left at the pace so far. The pace is time per unit of work, counted in
/// characters of text (a batch mixes a line of news with a book) and in alerts and deliveries written (an article that
/// matches many watchlists watched by many subscriptions costs more to store than to match). Without a deadline every
/// transaction takes a whole chunk. The time is passed in, so the sizing is plain arithmetic.
/// </summary>
public sealed class BatchPace(DateTimeOffset? deadline, DateTimeOffset started)
{
    /// <summary>An alert or a delivery costs about as much to store as this many characters of text cost to match
    /// and store: about a millisecond on a 2-core machine.</summary>
    public const int CharactersPerWrite = 5_000;

    /// <summary>The first transaction of a batch with a time budget, in units of work: small enough to be quick whatever
    /// the articles hold, large enough to tell the pace of the rest.</summary>
    public const long PaceWork = 100_000;

    /// <summary>The longest a transaction after the first is planned to take. The pace changes between transactions
    /// (a busy database, a checkpoint, a neighbour's large batch): a transaction planned for all the time left overran
    /// the budget by as much as the pace slowed; one planned for at most this, by a fraction of it.</summary>
    public static readonly TimeSpan TransactionTime = TimeSpan.FromSeconds(1);

    /// <summary>How long the first transaction of a batch whose time is spent still waits for its claims: enough for
    /// claims no other transaction holds.</summary>
    public static readonly TimeSpan MinimumClaimWait = TimeSpan.FromMilliseconds(50);

    private long _work;
    private long _text;

    public static long Length(ArticleCandidate c) => c.Body.Length + (c.Title?.Length ?? 0) + 1;

    /// <summary>
    /// The next transaction's allowance, or null once the time is spent. The first one does <see cref="PaceWork"/>
    /// (one article when the time is spent already, say on reading a large body), and waits for its claims until the
    /// deadline (<see cref="MinimumClaimWait"/> once it has gone by): an article another transaction holds that long is
    /// deferred with the rest. A later one does what fits in the time left, and in at most
    /// <see cref="TransactionTime"/>, at the pace so far: one started just before the deadline would otherwise run a
    /// whole chunk past it.
    /// </summary>
    public Allowance? Next(DateTimeOffset now)
    {
        if (deadline is not { } d) return Allowance.Unbounded;
        var left = d - now;
        if (_work == 0) return new Allowance(left <= TimeSpan.Zero ? 0 : PaceWork, long.MaxValue, left > MinimumClaimWait ? left : MinimumClaimWait);
        if (left <= TimeSpan.Zero) return null;
        var perUnit = (now - started) / _work;
        if (perUnit <= TimeSpan.Zero) return new Allowance(long.MaxValue, long.MaxValue, left);
        var planned = left < TransactionTime ? left : TransactionTime;
        return new Allowance((long)(planned / perUnit), (long)(left / perUnit), left);
    }

    /// <summary>
    /// How many articles from <paramref name="next"/> on (at most <paramref name="count"/>) the allowance fits,
    /// reckoning each article's work from its text at what the articles taken so far cost per character, their alerts
    /// and deliveries included: a batch of short articles that each match many watchlists is sized by that, not by its
    /// text alone, so that no transaction claims, looks up and matches far more articles than it can take. The alerts
    /// and deliveries themselves are counted once matched.
    /// </summary>
    public int Fitting(IReadOnlyList<ArticleCandidate> candidates, int next, int count, Allowance allowance)
    {
        var perCharacter = _text == 0 ? 1 : Math.Max(1, (double)_work / _text);
        var size = 0;
        long total = 0;
        while (size < count && next + size < candidates.Count)
        {
            var work = (long)(Length(candidates[next + size]) * perCharacter);
            if (!allowance.Fits(total, work, size == 0)) break;
            total += work;
            size++;
        }
        return size;
    }

    /// <summary>Counts a committed transaction: the work it was, and the text of its articles.</summary>
    public void Taken(long work, long text)
    {
        _work += work;
        _text += text;
    }
}
