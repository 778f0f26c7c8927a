using System.Collections.Frozen;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace MediaMonitor.Matching.Analysis;

/// <summary>
/// The lookup key of an English word: inflections (troops, attacked, withdrawing, withdrew) share a key,
/// derivations (election/elected, hospital/hospitality, attack/attacker) do not.
/// </summary>
/// <remarks>
/// The stem comes from Lucene.Net's Snowball English (Porter2) stemmer: the public successor of the Porter stemmer
/// (Lucene.Net.Analysis.En.PorterStemmer is internal), and unlike Porter it leaves coronavirus/virus/us intact.
/// Porter-style stemmers also strip derivational suffixes (election → elect = elected), so the key appends what the
/// stemmer removed beyond a plain inflectional ending: election → "elect|ion", elected → "elect".
/// Holds a Snowball stemmer, which is stateful: use <see cref="ForThisThread"/>.
/// </remarks>
internal sealed class EnglishKey
{
    [ThreadStatic] private static EnglishKey? perThread;

    /// <summary>News vocabulary is Zipfian: most words recur, and stemming is the costliest step of analysis.</summary>
    private const int CacheLimit = 50_000;

    private readonly EnglishStemmer stemmer = new();
    private readonly Dictionary<string, string> cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> cached;

    private EnglishKey() => cached = cache.GetAlternateLookup<ReadOnlySpan<char>>();

    public static EnglishKey ForThisThread => perThread ??= new EnglishKey();

