using MediaMonitor.Matching.Analysis;

namespace MediaMonitor.Matching.Engine;

/// <summary>
/// Matches articles against one <see cref="CompiledSet"/>. Holds every buffer the work needs, reused from article to
/// article, so one instance serves one call at a time (the matcher lends them out) and steady-state matching allocates
/// only its results. Per article: tokenise each field; turn each token into the ids of the term words it can be a form
/// of (a few bit tests refuse most words that are in no term, the others are cached per distinct word); walk the trie
/// from every token with a phrase-starting id; record raw hits; then group them by watchlist, evaluate the rules of
/// watchlists with a rule-phrase hit, and build the reported hits.
/// </summary>
internal sealed class Scanner
{
    /// <summary>Trie nodes one start word may visit: a phrase walk branches at every gap, so a pathological text
    /// (the same word a thousand times) is cut off here instead of exploding; real text never comes close.</summary>
    private const int WalkBudget = 4096;

    private readonly CompiledSet set;
    private readonly PhraseTrie trie;
    private readonly EntryTable entries;
    private readonly Vocabulary vocabulary;

    private readonly TokenList tokens = new();
    private readonly TokenCache cache = new();
    private readonly IdList ids = new();
    private readonly ArabicReadings readings = new();
    private readonly CharBuffer joined = new(64);

    // Candidates: for token i, cands[candStart[i]..candStart[i + 1]] are the words it can be.
    private int[] candStart = new int[257];
    private Candidate[] cands = new Candidate[512];
    private int candCount;

    private RawHit[] hits = new RawHit[256];
    private int hitCount;
    private CountedHit[] counted = new CountedHit[64];
    private int countedCount;
    private readonly EntryState[] entryState;
    private int startFirstHit;
    private ArticleField field;
    private byte fieldBit;
    private int budget;

    // Per watchlist: the hits of the current article as a linked list, and how many of its terms' hits were counted
    // but not kept (past MaxHitsKeptPerTerm), valid when the stamp is the article's.
    private readonly int[] watchlistStamp;
    private readonly int[] watchlistHead;
    private readonly int[] watchlistOmitted;
    private int[] touched = new int[64];
    private int touchedCount;
    private int stamp;

    private int[] reportBuffer = new int[64];
    private int[] ruleBuffer = new int[16];
    private int[] keptHits = new int[64];
    private int[] matchedWatchlists = new int[16];
    private int[] matchEnds = new int[16];
    private int[] matchOmitted = new int[16];
    private readonly List<int> ruleReported = [];
    private readonly RuleEvaluator evaluator = new();

    /// <summary><see cref="CompareHits"/> as a delegate, made once.</summary>
    private readonly Comparison<int> hitOrder;

    public Scanner(CompiledSet set)
    {
        this.set = set;
        trie = set.Trie;
        entries = set.Entries;
        vocabulary = set.Vocabulary;
        watchlistStamp = new int[set.Watchlists.Length];
        watchlistHead = new int[set.Watchlists.Length];
        watchlistOmitted = new int[set.Watchlists.Length];
        entryState = new EntryState[set.Entries.Count];
        hitOrder = CompareHits;
    }

    public IReadOnlyList<WatchlistMatch> Match(ArticleText article)
    {
        if (++stamp == int.MaxValue)
        {
            Array.Clear(watchlistStamp);
            stamp = 1;
        }
        hitCount = 0;
        touchedCount = 0;
        if (!string.IsNullOrEmpty(article.Title)) Scan(article.Title, ArticleField.Title);
        if (!string.IsNullOrEmpty(article.Body)) Scan(article.Body, ArticleField.Body);
        return touchedCount == 0 ? [] : Report(article);
    }

    private void Scan(string text, ArticleField f)
    {
        field = f;
        fieldBit = f == ArticleField.Title ? EntryTable.TitleBit : EntryTable.BodyBit;
        tokens.Clear();
        Tokenizer.Tokenize(text, tokens);
        FindCandidates();
        var n = tokens.Count;
        for (var i = 0; i < n; i++)
        {
            var first = candStart[i];
            var end = candStart[i + 1];
            if (first == end) continue;
            startFirstHit = hitCount;
            budget = WalkBudget;
            for (var c = first; c < end; c++)
                if (cands[c].Word.Root >= 0) WalkFromRoot(cands[c], i);
            if (hitCount > startFirstHit || countedCount > 0) FinishStart();
        }
    }

