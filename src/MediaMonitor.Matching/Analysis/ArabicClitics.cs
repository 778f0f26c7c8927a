namespace MediaMonitor.Matching.Analysis;

/// <summary>
/// The readings of an Arabic article word as [proclitics] + word + [enclitic pronoun]: لانسحاب → انسحاب,
/// وللقوات → قوات (definite), قواتنا → قوات, حكومتهم → حكومة. Every plausible reading is offered; only readings
/// whose word is a form of some watch term find anything, which is what keeps this cheap and fairly precise.
/// Suffixes of number and gender are not stripped here: term words generate their inflected forms instead
/// (<see cref="ArabicParadigm"/>), so a word like لبنان is never cut into لبن + ان.
/// </summary>
internal static class ArabicClitics
{
    /// <summary>Shortest word left after stripping: three letters, so لكن is never ل + كن.</summary>
    public const int MinStem = 3;

    private readonly record struct Proclitic(string Letters, bool Definite, bool FutureTense);

    /// <summary>Shortest first, so a reading that reaches an unsegmentable word stops longer ones (وكمال: و+كمال, not وك+مال).</summary>
    private static readonly Proclitic[] Proclitics = new Proclitic[]
    {
        new("ال", true, false), new("وال", true, false), new("فال", true, false), new("بال", true, false),
        new("كال", true, false), new("لل", true, false), new("ولل", true, false), new("فلل", true, false),
        new("وبال", true, false), new("فبال", true, false), new("وكال", true, false), new("فكال", true, false),
        new("و", false, false), new("ف", false, false), new("ب", false, false), new("ك", false, false),
        new("ل", false, false), new("وب", false, false), new("ول", false, false), new("وك", false, false),
        new("فب", false, false), new("فل", false, false), new("فك", false, false),
        new("س", false, true), new("وس", false, true), new("فس", false, true),
    }.OrderBy(p => p.Letters.Length).ToArray();

    /// <summary>The definite-article combinations a term word may carry (term side strips only these).</summary>
    public static readonly string[] DefiniteProclitics =
        Proclitics.Where(p => p.Definite).Select(p => p.Letters).OrderByDescending(p => p.Length).ToArray();

    /// <summary>
    /// Enclitic pronouns. ي (my) is only taken off after ت (حكومتي → حكومة): elsewhere a final ي is far more often the
    /// nisba adjective ending (صاروخي, انتحاري, عراقي), and cutting it would turn derivation into a match.
    /// </summary>
    private static readonly string[] Enclitics = ["هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ه", "ي"];

    public interface IReadingSink
    {
        void Add(ReadOnlySpan<char> foldedWord, bool definite);
    }

    /// <summary>Calls <paramref name="sink"/> with each reading's folded key (ة→ه, ى→ي), the word itself included.</summary>
    public static void Readings(ReadOnlySpan<char> word, IReadingSink sink)
    {
        Span<char> folded = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        for (var i = 0; i < word.Length; i++) folded[i] = CharFolding.FoldKey(word[i]);

        sink.Add(folded, false);
        if (word.Length <= MinStem || ArabicLexicon.UnsegmentableLookup.Contains(folded)) return;

        Span<char> restored = stackalloc char[64];
        var longestProclitic = int.MaxValue;
        foreach (var p in Proclitics)
        {
            if (p.Letters.Length > longestProclitic) break;
            if (!word.StartsWith(p.Letters, StringComparison.Ordinal)) continue;
            var rest = word[p.Letters.Length..];
            if (rest.Length < MinStem) continue;
            if (p.FutureTense && rest[0] is not ('\u064A' or '\u062A' or '\u0646' or '\u0627')) continue;
            var restFolded = folded[p.Letters.Length..];
            sink.Add(restFolded, p.Definite);
            if (ArabicLexicon.UnsegmentableLookup.Contains(restFolded))
            {
                longestProclitic = p.Letters.Length;
                continue;
            }
            if (p.Definite) continue;   // the article and a possessive pronoun exclude each other
            EncliticReadings(rest, restFolded, restored, sink);
        }
        EncliticReadings(word, folded, restored, sink);
    }

    private static void EncliticReadings(ReadOnlySpan<char> word, ReadOnlySpan<char> folded, Span<char> restored, IReadingSink sink)
    {
        foreach (var e in Enclitics)
        {
            if (word.Length - e.Length < MinStem || !word.EndsWith(e, StringComparison.Ordinal)) continue;
            var stem = folded[..^e.Length];
            var endsWithTeh = stem[^1] == CharFolding.Teh;
            if (e != "ي") sink.Add(stem, false);
            if (endsWithTeh && stem.Length <= restored.Length)
            {
                // ة is written ت before a pronoun: حكومتهم is حكومة + هم.
                stem.CopyTo(restored);
                restored[stem.Length - 1] = CharFolding.Heh;
                sink.Add(restored[..stem.Length], false);
            }
        }
    }
}
