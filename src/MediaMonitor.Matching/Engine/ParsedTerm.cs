using MediaMonitor.Matching.Analysis;

namespace MediaMonitor.Matching.Engine;

/// <summary>One analysed word of a phrase: its analysis form and script.</summary>
internal readonly record struct TermWord(string Norm, TokenKind Kind);

/// <summary>
/// A phrase split into analysed words, shared by validation and compilation so both read a phrase alike.
/// A word may list alternatives separated by <c>|</c> (<c>هجوم|هجمة صاروخي</c>, <c>defence|defense ministry</c>):
/// the phrase then stands for every combination of them (<see cref="Variants"/>). An alternative may itself be
/// several words once analysed (<c>COVID-19|كورونا</c>: covid 19, or كورونا).
/// </summary>
internal sealed class ParsedTerm
{
    /// <summary>Most word sequences one phrase may stand for once its alternatives are combined.</summary>
    public const int MaxVariants = 32;

    private static readonly char[] OpeningQuotes = ['"', '\u201C', '\u201E', '\u00AB'];
    private static readonly char[] ClosingQuotes = ['"', '\u201D', '\u201C', '\u00BB'];
    private static readonly char[] AnyQuote = ['"', '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB'];

    private ParsedTerm(bool exact, bool misplacedQuotes, List<List<TermWord[]>> slots, int variantCount)
    {
        Exact = exact;
        MisplacedQuotes = misplacedQuotes;
        Slots = slots;
        VariantCount = variantCount;
    }

    /// <summary>The phrase was wrapped in double quotes: its words must be adjacent.</summary>
    public bool Exact { get; }

    /// <summary>Double quotes somewhere other than around the whole phrase (the rule syntax may use them later).</summary>
    public bool MisplacedQuotes { get; }

    /// <summary>The space-separated words of the phrase, each with its alternatives (one, without a <c>|</c>);
    /// an alternative is the analysed words of that piece of text. Pieces with no letter or digit are left out.</summary>
    public List<List<TermWord[]>> Slots { get; }

    /// <summary>How many word sequences the alternatives make (1 without a <c>|</c>); may exceed <see cref="MaxVariants"/>.</summary>
    public int VariantCount { get; }

    /// <summary>Every word sequence the phrase stands for, at most <see cref="MaxVariants"/>.</summary>
    public IEnumerable<TermWord[]> Variants()
    {
        if (VariantCount == 1)
        {
            // No alternatives (the usual case): one word per slot, no combining.
            var only = new TermWord[Slots.Sum(s => s[0].Length)];
            var at = 0;
            foreach (var slot in Slots) foreach (var w in slot[0]) only[at++] = w;
            if (only.Length > 0) yield return only;
            yield break;
        }
        var picks = new int[Slots.Count];
        for (var produced = 0; produced < MaxVariants && Slots.Count > 0; produced++)
        {
            var words = new List<TermWord>();
            for (var s = 0; s < Slots.Count; s++) words.AddRange(Slots[s][picks[s]]);
            yield return words.ToArray();
            var k = Slots.Count - 1;
            while (k >= 0 && ++picks[k] == Slots[k].Count) picks[k--] = 0;
            if (k < 0) yield break;
        }
    }

    public static ParsedTerm Parse(string phrase)
    {
        var text = phrase.Trim();
        var exact = text.Length >= 2 && OpeningQuotes.Contains(text[0]) && ClosingQuotes.Contains(text[^1]);
        if (exact) text = text[1..^1];
        var misplaced = text.IndexOfAny(AnyQuote) >= 0;

        var slots = new List<List<TermWord[]>>();
        var tokens = new TokenList();
        if (!text.Contains('|'))
        {
            // No alternatives: the whole phrase is tokenised at once, one slot per word.
            Tokenizer.Tokenize(text, tokens);
            for (var i = 0; i < tokens.Count; i++) slots.Add([[Word(tokens, i)]]);
            return Of(exact, misplaced, slots);
        }

        foreach (var chunk in SplitWords(text))
        {
            var alternatives = new List<TermWord[]>();
            foreach (var piece in chunk.Split('|'))
            {
                tokens.Clear();
                Tokenizer.Tokenize(piece, tokens);
                if (tokens.Count == 0) continue;
                var words = new TermWord[tokens.Count];
                for (var i = 0; i < words.Length; i++) words[i] = Word(tokens, i);
                if (!alternatives.Any(a => a.SequenceEqual(words))) alternatives.Add(words);
            }
            if (alternatives.Count == 0) continue;
            slots.Add(alternatives);
        }
        return Of(exact, misplaced, slots);
    }

    /// <summary>The phrase with its function words read as one (<see cref="FunctionWords"/>), and how many word
    /// sequences its alternatives make.</summary>
    private static ParsedTerm Of(bool exact, bool misplaced, List<List<TermWord[]>> slots)
    {
        slots = FunctionWords.Canonical(slots);
        long variants = 1;
        foreach (var slot in slots) variants = Math.Min(variants * slot.Count, int.MaxValue);
        return new ParsedTerm(exact, misplaced, slots, (int)variants);
    }

    /// <summary>Splits at white space, keeping <c>a | b</c> (spaces around the bar) as one word <c>a|b</c>.</summary>
    private static IEnumerable<string> SplitWords(string text)
    {
        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var current = "";
        foreach (var p in parts)
        {
            if (current.Length > 0 && (current.EndsWith('|') || p.StartsWith('|'))) current += p;
            else
            {
                if (current.Length > 0) yield return current;
                current = p;
            }
        }
        if (current.Length > 0) yield return current;
    }

    private static TermWord Word(TokenList tokens, int i) => new(tokens.NormOf(tokens[i]).ToString(), tokens[i].Kind);
}