    private void FindCandidates()
    {
        var n = tokens.Count;
        candCount = 0;
        if (candStart.Length < n + 1) candStart = new int[n * 2 + 1];
        for (var i = 0; i < n; i++)
        {
            candStart[i] = candCount;
            ref var t = ref tokens[i];
            var norm = tokens.NormOf(t);
            if (!vocabulary.MayMatch(t.Kind, norm))
            {
                // In no term: no candidate, but it may still start a compound written in two.
                if (t.JoinsNext && i + 1 < n && vocabulary.CompoundHeadHash(norm) is var head && head != 0 &&
                    vocabulary.MayBeCompound(head, tokens.NormOf(tokens[i + 1])))
                    AddJoined(i);
                continue;
            }
            if (!cache.TryGet(norm, out var found, out var compoundHead))
            {
                ids.Clear();
                vocabulary.Analyze(t, norm, ids, readings);
                compoundHead = t.Kind == TokenKind.Latin ? vocabulary.CompoundHeadHash(norm) : 0;
                found = cache.Add(norm, ids.Items, trie, compoundHead);
            }
            foreach (ref readonly var w in found) AddCandidate(w, i);
            if (compoundHead != 0 && t.JoinsNext && i + 1 < n && vocabulary.MayBeCompound(compoundHead, tokens.NormOf(tokens[i + 1])))
                AddJoined(i);
        }
        candStart[n] = candCount;
    }

    /// <summary>A compound written in two (airstrike as air strike or air-strike) is also one word ending at the next token.</summary>
    private void AddJoined(int i)
    {
        var found = vocabulary.Compound(tokens.NormOf(tokens[i]), tokens.NormOf(tokens[i + 1]), tokens[i].JoinsByHyphen, joined);
        if (found is null) return;
        foreach (var id in found) AddCandidate(CandidateWord.Of(id, trie), i + 1);
    }

    private void AddCandidate(in CandidateWord word, int endToken)
    {
        if (candCount == cands.Length) Array.Resize(ref cands, candCount * 2);
        cands[candCount++] = new Candidate(word, endToken);
    }

    /// <summary>
    /// Follows the trie from the node a phrase's first word leads to. What that node holds (its child mask, whether it
    /// ends a phrase, how far its next word may be) comes with the candidate from the token cache, so the node itself,
    /// somewhere in a trie of megabytes, is only read when a following word may continue the phrase.
    /// </summary>
    private void WalkFromRoot(in Candidate first, int start)
    {
        ref readonly var word = ref first.Word;
        if (word.EndsPhrase) RecordTerminals(trie.NodeAt(word.Root), start, first.End, 0);
        if (word.NextGap < 0) return;
        var sentence = tokens[start].Sentence;
        var limit = Math.Min(tokens.Count - 1, first.End + 1 + word.NextGap);
        for (var j = first.End + 1; j <= limit; j++)
        {
            if (tokens[j].Sentence != sentence) break;
            var gap = j - first.End - 1;
            for (var c = candStart[j]; c < candStart[j + 1]; c++)
            {
                var next = cands[c].Word.Word;
                if ((word.ChildMask & (1UL << (next & 63))) == 0) continue;
                var child = trie.Child(trie.NodeAt(word.Root), next);
                if (child >= 0 && gap <= trie.NodeAt(child).SubtreeGap) Walk(child, start, cands[c].End, gap);
            }
        }
    }

    /// <summary>Follows the trie from <paramref name="nodeIndex"/>, reached by a phrase that started at token
    /// <paramref name="start"/> and whose last word so far ends at token <paramref name="last"/>.</summary>
    private void Walk(int nodeIndex, int start, int last, int gapUsed)
    {
        if (--budget < 0) return;
        ref readonly var node = ref trie.NodeAt(nodeIndex);
        if (node.TerminalEnd > node.TerminalStart) RecordTerminals(node, start, last, gapUsed);
        var maxGap = node.NextGap;
        if (maxGap < 0) return;
        var sentence = tokens[start].Sentence;
        var limit = Math.Min(tokens.Count - 1, last + 1 + maxGap);
        for (var j = last + 1; j <= limit; j++)
        {
            if (tokens[j].Sentence != sentence) break;
            var gap = j - last - 1;
            for (var c = candStart[j]; c < candStart[j + 1]; c++)
            {
                var child = trie.Child(node, cands[c].Word.Word);
                if (child >= 0 && gap <= trie.NodeAt(child).SubtreeGap) Walk(child, start, cands[c].End, Math.Max(gapUsed, gap));
            }
        }
    }

    private void RecordTerminals(in PhraseTrie.Node node, int start, int last, int gapUsed)
    {
        foreach (ref readonly var t in trie.TerminalsAt(node)) Record(t, start, last, gapUsed);
    }

