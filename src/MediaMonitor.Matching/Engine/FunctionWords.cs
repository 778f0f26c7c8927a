using MediaMonitor.Matching.Analysis;

namespace MediaMonitor.Matching.Engine;

/// <summary>
/// Function words that vary inside a phrase without changing its sense, read as one word in a term so that each of
/// their forms in an article matches. Only forms of one word are made equal, never two words of different meaning
/// (ضد "against" and على "on" stay apart, whatever a match would gain).
/// </summary>
/// <remarks>
/// <para><b>"Without": دون، بدون، من دون، بلا.</b> دون is the preposition "without"; بدون is it with the proclitic ب
/// (the article side already reads بدون as ب + دون), من دون is it after من, and بلا is ب + لا, the older form of the
/// same "without" (طائرة بلا طيار, طائرة بدون طيار, طائرة من دون طيار and طائرة دون طيار all name a drone). A term
/// word of the family stands for دون or بلا; a من before it in a term is dropped, so an article's من دون is دون with one
/// inserted word, which a phrase allows (not a quoted one).</para>
/// <para>English needs no table: cease-fire, ceasefire and cease fire are one word through the compound rule
/// (hyphen, space or joined), as air strike and airstrike are.</para>
/// </remarks>
internal static class FunctionWords
{
    private const string Dun = "دون";
    private const string Bila = "بلا";
    private const string Min = "من";
    private static readonly HashSet<string> Without = [Dun, "بدون", Bila];

    /// <summary>The phrase's slots with each "without" word as its two forms and a من before one dropped.</summary>
    public static List<List<TermWord[]>> Canonical(List<List<TermWord[]>> slots)
    {
        if (!slots.Any(IsWithout)) return slots;
        var result = new List<List<TermWord[]>>(slots.Count);
        for (var i = 0; i < slots.Count; i++)
        {
            if (IsOnly(slots[i], Min) && i + 1 < slots.Count && IsWithout(slots[i + 1])) continue;
            if (!IsWithout(slots[i]))
            {
                result.Add(slots[i]);
                continue;
            }
            var others = slots[i].Where(a => !(a is [{ Kind: TokenKind.Arabic } w] && Without.Contains(w.Norm)));
            result.Add([[new TermWord(Dun, TokenKind.Arabic)], [new TermWord(Bila, TokenKind.Arabic)], .. others]);
        }
        return result;
    }

    private static bool IsWithout(List<TermWord[]> slot) =>
        slot.Any(a => a is [{ Kind: TokenKind.Arabic } w] && Without.Contains(w.Norm));

    private static bool IsOnly(List<TermWord[]> slot, string word) =>
        slot is [[{ Kind: TokenKind.Arabic } w]] && w.Norm == word;
}
