using MediaMonitor.Matching.Analysis;

namespace MediaMonitor.Matching.Engine;

/// <summary>
/// The words of all terms. Each distinct term word gets an id; every surface key that stands for it (Arabic inflected
/// forms, the English stem key, a number) maps to that id. Article words are looked up here by key, as spans, so the
/// lookup allocates nothing.
/// </summary>
internal sealed class Vocabulary
{
    private readonly Dictionary<string, int[]> idsByKey;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> byKeySpan;
    private readonly HashSet<long> latinPrefixes;
    private readonly HashSet<long> compoundPrefixes;

    private Vocabulary(Dictionary<string, int[]> idsByKey, HashSet<long> latinPrefixes, HashSet<long> compoundPrefixes, int wordCount)
    {
        this.idsByKey = idsByKey;
        byKeySpan = idsByKey.GetAlternateLookup<ReadOnlySpan<char>>();
        this.latinPrefixes = latinPrefixes;
        this.compoundPrefixes = compoundPrefixes;
        WordCount = wordCount;
    }

    public int WordCount { get; }

    public int KeyCount => idsByKey.Count;

    public bool TryGetIds(ReadOnlySpan<char> key, out int[] ids) => byKeySpan.TryGetValue(key, out ids!);

    /// <summary>
    /// Whether a Latin article word can be the form of any term word, judged on its first letters: stemming is the
    /// costliest step of analysis and most article words start like no term word.
    /// </summary>
    public bool MayHaveLatinKey(ReadOnlySpan<char> analysisForm) => latinPrefixes.Contains(LatinPrefix(analysisForm));

    /// <summary>
    /// Whether two article words written apart could be one term word written together (air strike → airstrike):
    /// asked for most pairs of English words, so it must reject nearly all of them without stemming.
    /// </summary>
    public bool MayBeCompound(ReadOnlySpan<char> joined) =>
        CompoundPrefix(joined) is var p && p >= 0 && compoundPrefixes.Contains(p);

    /// <summary>The first five letters of a plain a-z word of five or more letters packed in a number, else -1.</summary>
    public static long CompoundPrefix(ReadOnlySpan<char> word)
    {
        if (word.Length < 5) return -1;
        long packed = 0;
        for (var i = 0; i < 5; i++)
        {
            var c = word[i];
            if (c < 'a' || c > 'z') return -1;
            packed = packed * 27 + (c - 'a' + 1);
        }
        return packed;
    }

    /// <summary>The first three letters (apostrophes skipped) packed into one number.</summary>
    public static long LatinPrefix(ReadOnlySpan<char> word)
    {
        long packed = 0;
        var taken = 0;
        foreach (var c in word)
        {
            if (c == '\'') continue;
            packed = (packed << 16) | c;
            if (++taken == 3) break;
        }
        return packed | ((long)taken << 48);
    }

    public sealed class Builder
    {
        private readonly Dictionary<string, int> idsByIdentity = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>> idsByKey = new(StringComparer.Ordinal);
        private readonly HashSet<long> latinPrefixes = [];
        private readonly HashSet<long> compoundPrefixes = [];

        /// <summary>The id of an Arabic term word (analysis form), with whether it was written with the article.</summary>
        public int AddArabic(string word, out bool hadDefiniteArticle)
        {
            var forms = ArabicParadigm.Of(word);
            hadDefiniteArticle = forms.HadDefiniteArticle;
            return Add("ar\u0001" + string.Join('\u0001', forms.Forms), forms.Forms);
        }

        /// <summary>The id of a Latin-script term word (analysis form).</summary>
        public int AddLatin(string word)
        {
            var key = EnglishKey.ForThisThread.Of(word);
            latinPrefixes.Add(LatinPrefix(word));
            if (CompoundPrefix(word) is var compound and >= 0) compoundPrefixes.Add(compound);
            foreach (var (irregular, baseForm) in EnglishKey.IrregularForms)
                if (LatinPrefix(baseForm) == LatinPrefix(word))
                    latinPrefixes.Add(LatinPrefix(irregular));
            return Add("en\u0001" + key, [key]);
        }

        public int AddNumber(string digits) => Add("nu\u0001" + digits, [digits]);

        private int Add(string identity, string[] keys)
        {
            if (idsByIdentity.TryGetValue(identity, out var id)) return id;
            id = idsByIdentity.Count;
            idsByIdentity.Add(identity, id);
            foreach (var k in keys)
            {
                if (!idsByKey.TryGetValue(k, out var list)) idsByKey.Add(k, list = new List<int>(1));
                list.Add(id);
            }
            return id;
        }

        public Vocabulary Build() => new(
            idsByKey.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal),
            latinPrefixes,
            compoundPrefixes,
            idsByIdentity.Count);
    }
}