    private void Record(in PhraseTrie.Terminal t, int start, int last, int gapUsed)
    {
        if (gapUsed > t.Info.Gap || (t.Info.Fields & fieldBit) == 0) return;
        ref var entry = ref entryState[t.Entry];
        if (entry.Stamp != stamp) entry = new EntryState { Stamp = stamp, LastStart = -1, Current = -1, PreviousEnd = -1, Previous = -1 };
        var startKey = PositionKey(start);
        if (entry.LastStart == startKey)
        {
            // Of two matches of one entry from the same start, the one ending first is the tighter, truer one.
            if (entry.CurrentKept && last < hits[entry.Current].EndToken)
            {
                hits[entry.Current].EndToken = last;
                hits[entry.Current].EndChar = tokens[last].End;
            }
            else if (!entry.CurrentKept && entry.Current >= 0 && last < counted[entry.Current].EndToken)
            {
                counted[entry.Current].EndToken = last;
            }
            return;
        }
        entry.LastStart = startKey;
        // Past its quota an entry's hits are counted, not kept (a rule phrase's are not even counted): what one
        // article costs stays linear in its length however often a watched word recurs in it.
        if (++entry.Found > (t.Info.Leaf < 0 ? Matcher.MaxHitsKeptPerTerm : Matcher.MaxHitsKeptPerRulePhrase))
        {
            entry.CurrentKept = false;
            entry.Current = -1;
            if (t.Info.Leaf >= 0) return;
            if (countedCount == counted.Length) Array.Resize(ref counted, countedCount * 2);
            counted[countedCount] = new CountedHit(t.Entry, t.Info.Watchlist, last);
            entry.Current = countedCount++;
            return;
        }
        if (hitCount == hits.Length) Array.Resize(ref hits, hitCount * 2);
        hits[hitCount] = new RawHit
        {
            Entry = t.Entry, Info = t.Info, StartToken = start, EndToken = last, StartChar = tokens[start].Start,
            EndChar = tokens[last].End, Field = field, Next = -1,
        };
        entry.CurrentKept = true;
        entry.Current = hitCount++;
    }

    /// <summary>A token position and the field it lies in, as one number.</summary>
    private int PositionKey(int token) => token * 2 + (int)field;

    /// <summary>Settles the hits that start at one token and files them under their watchlists.</summary>
    private void FinishStart()
    {
        for (var k = startFirstHit; k < hitCount; k++)
        {
            ref var h = ref hits[k];
            var w = h.Info.Watchlist;
            if (watchlistStamp[w] != stamp)
            {
                watchlistStamp[w] = stamp;
                watchlistHead[w] = -1;
                watchlistOmitted[w] = 0;
                if (touchedCount == touched.Length) Array.Resize(ref touched, touchedCount * 2);
                touched[touchedCount++] = w;
            }
            h.Next = watchlistHead[w];
            watchlistHead[w] = k;
            Settle(h.Entry, w, PositionKey(h.EndToken), k);
        }
        // A hit only counted belongs to an entry that kept hits before, so its watchlist is filed already.
        for (var c = 0; c < countedCount; c++)
        {
            ref readonly var h = ref counted[c];
            watchlistOmitted[h.Watchlist]++;
            Settle(h.Entry, h.Watchlist, PositionKey(h.EndToken), -1);
        }
        countedCount = 0;
    }

    /// <summary>
    /// Of two matches of one entry ending on the same word, the later start is the tighter, truer one: "the air air
    /// strike" holds "air strike" twice, once with a word skipped. Only the entry's hit just before can end on the same
    /// word: one that started earlier would have ended on that one's last word already.
    /// </summary>
    private void Settle(int e, int watchlist, int endKey, int kept)
    {
        ref var entry = ref entryState[e];
        if (entry.PreviousEnd == endKey)
        {
            if (entry.Previous >= 0) hits[entry.Previous].Dropped = true;
            else watchlistOmitted[watchlist]--;
        }
        entry.PreviousEnd = endKey;
        entry.Previous = kept;
    }

