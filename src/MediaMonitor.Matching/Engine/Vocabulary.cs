using MediaMonitor.Matching.Analysis;

namespace MediaMonitor.Matching.Engine;

/// <summary>
/// The words of all terms and rule phrases. Each distinct word gets an id; every surface key that stands for it
/// (Arabic inflected forms, the English stem key, a number) maps to that id, and a wildcard word (withdraw*) maps its
/// prefix to its id. <see cref="Analyze"/> turns one article word into the ids it can be a form of; the scanner caches
/// that answer per distinct word, so this slow path runs about once per new word, not once per occurrence.
/// </summary>
internal sealed class Vocabulary
{
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> byKey;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> byPrefix;
    private readonly int[] prefixLengths;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> compoundForms;
    private readonly bool[] compoundStarts = new bool[26 * 26];
    private readonly ulong[] compoundHeads;
    private readonly int compoundMaxLength;

    /// <summary>Shortest term word looked for in two pieces: ISIS is no "is is", into no "in to".</summary>
    public const int CompoundMinLength = 5;
    private readonly int shortestKey;
    private readonly int longestKey;

    private Vocabulary(Dictionary<string, int[]> idsByKey, Dictionary<string, int[]> idsByPrefix,
        Dictionary<string, int[]> compoundForms, int wordCount)
    {
        byKey = idsByKey.GetAlternateLookup<ReadOnlySpan<char>>();
        byPrefix = idsByPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
        prefixLengths = idsByPrefix.Keys.Select(k => k.Length).Distinct().Order().ToArray();
        this.compoundForms = compoundForms.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var f in compoundForms.Keys) compoundStarts[(f[0] - 'a') * 26 + (f[1] - 'a')] = true;
        compoundMaxLength = compoundForms.Count == 0 ? 0 : compoundForms.Keys.Max(k => k.Length);
        // A Bloom filter of every first piece a compound can be cut into (a, ai, air, airs, ... of airstrike).
        var heads = compoundForms.Keys.Sum(k => k.Length);
        compoundHeads = new ulong[Math.Max(1, (int)Math.Min(1 << 24, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(heads * 16 / 64 + 1))))];
        foreach (var f in compoundForms.Keys)
            for (var cut = 1; cut + 2 <= f.Length; cut++)
            {
                var (h1, h2) = HeadHashes(f.AsSpan(0, cut));
                SetBit(h1);
                SetBit(h2);
            }

        void SetBit(uint h) => compoundHeads[(h >> 6) & (uint)(compoundHeads.Length - 1)] |= 1UL << (int)(h & 63);
        WordCount = wordCount;
        KeyCount = idsByKey.Count;
        shortestKey = idsByKey.Count == 0 ? int.MaxValue : idsByKey.Keys.Min(k => k.Length);
        longestKey = idsByKey.Count == 0 ? 0 : idsByKey.Keys.Max(k => k.Length);
    }

    public int WordCount { get; }

    public int KeyCount { get; }

    public bool HasWildcards => prefixLengths.Length > 0;

    /// <summary>Whether any term word could be written as two article words (then pairs of Latin words are looked up joined).</summary>
    public bool HasCompounds => compoundMaxLength > 0;

    /// <summary>Adds to <paramref name="into"/> the ids of the words one article token can be a form of.</summary>
    public void Analyze(in Token token, ReadOnlySpan<char> norm, IdList into, ArabicReadings readings)
    {
        switch (token.Kind)
        {
            case TokenKind.Arabic:
                readings.Collect(norm, this, into);
                break;
            case TokenKind.Number:
                AddKey(norm, into);
                AddPrefixes(norm, into);
                break;
            default:
                AddKey(EnglishKey.ForThisThread.Of(norm), into);
                AddPrefixes(norm, into);
                break;
        }
    }

    /// <summary>Whether an article word may be the first piece of a compound term word written in two (air of air strike).
    /// Asked once per distinct word (the answer is cached with it), so pairs of words are only looked up after one.</summary>
    public bool MayStartCompound(ReadOnlySpan<char> word)
    {
        if (compoundMaxLength == 0 || word.Length + 2 > compoundMaxLength) return false;
        var (h1, h2) = HeadHashes(word);
        var mask = (uint)(compoundHeads.Length - 1);
        return (compoundHeads[(h1 >> 6) & mask] & (1UL << (int)(h1 & 63))) != 0 &&
               (compoundHeads[(h2 >> 6) & mask] & (1UL << (int)(h2 & 63))) != 0;
    }

    private static (uint, uint) HeadHashes(ReadOnlySpan<char> head)
    {
        uint a = 2166136261u, b = 0x9E3779B9u;
        foreach (var c in head)
        {
            a = (a ^ c) * 16777619u;
            b = (b + c) * 0x85EBCA6Bu;
            b ^= b >> 13;
        }
        return (a ^ (a >> 16), b ^ (b >> 15));
    }

    /// <summary>
    /// The ids two article words written apart stand for as one word (air strike, air-strikes → airstrike): the two
    /// written together must be a term word or one of its inflections exactly, so "we are" is never "wear". Asked for
    /// most pairs of English words, so it rejects nearly all of them on their first two letters.
    /// </summary>
    public int[]? Compound(ReadOnlySpan<char> first, ReadOnlySpan<char> second, bool hyphen, CharBuffer scratch)
    {
        var length = first.Length + second.Length;
        if (length < CompoundMinLength || length > compoundMaxLength || second.Length < 2 || (first.Length < 2 && !hyphen))
            return null;
        var a = first[0] - 'a';
        var b = (first.Length > 1 ? first[1] : second[0]) - 'a';
        if ((uint)a >= 26 || (uint)b >= 26 || !compoundStarts[a * 26 + b]) return null;
        scratch.Clear();
        scratch.Append(first);
        scratch.Append(second);
        return compoundForms.TryGetValue(scratch.Slice(0, length), out var ids) ? ids : null;
    }

    /// <summary>The ids of one Arabic reading (a folded key), with those of the wildcard prefixes it starts with.</summary>
    internal void AddArabicReading(ReadOnlySpan<char> folded, IdList into)
    {
        AddKey(folded, into);
        AddPrefixes(folded, into);
    }

    private void AddKey(ReadOnlySpan<char> key, IdList into)
    {
        if (key.Length < shortestKey || key.Length > longestKey) return;
        if (byKey.TryGetValue(key, out var ids)) into.AddRange(ids);
    }

    private void AddPrefixes(ReadOnlySpan<char> word, IdList into)
    {
        foreach (var length in prefixLengths)
        {
            if (length > word.Length) break;
            if (byPrefix.TryGetValue(word[..length], out var ids)) into.AddRange(ids);
        }
    }


    public sealed class Builder
    {
        private readonly Dictionary<string, int> idsByIdentity = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>> idsByKey = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>> idsByPrefix = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>> compoundForms = new(StringComparer.Ordinal);

        /// <summary>The id of an Arabic term word (analysis form).</summary>
        public int AddArabic(string word)
        {
            var forms = ArabicParadigm.Of(word);
            return Add(idsByKey, "ar\u0001" + string.Join('\u0001', forms.Forms), forms.Forms);
        }

        /// <summary>The id of a Latin-script term word (analysis form).</summary>
        public int AddLatin(string word, bool joinable)
        {
            var key = EnglishKey.ForThisThread.Of(word);
            var id = Add(idsByKey, "en\u0001" + key, [key]);
            if (joinable && word.Length >= CompoundMinLength && word.All(c => c is >= 'a' and <= 'z'))
                foreach (var form in EnglishCompounds.Forms(word))
                {
                    // Only true inflections: the ring is no "thering" of there.
                    if (EnglishKey.ForThisThread.Of(form) != key) continue;
                    if (!compoundForms.TryGetValue(form, out var list)) compoundForms.Add(form, list = new List<int>(1));
                    if (!list.Contains(id)) list.Add(id);
                }
            return id;
        }

        public int AddNumber(string digits) => Add(idsByKey, "nu\u0001" + digits, [digits]);

        /// <summary>The id of a wildcard word: any article word (or, in Arabic, any reading of it once its clitics are
        /// taken off) that starts with <paramref name="prefix"/>, an analysis form.</summary>
        public int AddPrefix(string prefix, TokenKind kind)
        {
            var key = kind == TokenKind.Arabic ? CharFolding.FoldKey(prefix) : prefix;
            return Add(idsByPrefix, "pre\u0001" + key, [key]);
        }

        private int Add(Dictionary<string, List<int>> index, string identity, string[] keys)
        {
            if (idsByIdentity.TryGetValue(identity, out var id)) return id;
            id = idsByIdentity.Count;
            idsByIdentity.Add(identity, id);
            foreach (var k in keys)
            {
                if (!index.TryGetValue(k, out var list)) index.Add(k, list = new List<int>(1));
                list.Add(id);
            }
            return id;
        }

        public Vocabulary Build() => new(
            idsByKey.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal),
            idsByPrefix.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal),
            compoundForms.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal),
            idsByIdentity.Count);
    }
}

