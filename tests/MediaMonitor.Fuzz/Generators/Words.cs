namespace MediaMonitor.Fuzz.Generators;

/// <summary>Real words and the phrases the seeded watchlists watch, so generated articles match and reach the alert,
/// webhook and highlighting code, not only the refusals.</summary>
public static class Words
{
    public static readonly string[] WatchedPhrases =
    [
        "rocket attack", "air strike", "troop withdrawal", "ceasefire talks", "COVID-19",
        "هجوم صاروخي", "الانتخابات", "انسحاب القوات", "وقف إطلاق النار",
    ];

    public static readonly string[] English =
    [
        "the", "a", "rocket", "rockets", "attack", "attacked", "attacks", "airstrike", "air-strike", "strike", "troops",
        "withdrawal", "withdrew", "ceasefire", "talks", "minister", "said", "on", "Monday", "election", "elections",
        "base", "hit", "overnight", "Covid", "19", "defence", "defense", "ministry", "and", "or", "not", "NEAR",
    ];

    public static readonly string[] Arabic =
    [
        "هجوم", "صاروخي", "الهجمات", "الصاروخية", "وبالهجوم", "هجمة", "الانتخابات", "انتخابات", "القوات", "انسحاب",
        "وزير", "قال", "يوم", "الاثنين", "وقف", "إطلاق", "النار", "أعلن", "إعلان", "ٱلقوات", "مدرسة", "مدرسه", "على",
    ];

    public static string Any(Rng r) => r.Chance(0.5) ? r.Pick(English) : r.Pick(Arabic);

    /// <summary>A sentence of real words, with a watched phrase in it about half the time.</summary>
    public static string Sentence(Rng r)
    {
        var words = Enumerable.Range(0, r.Between(1, 12)).Select(_ => Any(r)).ToList();
        if (r.Chance(0.5)) words.Insert(r.Next(words.Count + 1), r.Pick(WatchedPhrases));
        return string.Join(' ', words) + r.Pick(".", "،", "!", "", "\n", " ؟");
    }
}
