using MediaMonitor.Matching.Analysis;

namespace MediaMonitor.Matching.Stories;

/// <summary>
/// The distinct k-word shingles of a body, as 64-bit hashes: the words are the library's tokens in their analysis form
/// (NFKC, case folded, tashkeel and tatweel dropped, hamza seats folded, Arabic-Indic digits as ASCII) with ة→ه and
/// ى→ي folded as in lookup keys, so spelling variants of one wire text give the same shingles; punctuation and spacing
/// are not part of any shingle.
/// </summary>
/// <remarks>
/// Nothing else is dropped: Arabic clitics and stopwords stay, because story grouping asks "is this the same text?",
/// not "is this the same topic?". Syndicated copies carry the same clitics, while stripping them (or stopwords) makes
/// two differently worded reports on one subject share more shingles, the false merge this method must avoid. The one
/// exception is a conjunction و written apart from its word (و قال, common in Tunisian and Gulf copy): it is joined to
/// the next word, so و قال and وقال are one word, as a reader sees them.
/// Hashes are FNV-1a over UTF-16 code units per word, and per shingle a sum of the four word hashes times fixed odd
/// multipliers through a splitmix64 finaliser, all with fixed constants: the same text
/// hashes the same in every process and version (string.GetHashCode is randomised per process).
/// </remarks>
internal static class ShingleHashes
{
    /// <summary>Words per shingle. One changed word (a number, a place, a name) alters k shingles; k = 4 lets two
    /// templated reports of different events ("two rockets hit ... on Tuesday") share few shingles, while a copy with a
    /// new headline, dateline or footer keeps nearly all of them. Broder's near-duplicate work used 4 to 10 words on the
    /// web; news bodies are shorter, and 3 makes common phrases of one beat (وزارة الدفاع في, the Ministry of) collide.</summary>
    public const int K = 4;

    private const ulong FnvOffset = 0xcbf29ce484222325;
    private const ulong FnvPrime = 0x100000001b3;
    private const char Waw = '\u0648';

    [ThreadStatic] private static TokenList? tokens;
    [ThreadStatic] private static ulong[]? words;
    [ThreadStatic] private static ulong[]? table;

    /// <summary>Calls <paramref name="sink"/> once per distinct shingle hash (never 0) and returns how many there were.</summary>
    public static int Distinct<TSink>(string body, ulong seed, ref TSink sink) where TSink : struct, IShingleSink
    {
        var list = tokens ??= new TokenList();
        list.Clear();
        Tokenizer.Tokenize(body, list);
        var wordCount = WordHashes(list, ref words);
        var shingleCount = wordCount - K + 1;
        if (shingleCount <= 0) return 0;

        // Open addressing at load <= 1/2: counting distinct shingles (and hashing each once) without a HashSet per article.
        var size = 64;
        while (size < shingleCount * 2) size <<= 1;
        if (table is null || table.Length < size) table = new ulong[size];
        var slots = table.AsSpan(0, size);
        slots.Clear();
        var mask = size - 1;
        var w = words!;
        var distinct = 0;
        for (var i = 0; i < shingleCount; i++)
        {
            // One odd multiplier per position keeps word order (a b c d ≠ b a c d); one finaliser for the four words.
            var h = Mix(seed + w[i] * 0x9e3779b97f4a7c15 + w[i + 1] * 0xc2b2ae3d27d4eb4f + w[i + 2] * 0x165667b19e3779f9 + w[i + 3] * 0xd6e8feb86659fd93);
            if (h == 0) h = 1;   // 0 marks an empty slot
            var slot = (int)(h >> 32) & mask;
            while (slots[slot] != 0 && slots[slot] != h) slot = (slot + 1) & mask;
            if (slots[slot] == h) continue;
            slots[slot] = h;
            distinct++;
            sink.Add(h);
        }
        return distinct;
    }

    /// <summary>A stable 64-bit hash of a short string (a language tag), for seeding.</summary>
    public static ulong Seed(ReadOnlySpan<char> s)
    {
        var h = FnvOffset;
        foreach (var c in s) h = (h ^ c) * FnvPrime;
        return Mix(h);
    }

    /// <summary>splitmix64's finaliser: every input bit reaches every output bit.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
        z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
        return z ^ (z >> 31);
    }

    private static int WordHashes(TokenList list, ref ulong[]? into)
    {
        if (into is null || into.Length < list.Count) into = new ulong[Math.Max(256, list.Count)];
        var count = 0;
        var pendingWaw = false;
        for (var t = 0; t < list.Count; t++)
        {
            var norm = list.NormOf(list[t]);
            if (norm is [Waw] && !pendingWaw)
            {
                pendingWaw = true;
                continue;
            }
            var h = FnvOffset;
            if (pendingWaw) h = (h ^ Waw) * FnvPrime;
            pendingWaw = false;
            foreach (var c in norm) h = (h ^ CharFolding.FoldKey(c)) * FnvPrime;
            into[count++] = h;
        }
        if (pendingWaw) into[count++] = unchecked((FnvOffset ^ Waw) * FnvPrime);
        return count;
    }
}

/// <summary>Receives shingle hashes without a delegate allocation (a struct, called through a constrained generic).</summary>
internal interface IShingleSink
{
    void Add(ulong shingle);
}