    /// <summary>Irregular forms Porter cannot relate; values are base forms that then go through the stemmer.</summary>
    private static readonly FrozenDictionary<string, string> Irregular = new Dictionary<string, string>
    {
        ["withdrew"] = "withdraw", ["withdrawn"] = "withdraw", ["drew"] = "draw", ["drawn"] = "draw",
        ["struck"] = "strike", ["fought"] = "fight", ["fled"] = "flee", ["held"] = "hold", ["took"] = "take",
        ["taken"] = "take", ["broke"] = "break", ["broken"] = "break", ["began"] = "begin", ["begun"] = "begin",
        ["spoke"] = "speak", ["spoken"] = "speak", ["wrote"] = "write", ["written"] = "write", ["went"] = "go",
        ["gone"] = "go", ["came"] = "come", ["ran"] = "run", ["won"] = "win", ["sent"] = "send", ["built"] = "build",
        ["bought"] = "buy", ["caught"] = "catch", ["said"] = "say", ["told"] = "tell", ["thought"] = "think",
        ["brought"] = "bring", ["chose"] = "choose", ["chosen"] = "choose", ["risen"] = "rise", ["fallen"] = "fall",
        ["blew"] = "blow", ["blown"] = "blow", ["flew"] = "fly", ["flown"] = "fly", ["drove"] = "drive",
        ["driven"] = "drive", ["sold"] = "sell", ["sought"] = "seek", ["shot"] = "shoot", ["hid"] = "hide",
        ["hidden"] = "hide", ["stole"] = "steal", ["stolen"] = "steal", ["froze"] = "freeze", ["frozen"] = "freeze",
        ["shook"] = "shake", ["shaken"] = "shake", ["forbade"] = "forbid", ["forbidden"] = "forbid",
        ["dying"] = "die", ["lying"] = "lie", ["men"] = "man", ["women"] = "woman", ["children"] = "child",
        ["militia"] = "militia", ["militias"] = "militia",
        ["led"] = "lead", ["fed"] = "feed", ["met"] = "meet", ["kept"] = "keep", ["lost"] = "lose", ["paid"] = "pay",
        ["laid"] = "lay", ["meant"] = "mean", ["felt"] = "feel", ["found"] = "find", ["heard"] = "hear", ["made"] = "make",
        ["got"] = "get", ["gotten"] = "get", ["gave"] = "give", ["given"] = "give", ["seen"] = "see", ["knew"] = "know",
        ["known"] = "know", ["grew"] = "grow", ["grown"] = "grow", ["threw"] = "throw", ["thrown"] = "throw",
        ["stood"] = "stand", ["understood"] = "understand", ["sat"] = "sit", ["swore"] = "swear", ["sworn"] = "swear",
        ["wore"] = "wear", ["worn"] = "wear", ["beaten"] = "beat", ["sank"] = "sink", ["sunk"] = "sink",
        ["arose"] = "arise", ["arisen"] = "arise", ["undertook"] = "undertake", ["undertaken"] = "undertake",
        ["forgot"] = "forget", ["forgotten"] = "forget", ["forgave"] = "forgive", ["forgiven"] = "forgive",
        ["withheld"] = "withhold", ["upheld"] = "uphold", ["overthrew"] = "overthrow", ["overthrown"] = "overthrow",
        ["overcame"] = "overcome", ["became"] = "become", ["taught"] = "teach", ["dealt"] = "deal", ["lent"] = "lend",
        ["spent"] = "spend", ["stuck"] = "stick", ["swept"] = "sweep", ["fell"] = "fall", ["rode"] = "ride",
        ["ridden"] = "ride", ["rose"] = "rise", ["hung"] = "hang", ["dug"] = "dig", ["slain"] = "slay",
        ["had"] = "have", ["has"] = "have", ["did"] = "do", ["done"] = "do", ["does"] = "do", ["goes"] = "go", ["woke"] = "wake",
        ["woken"] = "wake", ["swung"] = "swing", ["spun"] = "spin", ["bled"] = "bleed",
        ["crises"] = "crisis", ["criteria"] = "criterion", ["phenomena"] = "phenomenon", ["knives"] = "knife",
        ["wives"] = "wife", ["thieves"] = "thief", ["halves"] = "half",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IEnumerable<KeyValuePair<string, string>> IrregularForms => Irregular;

    /// <summary>Words the stemmer would merge with another word of a different meaning (refugee → refuge).</summary>
    private static readonly FrozenDictionary<string, string> Fixed = new Dictionary<string, string>
    {
        ["refugee"] = "refugee", ["refugees"] = "refugee", ["refugee's"] = "refugee",
        ["news"] = "news", ["us"] = "us", ["isis"] = "isis",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary><paramref name="word"/> is an analysis form (lower case, accents folded).</summary>
    public string Of(ReadOnlySpan<char> word)
    {
        if (cached.TryGetValue(word, out var key)) return key;
        var w = word.ToString();
        key = Compute(w);
        if (cache.Count >= CacheLimit) cache.Clear();
        cache[w] = key;
        return key;
    }

    private string Compute(string w)
    {
        if (Fixed.TryGetValue(w, out var fixedKey)) return fixedKey;
        w = StripPossessive(w);
        if (w.Contains('\'')) w = w.Replace("'", "", StringComparison.Ordinal);
        if (Fixed.TryGetValue(w, out fixedKey)) return fixedKey;
        foreach (var c in w)
            if (c < 'a' || c > 'z') return w;   // other scripts and mixed tokens are matched as written
        if (w.Length <= 2) return w;
        w = EnglishSpelling.ToAmerican(w);
        if (Irregular.TryGetValue(w, out var baseForm)) w = baseForm;

        stemmer.SetCurrent(w);
        stemmer.Stem();
        var stem = stemmer.Current;
        var derivation = DerivationalTail(w, stem);
        return derivation.Length == 0 ? stem : string.Concat(stem, "|", derivation);
    }

    private static string StripPossessive(string w)
    {
        if (w.Length > 3 && w.EndsWith("'s", StringComparison.Ordinal)) return w[..^2];
        return w.TrimEnd('\'');
    }

    /// <summary>What lies between the stem and a crude inflection-only reduction of the word (ion in elections).</summary>
    private static string DerivationalTail(string word, string stem)
    {
        var inflectionless = StripInflection(word);
        if (inflectionless.Length > 0 && inflectionless[^1] == 'y') inflectionless = inflectionless[..^1] + "i";
        if (!inflectionless.StartsWith(stem, StringComparison.Ordinal)) return "";
        var tail = inflectionless[stem.Length..];
        // A final e comes and goes with the ending (evacuate, evacuated → evacuat): it is spelling, not derivation.
        if (tail.EndsWith('e')) tail = tail[..^1];
        // One letter is spelling (agree/agre, stopp/stop), not a suffix.
        return tail.Length < 2 ? "" : tail;
    }

    private static string StripInflection(string w)
    {
        // The plural of a noun in -ing (bombings, killings) is the -ing form's plural, not a derivation of it.
        if (w.Length > 6 && w.EndsWith("ings", StringComparison.Ordinal)) w = w[..^1];
        if (w.Length > 4 && (w.EndsWith("ies", StringComparison.Ordinal) || w.EndsWith("ied", StringComparison.Ordinal)))
            return w[..^3] + "y";
        if (w.Length > 4 && (w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal) ||
                             w.EndsWith("zes", StringComparison.Ordinal) || w.EndsWith("ches", StringComparison.Ordinal) ||
                             w.EndsWith("shes", StringComparison.Ordinal) || w.EndsWith("uses", StringComparison.Ordinal)))
            return w[..^2];
        if (w.Length > 3 && w[^1] == 's' && w[^2] is not ('s' or 'u' or 'i')) return w[..^1];
        if (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal)) return w[..^2];
        if (w.Length >= 5 && w.EndsWith("ing", StringComparison.Ordinal)) return w[..^3];
        return w;
    }
}
