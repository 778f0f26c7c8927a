namespace MediaMonitor.Matching.Engine;

/// <summary>
/// Article word (analysis form) → the word ids it can be a form of, for one scanner. News vocabulary is Zipfian: most
/// words recur, so most tokens cost one lookup here instead of clitic readings, stemming and several vocabulary lookups.
/// An open-addressing table over flat arrays (no object per word): one hash of the word, usually one probe. When full it
/// starts over empty, so memory stays bounded (about 12 MB) whatever the stream of articles.
/// </summary>
internal sealed class TokenCache
{
    /// <summary>Distinct words kept; the shared corpus has about 120,000.</summary>
    public const int Capacity = 1 << 18;

    private const int MaxKeyLength = 64;

    private struct Slot
    {
        public int Hash;
        public int KeyStart;
        public int KeyLength;
        public int WordStart;
        public int WordCount;
        public uint CompoundHead;
    }

    // Starts small and doubles up to Capacity: a matcher used for a handful of articles stays small.
    private int[] buckets = new int[2048];
    private Slot[] slots = new Slot[1024];
    private char[] keys = new char[8192];
    private CandidateWord[] words = new CandidateWord[1024];
    private int count;
    private int keyLength;
    private int wordLength;

    public bool TryGet(ReadOnlySpan<char> key, out ReadOnlySpan<CandidateWord> found, out uint compoundHead)
    {
        var hash = Hash(key);
        var mask = buckets.Length - 1;
        for (var b = hash & mask; ; b = (b + 1) & mask)
        {
            var s = buckets[b] - 1;
            if (s < 0) break;
            ref var slot = ref slots[s];
            if (slot.Hash == hash && slot.KeyLength == key.Length && keys.AsSpan(slot.KeyStart, slot.KeyLength).SequenceEqual(key))
            {
                found = words.AsSpan(slot.WordStart, slot.WordCount);
                compoundHead = slot.CompoundHead;
                return true;
            }
        }
        found = default;
        compoundHead = 0;
        return false;
    }

    /// <summary>Keeps the words <paramref name="ids"/> for <paramref name="key"/>, with what the trie says of each and
    /// the word's hash as the first piece of a compound written in two (0: it cannot be one), and returns them.</summary>
    public ReadOnlySpan<CandidateWord> Add(ReadOnlySpan<char> key, ReadOnlySpan<int> ids, PhraseTrie trie, uint compoundHead)
    {
        if (key.Length > MaxKeyLength) key = default;   // URLs and the like: rare, not worth keeping
        else if (count == Capacity) Clear();
        else if (count == slots.Length) Grow();
        if (keyLength + key.Length > keys.Length) Array.Resize(ref keys, keys.Length * 2);
        if (wordLength + ids.Length > words.Length) Array.Resize(ref words, Math.Max(words.Length * 2, wordLength + ids.Length));
        var start = wordLength;
        foreach (var id in ids) words[wordLength++] = CandidateWord.Of(id, trie);
        if (key.IsEmpty) wordLength = start;   // not kept: the slots are overwritten by the next word
        else
        {
            var hash = Hash(key);
            var mask = buckets.Length - 1;
            var b = hash & mask;
            while (buckets[b] != 0) b = (b + 1) & mask;
            key.CopyTo(keys.AsSpan(keyLength));
            slots[count] = new Slot
            {
                Hash = hash, KeyStart = keyLength, KeyLength = key.Length, WordStart = start, WordCount = ids.Length,
                CompoundHead = compoundHead,
            };
            keyLength += key.Length;
            buckets[b] = ++count;
        }
        return words.AsSpan(start, ids.Length);
    }

    private void Grow()
    {
        Array.Resize(ref slots, slots.Length * 2);
        buckets = new int[slots.Length * 2];
        var mask = buckets.Length - 1;
        for (var s = 0; s < count; s++)
        {
            var b = slots[s].Hash & mask;
            while (buckets[b] != 0) b = (b + 1) & mask;
            buckets[b] = s + 1;
        }
    }

    private void Clear()
    {
        Array.Clear(buckets);
        count = keyLength = wordLength = 0;
    }

    /// <summary>FNV-1a over the characters, then mixed: cheap, and words differ early.</summary>
    private static int Hash(ReadOnlySpan<char> key)
    {
        var h = 2166136261u;
        foreach (var c in key) h = (h ^ c) * 16777619u;
        h ^= h >> 15;
        return (int)(h & 0x7FFFFFFF);
    }
}