/// <summary>A small growable list of word ids without repeats, reused per token.</summary>
internal sealed class IdList
{
    private int[] items = new int[16];

    public int Count { get; private set; }

    public ReadOnlySpan<int> Items => items.AsSpan(0, Count);

    public void Clear() => Count = 0;

    public void Add(int id)
    {
        for (var i = 0; i < Count; i++) if (items[i] == id) return;
        if (Count == items.Length) Array.Resize(ref items, items.Length * 2);
        items[Count++] = id;
    }

    public void AddRange(int[] ids)
    {
        foreach (var id in ids) Add(id);
    }
}

/// <summary>Feeds each clitic reading of an Arabic article word to the vocabulary (one per scanner: it holds state).</summary>
internal sealed class ArabicReadings : ArabicClitics.IReadingSink
{
    private Vocabulary vocabulary = null!;
    private IdList into = null!;

    public void Collect(ReadOnlySpan<char> norm, Vocabulary vocabulary, IdList into)
    {
        this.vocabulary = vocabulary;
        this.into = into;
        ArabicClitics.Readings(norm, this);
        this.vocabulary = null!;
        this.into = null!;
    }

    void ArabicClitics.IReadingSink.Add(ReadOnlySpan<char> foldedWord, bool definite) => vocabulary.AddArabicReading(foldedWord, into);
}

