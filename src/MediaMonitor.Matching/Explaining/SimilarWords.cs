using MediaMonitor.Matching.Analysis;

namespace MediaMonitor.Matching.Explaining;

/// <summary>
/// The words of a text that look like a phrase word yet are not read as a form of it: one edit apart (a letter added,
/// dropped, changed, or two neighbours swapped) from one of its forms, compared on the keys the matcher looks words up
/// by (an Arabic word's readings with clitics taken off, an English word as written and as stemmed), words of four
/// letters or more. Found through an index of every key of the text and each key with one letter deleted: two words
/// one edit apart share one of those, so a lookup costs a few dictionary reads however long the text is.
/// </summary>
internal sealed class SimilarWords
{
    private const int MinLength = 4;

    private readonly Dictionary<(ArticleField, string), int> firstToken = new();
    private readonly Dictionary<string, List<(ArticleField Field, string Norm, string Key)>> byVariant = new(StringComparer.Ordinal);

    public SimilarWords(IEnumerable<(ArticleField Field, TokenList Tokens)> fields)
    {
        var readings = new ReadingList();
        foreach (var (field, tokens) in fields)
            for (var i = 0; i < tokens.Count; i++)
            {
                var t = tokens[i];
                if (t.Kind == TokenKind.Number) continue;
                var norm = tokens.NormOf(t).ToString();
                if (!firstToken.TryAdd((field, norm), i)) continue;
                IEnumerable<string> keys = t.Kind == TokenKind.Arabic ? readings.Of(norm) : [norm, EnglishKey.ForThisThread.Of(norm)];
                foreach (var key in keys.Where(k => k.Length >= MinLength).Distinct())
                    foreach (var variant in Variants(key))
                    {
                        if (!byVariant.TryGetValue(variant, out var list)) byVariant[variant] = list = [];
                        list.Add((field, norm, key));
                    }
            }
    }

    /// <summary>The first place of each distinct text word like <paramref name="word"/>, at most <paramref name="limit"/>.</summary>
    public IEnumerable<(ArticleField Field, int Token)> Like(PhraseWord word, ArticleField? only, int limit)
    {
        var seen = new HashSet<(ArticleField, string)>();
        foreach (var w in word.Words.Where(w => !w.Prefix))
            foreach (var form in w.Forms.Append(w.Normalised).Where(f => f.Length >= MinLength).Distinct())
                foreach (var variant in Variants(form))
                {
                    if (!byVariant.TryGetValue(variant, out var list)) continue;
                    foreach (var (field, norm, key) in list)
                    {
                        if (only is { } f && f != field || key == form || !OneEditApart(key, form) || !seen.Add((field, norm))) continue;
                        yield return (field, firstToken[(field, norm)]);
                        if (seen.Count >= limit) yield break;
                    }
                }
    }

    /// <summary>The word and each string it leaves with one letter deleted.</summary>
    private static IEnumerable<string> Variants(string key)
    {
        yield return key;
        for (var i = 0; i < key.Length; i++) yield return key.Remove(i, 1);
    }

    /// <summary>One insertion, deletion, substitution or swap of neighbours turns one into the other.</summary>
    internal static bool OneEditApart(string a, string b)
    {
        if (a.Length < b.Length) (a, b) = (b, a);
        if (a.Length - b.Length > 1 || a == b) return false;
        var i = 0;
        while (i < b.Length && a[i] == b[i]) i++;
        if (a.Length > b.Length) return a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i));
        if (a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1))) return true;
        return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
    }
}

/// <summary>An Arabic word's readings (<see cref="ArabicClitics.Readings"/>) as strings.</summary>
internal sealed class ReadingList : ArabicClitics.IReadingSink
{
    private readonly List<string> readings = [];

    public string[] Of(ReadOnlySpan<char> word)
    {
        readings.Clear();
        ArabicClitics.Readings(word, this);
        return readings.Distinct().ToArray();
    }

    public void Add(ReadOnlySpan<char> foldedWord, bool definite) => readings.Add(foldedWord.ToString());
}
