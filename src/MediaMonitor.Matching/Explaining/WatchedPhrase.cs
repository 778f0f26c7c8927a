using MediaMonitor.Matching.Analysis;
using MediaMonitor.Matching.Engine;
using MediaMonitor.Matching.Rules;

namespace MediaMonitor.Matching.Explaining;

/// <summary>One phrase a watchlist looks for, a term or a phrase of its rule, as the matcher reads it.</summary>
/// <param name="Index">Its place among the watchlist's phrases: the terms in order, then the rule's phrases in text order.</param>
/// <param name="Text">As the user wrote it (a rule phrase without its quotes and <c>*</c>).</param>
/// <param name="InRule">A phrase of the rule, not a term.</param>
/// <param name="Gap">Words allowed between two consecutive words of the phrase.</param>
/// <param name="Wildcard">Its last word is a prefix.</param>
/// <param name="Field">The one field it is looked for in, or null for both.</param>
/// <param name="Words">Its words in order, each with its alternatives, as analysed.</param>
public sealed record WatchedPhrase(int Index, string Text, bool InRule, int Gap, bool Wildcard, ArticleField? Field,
    IReadOnlyList<PhraseWord> Words)
{
    /// <summary>The terms' phrases, then the rule's (in the order its text gives them).</summary>
    internal static List<(WatchedPhrase Phrase, PhraseNode? Node)> Of(IReadOnlyList<TermDefinition> terms, RuleNode? rule)
    {
        var result = new List<(WatchedPhrase, PhraseNode?)>();
        foreach (var term in terms)
        {
            var parsed = ParsedTerm.Parse(term.Phrase);
            result.Add((Build(result.Count, term.Phrase, false, parsed, parsed.Exact ? 0 : EntryTable.DefaultGap, false, null), null));
        }
        if (rule is null) return result;
        foreach (var node in rule.SelfAndDescendants().OfType<PhraseNode>())
        {
            var text = node.Text.TrimEnd('*');
            var wildcard = node.Wildcard || node.Text.EndsWith('*');
            var parsed = ParsedTerm.Parse(text);
            var gap = parsed.Exact ? 0 : Math.Clamp(node.MaxGap ?? EntryTable.DefaultGap, 0, EntryTable.MaxGap);
            result.Add((Build(result.Count, text, true, parsed, gap, wildcard, node.Field), node));
        }
        return result;
    }

    private static WatchedPhrase Build(int index, string text, bool inRule, ParsedTerm parsed, int gap, bool wildcard, ArticleField? field)
    {
        var words = new List<PhraseWord>(parsed.Slots.Count);
        for (var s = 0; s < parsed.Slots.Count; s++)
        {
            var prefix = wildcard && s == parsed.Slots.Count - 1;
            words.Add(new PhraseWord(parsed.Slots[s].SelectMany((a, alternative) =>
                a.Select((w, k) => AnalysedWord.Of(w, alternative, prefix && k == a.Length - 1))).ToArray()));
        }
        return new WatchedPhrase(index, text, inRule, gap, wildcard, field, words);
    }
}

/// <summary>One word of a phrase: its alternatives (one unless the user wrote <c>a|b</c> or it is a function word
/// with several forms, such as بدون), each usually one analysed word, several when it splits (covid-19: covid, 19).</summary>
/// <param name="Words">The analysed words of every alternative, in order, each saying which alternative it belongs to
/// (a flat list: the explanation stays shallow enough for any JSON reader).</param>
public sealed record PhraseWord(IReadOnlyList<AnalysedWord> Words)
{
    /// <summary>The word as the matcher reads it: its alternatives joined by <c>|</c>.</summary>
    public string Text => string.Join('|', Alternatives.Select(a => string.Join(' ', a.Select(w => w.Prefix ? w.Normalised + "*" : w.Normalised))));

    /// <summary>Each alternative's analysed words.</summary>
    internal IReadOnlyList<AnalysedWord[]> Alternatives => Words.GroupBy(w => w.Alternative).Select(g => g.ToArray()).ToArray();
}

/// <param name="Normalised">The word once case, diacritics, tatweel and letter variants are folded.</param>
/// <param name="Script">arabic, latin or number.</param>
/// <param name="Forms">The keys an article word is compared on: for an Arabic word, its inflected forms (an article
/// word matches when one of its readings, clitics taken off, is one of them); for an English word, its stem; for a
/// number, its digits; for a prefix, the prefix.</param>
/// <param name="Prefix">The last word of a wildcard phrase: any word starting with it.</param>
/// <param name="Alternative">Which alternative of its phrase word it belongs to, from 0.</param>
public sealed record AnalysedWord(string Normalised, string Script, IReadOnlyList<string> Forms, bool Prefix, int Alternative)
{
    internal TokenKind Kind => Script switch { "arabic" => TokenKind.Arabic, "number" => TokenKind.Number, _ => TokenKind.Latin };

    internal static AnalysedWord Of(TermWord w, int alternative, bool prefix)
    {
        var script = ScriptOf(w.Kind);
        if (prefix) return new AnalysedWord(w.Norm, script, [w.Kind == TokenKind.Arabic ? CharFolding.FoldKey(w.Norm) : w.Norm], true, alternative);
        IReadOnlyList<string> forms = w.Kind switch
        {
            TokenKind.Arabic => ArabicParadigm.Of(w.Norm).Forms,
            TokenKind.Number => [w.Norm],
            _ => [EnglishKey.ForThisThread.Of(w.Norm)],
        };
        return new AnalysedWord(w.Norm, script, forms, false, alternative);
    }

    internal static string ScriptOf(TokenKind kind) => kind switch
    {
        TokenKind.Arabic => "arabic",
        TokenKind.Number => "number",
        _ => "latin",
    };
}
