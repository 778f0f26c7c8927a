using MediaMonitor.Matching.Analysis;
using MediaMonitor.Matching.Engine;
using MediaMonitor.Matching.Rules;

namespace MediaMonitor.Matching.Explaining;

/// <summary>
/// Explains how a watchlist meets one article: the article's words as analysed, each phrase's analysed words, its hits,
/// and for a phrase that did not match, the closest place in the text and the reason (<see cref="MissReason"/>). The
/// verdicts come from the live matcher's compiler (<see cref="PhraseProbe"/>); the reasons from the places of each
/// word, found with the same vocabulary.
/// </summary>
public static class MatchExplainer
{
    /// <summary>Most similar words reported for one missing word.</summary>
    private const int MaxSimilar = 5;

    /// <exception cref="RuleSyntaxException">The rule does not parse.</exception>
    /// <param name="ct">Checked between steps: a long text against many phrases is work a caller may give up on.</param>
    public static MatchExplanation Explain(ArticleText article, IReadOnlyList<TermDefinition> terms, string? rule, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        var probe = PhraseProbe.Compile(terms, rule);
        var verdict = probe.Run(article);
        var context = Context.Of(article, probe.Phrases, ct);
        var phrases = probe.Phrases.Select(p => Phrase(p, verdict, context, ct)).ToArray();

        var ruleExplanation = probe.Rule is { } root ? new RuleReader(article, root, probe.RulePhrases, phrases).Read() : null;
        var match = verdict.Match;
        return new MatchExplanation(match is not null, match?.Hits.ToArray() ?? [], match?.HitsOmitted ?? 0,
            LanguageName(ArticleLanguages.Of(article)), Tokens(context.Fields), phrases, ruleExplanation);
    }

    /// <summary>Some of a compiled watchlist's phrases explained against one article (a preview's near misses).</summary>
    public static IReadOnlyList<PhraseExplanation> ExplainPhrases(
        ArticleText article, PhraseProbe probe, IReadOnlyList<int> phrases, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        var verdict = probe.Run(article);
        var wanted = phrases.Select(p => probe.Phrases[p]).ToArray();
        var context = Context.Of(article, wanted, ct);
        return wanted.Select(p => Phrase(p, verdict, context, ct)).ToArray();
    }

    private static PhraseExplanation Phrase(WatchedPhrase p, ProbeResult verdict, Context context, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return verdict.PhraseHits[p.Index] is { Count: > 0 } hits
            ? new PhraseExplanation(p, true, hits, null)
            : new PhraseExplanation(p, false, [], Diagnose(p, context));
    }

    internal static string LanguageName(ArticleLanguage language) => language switch
    {
        ArticleLanguage.Arabic => "ar",
        ArticleLanguage.English => "en",
        ArticleLanguage.Other => "other",
        _ => "any",
    };

    private static ExplainedToken[] Tokens(List<(ArticleField Field, string Text, TokenList Tokens)> fields)
    {
        var result = new List<ExplainedToken>();
        var sink = new ReadingList();
        foreach (var (field, text, tokens) in fields)
            for (var i = 0; i < tokens.Count; i++)
            {
                ref var t = ref tokens[i];
                var norm = tokens.NormOf(t);
                IReadOnlyList<string> readings = t.Kind switch
                {
                    TokenKind.Arabic => sink.Of(norm),
                    TokenKind.Number => [norm.ToString()],
                    _ => [EnglishKey.ForThisThread.Of(norm)],
                };
                result.Add(new ExplainedToken(field, t.Start, t.End - t.Start, text[t.Start..t.End], t.Sentence,
                    AnalysedWord.ScriptOf(t.Kind), norm.ToString(), readings));
            }
        return result.ToArray();
    }

    internal sealed record Context(List<(ArticleField Field, string Text, TokenList Tokens)> Fields, WordPlaces Places)
    {
        private SimilarWords? similar;

        /// <summary>Built on the first miss that needs it: most phrases miss for want of a word.</summary>
        public SimilarWords Similar => similar ??= new SimilarWords(Fields.Select(f => (f.Field, f.Tokens)));

        public static Context Of(ArticleText article, IReadOnlyList<WatchedPhrase> phrases, CancellationToken ct)
        {
            var fields = new List<(ArticleField Field, string Text, TokenList Tokens)>();
            foreach (var (field, text) in new[] { (ArticleField.Title, article.Title ?? ""), (ArticleField.Body, article.Body ?? "") })
            {
                var tokens = new TokenList();
                Tokenizer.Tokenize(text, tokens);
                fields.Add((field, text, tokens));
            }
            return new Context(fields, WordPlaces.Find(phrases, fields.Select(f => (f.Field, f.Tokens)).ToArray(), ct));
        }

