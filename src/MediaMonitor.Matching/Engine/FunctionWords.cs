namespace MediaMonitor.Matching.Engine;

/// <summary>
/// Function words that vary inside a phrase without changing its sense, read as one word in a term so that each of
/// their forms in an article matches: a term word of a class stands for every form of it. Only forms of one word are
/// made equal, never two words of different meaning (ضد "against" and على "on" stay apart, whatever a match would gain).
/// </summary>
/// <remarks>
/// <para><b>"Without": دون، بدون، من دون، بلا.</b> دون is the preposition "without"; بدون is it with the proclitic ب
/// (the article side already reads بدون as ب + دون), من دون is it after من, and بلا is ب + لا, the older form of the
/// same "without" (طائرة بلا طيار, طائرة بدون طيار, طائرة من دون طيار and طائرة دون طيار all name a drone). A term
/// word of the family stands for دون or بلا; a من before it in a term is dropped, so an article's من دون is دون with one
/// inserted word, which a phrase allows (not a quoted one).</para>
/// <para><b>"Son of": ابن، بن.</b> One word: between two names it is written without its alef (محمد بن سلمان), elsewhere
/// with it, and news copy does both (محمد ابن سلمان).</para>
/// <para><b>English -st and -s forms</b> of the same preposition or conjunction: amid/amidst, among/amongst,
/// while/whilst, toward/towards, afterward/afterwards (British and older usage; one word in a dictionary). Compounds
/// need no table: cease-fire, ceasefire and cease fire are one word through the compound rule (hyphen, space or
/// joined), as air strike and airstrike are.</para>
/// </remarks>
internal static class FunctionWords
{
    private const string Dun = "دون";
    private const string Min = "من";

    /// <summary>Each class's forms, as a term word of the class stands for them (analysis forms: hamza folded, lower case).</summary>
    private static readonly string[][] Classes =
    [
        [Dun, "بلا"],
        ["بن", "ابن"],
        ["amid", "amidst"],
        ["among", "amongst"],
        ["while", "whilst"],
        ["toward", "towards"],
        ["afterward", "afterwards"],
    ];

    /// <summary>Every form written in a term, with its class; بدون is دون with its clitic, as an article reads it.</summary>
    private static readonly Dictionary<string, string[]> ClassOf =
        Classes.SelectMany(c => c.Select(form => (form, c))).Append(("بدون", Classes[0]))
            .ToDictionary(p => p.Item1, p => p.Item2);

    /// <summary>The phrase's slots with each function word of a class as all its forms, and a من before "without" dropped.</summary>
    public static List<List<TermWord[]>> Canonical(List<List<TermWord[]>> slots)
    {
        if (!slots.Any(s => s.Any(InAClass))) return slots;
        var result = new List<List<TermWord[]>>(slots.Count);
        for (var i = 0; i < slots.Count; i++)
        {
            if (slots[i] is [[{ Norm: Min }]] && i + 1 < slots.Count && slots[i + 1].Any(a => a is [var w] && ClassOf.GetValueOrDefault(w.Norm) is [Dun, ..]))
                continue;
            var alternatives = new List<TermWord[]>();
            foreach (var a in slots[i])
            {
                var forms = a is [var w] && ClassOf.TryGetValue(w.Norm, out var c) ? c.Select(f => new[] { w with { Norm = f } }) : [a];
                foreach (var f in forms) if (!alternatives.Any(x => x.SequenceEqual(f))) alternatives.Add(f);
            }
            result.Add(alternatives);
        }
        return result;
    }

    private static bool InAClass(TermWord[] alternative) => alternative is [var w] && ClassOf.ContainsKey(w.Norm);
}