    /// <summary>
    /// Settles each touched watchlist's hits, then builds the result in two allocations whatever the number of
    /// matches: one array of matches and one of hits, each match a slice of the second.
    /// </summary>
    private IReadOnlyList<WatchlistMatch> Report(ArticleText article)
    {
        var order = touched.AsSpan(0, touchedCount);
        order.Sort();
        var keptCount = 0;
        var matchCount = 0;
        var endCount = 0;
        var omittedCount = 0;
        foreach (var w in order)
        {
            var reported = 0;
            var ruleHits = 0;
            for (var k = watchlistHead[w]; k >= 0; k = hits[k].Next)
            {
                if (hits[k].Dropped) continue;
                if (hits[k].Info.Leaf < 0) Push(ref reportBuffer, ref reported, k);
                else Push(ref ruleBuffer, ref ruleHits, k);
            }
            if (ruleHits > 0 && set.Rules[w] is { } rule)
            {
                ruleReported.Clear();
                if (evaluator.Evaluate(rule, hits, ruleBuffer.AsSpan(0, ruleHits), article, ruleReported))
                    foreach (var k in ruleReported) Push(ref reportBuffer, ref reported, k);
            }
            if (reported == 0) continue;
            var list = reportBuffer.AsSpan(0, reported);
            SortHits(list);
            var omitted = watchlistOmitted[w];
            var kept = 0;
            foreach (var k in OnePerMention(list))
            {
                // The first hits of each phrase, in text order, and a count of the rest: enough to show why, and bounded.
                if (kept == Matcher.MaxHitsPerMatch || ++entryState[hits[k].Entry].Reported > Matcher.MaxHitsPerTerm)
                {
                    omitted++;
                    continue;
                }
                Push(ref keptHits, ref keptCount, k);
                kept++;
            }
            Push(ref matchedWatchlists, ref matchCount, w);
            Push(ref matchEnds, ref endCount, keptCount);
            Push(ref matchOmitted, ref omittedCount, omitted);
        }

        var allHits = new Hit[keptCount];
        for (var i = 0; i < keptCount; i++)
        {
            ref var h = ref hits[keptHits[i]];
            var text = h.Field == ArticleField.Title ? article.Title! : article.Body;
            allHits[i] = new Hit(entries.Phrase[h.Entry], h.Field, h.StartChar, h.EndChar - h.StartChar, text);
        }
        var result = new WatchlistMatch[matchCount];
        for (int m = 0, from = 0; m < matchCount; from = matchEnds[m++])
        {
            var w = matchedWatchlists[m];
            result[m] = new WatchlistMatch(set.Ids[w], set.Versions[w], new ArraySegment<Hit>(allHits, from, matchEnds[m] - from), matchOmitted[m]);
        }
        return result;
    }

    /// <summary>
    /// One hit per mention: a hit inside a longer hit of the same watchlist is dropped (داعش inside تنظيم داعش, covid
    /// inside COVID-19), and when several phrases match the same words the first listed names the hit. Compacts the
    /// sorted hits in place and returns those kept.
    /// </summary>
    private Span<int> OnePerMention(Span<int> sorted)
    {
        var kept = 0;
        var coveredField = (ArticleField)(-1);
        var coveredTo = -1;
        foreach (var k in sorted)
        {
            ref var h = ref hits[k];
            if (h.Field == coveredField && h.EndChar <= coveredTo) continue;
            coveredField = h.Field;
            coveredTo = h.EndChar;
            sorted[kept++] = k;
        }
        return sorted[..kept];
    }

    private static void Push(ref int[] buffer, ref int count, int value)
    {
        if (count == buffer.Length) Array.Resize(ref buffer, count * 2);
        buffer[count++] = value;
    }

    /// <summary>
    /// Sorts by <see cref="CompareHits"/>. A watchlist's hits in one article are nearly always a handful, so insertion
    /// sort, which allocates nothing; a span sort with a comparison allocates on each call, which at hundreds of
    /// matches an article was a third of all the matcher allocated.
    /// </summary>
    private void SortHits(Span<int> list)
    {
        if (list.Length > 32)
        {
            list.Sort(hitOrder);
            return;
        }
        for (var i = 1; i < list.Length; i++)
        {
            var k = list[i];
            var j = i - 1;
            for (; j >= 0 && CompareHits(list[j], k) > 0; j--) list[j + 1] = list[j];
            list[j + 1] = k;
        }
    }

    /// <summary>Field, then start, then the longer first, then the phrase listed first.</summary>
    private int CompareHits(int a, int b)
    {
        ref var x = ref hits[a];
        ref var y = ref hits[b];
        // The field as a number: Enum.CompareTo boxes both sides, two allocations a comparison.
        var c = ((int)x.Field).CompareTo((int)y.Field);
        if (c == 0) c = x.StartChar.CompareTo(y.StartChar);
        if (c == 0) c = y.EndChar.CompareTo(x.EndChar);
        if (c == 0) c = x.Info.Order.CompareTo(y.Info.Order);
        return c != 0 ? c : a.CompareTo(b);
    }
}