        public TextSpan Span(ArticleField field, int first, int last)
        {
            var (_, text, tokens) = Fields[field == ArticleField.Title ? 0 : 1];
            var start = tokens[first].Start;
            return new TextSpan(field, start, tokens[last].End - start, text[start..tokens[last].End]);
        }
    }

    private static PhraseMiss Diagnose(WatchedPhrase phrase, Context context)
    {
        // A rule phrase of marks the parser counts as letters but the tokenizer reads no word in has nothing to look for.
        if (phrase.Words.Count == 0)
            return new PhraseMiss(MissReason.MissingWord, "The phrase has no word the matcher can read (only marks or symbols).", null, [phrase.Text], []);
        var all = Enumerable.Range(0, phrase.Words.Count).Select(w => context.Places.Of(phrase.Index, w)).ToArray();
        var inField = all.Select(list => list.Where(p => phrase.Field is not { } f || p.Field == f).ToList()).ToArray();
        var missing = Enumerable.Range(0, inField.Length).Where(w => inField[w].Count == 0).ToArray();
        if (missing.Length > 0)
        {
            if (phrase.Field is { } only && missing.All(w => all[w].Count > 0))
                return new PhraseMiss(MissReason.OtherField,
                    $"The words are in the text, but not in the {Name(only)}, the only field the phrase looks in.",
                    Closest(all, context), [], []);
            var names = missing.Select(w => phrase.Words[w].Text).ToArray();
            var similar = missing.SelectMany(w => context.Similar.Like(phrase.Words[w], phrase.Field, MaxSimilar)
                .Select(at => new SimilarWord(phrase.Words[w].Text, context.Span(at.Field, at.Token, at.Token)))).ToArray();
            var closest = Closest(inField, context);
            var alike = missing.All(w => similar.Any(s => s.Word == phrase.Words[w].Text));
            var quoted = string.Join(", ", names.Select(n => $"'{n}'"));
            return alike
                ? new PhraseMiss(MissReason.DifferentForm,
                    $"{quoted} {(names.Length == 1 ? "is" : "are")} not in the text in any form the matcher knows; the text has "
                    + string.Join(", ", similar.Select(s => $"'{s.At.Text}'").Distinct())
                    + ", which looks alike but is not read as a form of it (another spelling, a typo or another derivation).",
                    closest, names, similar)
                : new PhraseMiss(MissReason.MissingWord,
                    $"{quoted} {(names.Length == 1 ? "is" : "are")} not in the text in any form the matcher knows.",
                    closest, names, similar);
        }

        // Every word is there: find the ordered chains of its places, the tightest first.
        if (PlaceSearch.Chain(inField, sameSentence: true) is { } inOneSentence)
            return new PhraseMiss(MissReason.GapTooLong,
                $"The words are in one sentence, in order, but {inOneSentence.Gap} words stand between two of them; "
                + $"the phrase allows {Allowed(phrase.Gap)}.",
                context.Span(inOneSentence.Field, inOneSentence.First, inOneSentence.Last), [], [], inOneSentence.Gap);
        if (PlaceSearch.OneSentence(inField) is { } together)
            return new PhraseMiss(MissReason.WordOrder,
                "The words are in one sentence, but not in the phrase's order (write the phrase in that order too, or use a rule with NEAR).",
                context.Span(together.Field, together.First, together.Last), [], []);
        if (PlaceSearch.Chain(inField, sameSentence: false) is { } across)
            return across.Gap <= phrase.Gap
                ? new PhraseMiss(MissReason.SentenceBoundary,
                    "The words follow each other in order, but across the end of a sentence; a phrase lies within one sentence.",
                    context.Span(across.Field, across.First, across.Last), [], [], across.Gap)
                : new PhraseMiss(MissReason.Scattered,
                    $"The words are in the text but never together: in order, the closest they come is {across.Gap} words apart, across sentences.",
                    context.Span(across.Field, across.First, across.Last), [], [], across.Gap);
        return new PhraseMiss(MissReason.Scattered, "The words are in the text but never together, nor in the phrase's order.",
            Closest(inField, context), [], []);
    }

    private static string Allowed(int gap) => gap == 0 ? "none (its words side by side)" : $"at most {gap}";

    private static string Name(ArticleField field) => field == ArticleField.Title ? "title" : "body";

    private static TextSpan? Closest(List<WordPlace>[] words, Context context) =>
        PlaceSearch.Closest(words) is { } at ? context.Span(at.Field, at.First, at.Last) : null;
}
