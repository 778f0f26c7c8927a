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
    private readonly ulong[] compoundCuts;
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
        WordCount = wordCount;
        KeyCount = idsByKey.Count;
        shortestKey = idsByKey.Count == 0 ? int.MaxValue : idsByKey.Keys.Min(k => k.Length);
        longestKey = idsByKey.Count == 0 ? 0 : idsByKey.Keys.Max(k => k.Length);
        BuildFilter(idsByKey.Keys, idsByPrefix.Keys);
        // A Bloom filter of every cut of every compound form: its first piece with the first two letters of the
        // second (a+ir, ai+rs, air+st, ... of airstrike), so that most pairs of article words are refused on it alone.
        var cuts = compoundForms.Keys.Sum(k => Math.Max(0, k.Length - 2));
        compoundCuts = new ulong[(int)Math.Min(1 << 22, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(cuts * 12 / 64 + 1)))];
        foreach (var f in compoundForms.Keys)
            for (var cut = 1; cut + 2 <= f.Length; cut++)
            {
                var key = CutKey(HeadHash(f.AsSpan(0, cut)), f[cut], f[cut + 1]);
                compoundCuts[(key >> 6) & (ulong)(compoundCuts.Length - 1)] |= 1UL << (int)(key & 63);
                compoundCuts[(key >> 40) & (ulong)(compoundCuts.Length - 1)] |= 1UL << (int)((key >> 34) & 63);
            }
    }

    // The word filter (see MayMatch): Arabic keys by their first three letters, Latin keys by their first two.
    private const int FilterBits = 1 << 16;
    private readonly ulong[] arabicStarts = new ulong[FilterBits / 64];
    private readonly ulong[] latinStarts = new ulong[FilterBits / 64];
    private bool allArabicPass;
    private bool allLatinPass;

    /// <summary>
    /// Whether an article word can be a form of some term word at all, judged on a few of its letters without any
    /// lookup: most words of an article are in no term, and this refuses nearly all of them for a few bit tests.
    /// Never refuses a word that has a form (the filter is built from every key and prefix, and from the irregular and
    /// British forms that lead to one). An Arabic word's readings start at most four letters in (فبال), so its
    /// first three letters from each of those five places are tried.
    /// </summary>
    public bool MayMatch(TokenKind kind, ReadOnlySpan<char> norm)
    {
        if (norm.Length <= 2 || kind == TokenKind.Number) return true;
        if (kind == TokenKind.Arabic)
        {
            if (allArabicPass) return true;
            var last = Math.Min(4, norm.Length - 3);
            for (var p = 0; p <= last; p++)
                if (Test(arabicStarts, Trigram(CharFolding.FoldKey(norm[p]), CharFolding.FoldKey(norm[p + 1]), CharFolding.FoldKey(norm[p + 2]))))
                    return true;
            return false;
        }
        if (allLatinPass) return true;
        var (a, b) = FirstTwoLetters(norm);
        return b == '\0' || Test(latinStarts, Bigram(a, b));
    }

    private static bool Test(ulong[] bits, int h) => (bits[h >> 6] & (1UL << (h & 63))) != 0;

    private static void Set(ulong[] bits, int h) => bits[h >> 6] |= 1UL << (h & 63);

    private static int Trigram(char a, char b, char c) => (int)(((uint)a * 0x9E3779B1u ^ (uint)b * 0x85EBCA77u ^ (uint)c * 0xC2B2AE3Du) >> 16);

    private static int Bigram(char a, char b) => (int)(((uint)a * 0x9E3779B1u ^ (uint)b * 0x85EBCA77u) >> 16);

    /// <summary>The first two characters that are not apostrophes (the English key drops those), or '\0'.</summary>
    private static (char, char) FirstTwoLetters(ReadOnlySpan<char> word)
    {
        char a = '\0', b = '\0';
        foreach (var c in word)
        {
            if (c == '\'') continue;
            if (a == '\0') a = c;
            else
            {
                b = c;
                break;
            }
        }
        return (a, b);
    }

    private void BuildFilter(IEnumerable<string> keys, IEnumerable<string> prefixes)
    {
        foreach (var k in keys.Concat(prefixes))
        {
            if (k.Length == 0) continue;
            if (CharFolding.IsArabicLetter(k[0]))
            {
                if (k.Length < 3)
                {
                    // Only a word of two letters or fewer reads as a key this short (stems keep three), and those all
                    // pass; but a prefix this short starts longer words.
                    if (prefixes.Contains(k)) allArabicPass = true;
                    continue;
                }
                Set(arabicStarts, Trigram(k[0], k[1], k[2]));
                // حكومتهم reads as حكومة: a three-letter stem may end in ت where the key has ة (folded ه).
                if (k.Length >= 3 && k[2] == CharFolding.Heh) Set(arabicStarts, Trigram(k[0], k[1], CharFolding.Teh));
            }
            else if (k[0] is >= '0' and <= '9') continue;   // numbers always pass
            else
            {
                var (a, b) = FirstTwoLetters(k.Replace("|", "", StringComparison.Ordinal));
                if (b == '\0') allLatinPass = true;
                else Set(latinStarts, Bigram(a, b));
            }
        }
        // Irregular and British forms start otherwise than their key (went → go, paediatric → pediatric).
        foreach (var source in EnglishKey.IrregularForms.Select(kv => kv.Key).Concat(EnglishSpelling.Forms.Select(kv => kv.Key)))
            if (byKey.ContainsKey(EnglishKey.ForThisThread.Of(source)))
            {
                var (a, b) = FirstTwoLetters(source);
                if (b != '\0') Set(latinStarts, Bigram(a, b));
            }
    }

    public int WordCount { get; }

    public int KeyCount { get; }

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

    /// <summary>The hash of an article word as the first piece of a compound written in two, or 0 when it cannot be
    /// one (not plain a-z, or too long). Computed once per distinct word and cached with it.</summary>
    public uint CompoundHeadHash(ReadOnlySpan<char> word) =>
        compoundMaxLength == 0 || word.Length + 2 > compoundMaxLength ? 0 : HeadHash(word);

    /// <summary>Whether a word with head hash <paramref name="head"/> followed by <paramref name="second"/> may be a
    /// compound term word written in two: a Bloom filter answer, checked before <see cref="Compound"/>.</summary>
    public bool MayBeCompound(uint head, ReadOnlySpan<char> second)
    {
        if (second.Length < 2) return false;
        var key = CutKey(head, second[0], second[1]);
        var mask = (ulong)(compoundCuts.Length - 1);
        return (compoundCuts[(key >> 6) & mask] & (1UL << (int)(key & 63))) != 0 &&
               (compoundCuts[(key >> 40) & mask] & (1UL << (int)((key >> 34) & 63))) != 0;
    }

    private static uint HeadHash(ReadOnlySpan<char> head)
    {
        var h = 2166136261u;
        foreach (var c in head)
        {
            if (c < 'a' || c > 'z') return 0;
            h = (h ^ c) * 16777619u;
        }
        return h | 1;
    }

    private static ulong CutKey(uint head, char a, char b)
    {
        var k = ((ulong)head << 32) ^ ((ulong)a << 16) ^ b;
        k ^= k >> 33;
        k *= 0xFF51AFD7ED558CCDUL;
        k ^= k >> 33;
        k *= 0xC4CEB9FE1A85EC53UL;
        return k ^ (k >> 33);
    }

    /// <summary>
    /// The ids two article words written apart stand for as one word (air strike, air-strikes → airstrike), or null:
    /// the two written together must be a term word of five letters or more, or one of its inflections, exactly, so
    /// "we are" is never "wear" nor "is is" ISIS. Asked only for pairs that <see cref="MayBeCompound"/> lets through.
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

        // The same word recurs across terms (في, the, of): each is analysed once.
        private readonly Dictionary<string, int> arabicWords = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> latinWords = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> joinableLatinWords = new(StringComparer.Ordinal);

        /// <summary>The id of an Arabic term word (analysis form).</summary>
        public int AddArabic(string word)
        {
            if (arabicWords.TryGetValue(word, out var known)) return known;
            var forms = ArabicParadigm.Of(word);
            return arabicWords[word] = Add(idsByKey, "ar\u0001" + string.Join('\u0001', forms.Forms), forms.Forms);
        }

        /// <summary>The id of a Latin-script term word (analysis form).</summary>
        public int AddLatin(string word, bool joinable)
        {
            var memo = joinable ? joinableLatinWords : latinWords;
            if (memo.TryGetValue(word, out var known)) return known;
            return memo[word] = AddLatinOnce(word, joinable);
        }

        private int AddLatinOnce(string word, bool joinable)
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