/// <summary>The spellings a compound term word may take when an article writes it in two pieces.</summary>
internal static class EnglishCompounds
{
    /// <summary>The word and its inflections (airstrike → airstrikes, airstrike's; lockdown → lockdowns; a plural term
    /// also its singular), each to be found whole once the two article words are put together.</summary>
    public static IEnumerable<string> Forms(string word)
    {
        var bases = new List<string> { word };
        if (word.Length > 5 && word.EndsWith("ies", StringComparison.Ordinal)) bases.Add(word[..^3] + "y");
        else if (word.Length > 5 && word.EndsWith("es", StringComparison.Ordinal)) bases.AddRange([word[..^2], word[..^1]]);
        else if (word.Length > 5 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal)) bases.Add(word[..^1]);
        var forms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var b in bases)
        {
            forms.Add(b);
            forms.Add(b + "'s");
            var sibilant = b.EndsWith('s') || b.EndsWith('x') || b.EndsWith('z') || b.EndsWith("ch", StringComparison.Ordinal) ||
                           b.EndsWith("sh", StringComparison.Ordinal);
            var consonantY = b.Length > 2 && b[^1] == 'y' && b[^2] is not ('a' or 'e' or 'i' or 'o' or 'u');
            forms.Add(consonantY ? b[..^1] + "ies" : sibilant ? b + "es" : b + "s");
            forms.Add(consonantY ? b[..^1] + "ied" : b.EndsWith('e') ? b + "d" : b + "ed");
            forms.Add(b.EndsWith('e') && !b.EndsWith("ee", StringComparison.Ordinal) ? b[..^1] + "ing" : b + "ing");
        }
        return forms.Where(f => f.Length >= Vocabulary.CompoundMinLength);
    }
}
