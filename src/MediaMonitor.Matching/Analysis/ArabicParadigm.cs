namespace MediaMonitor.Matching.Analysis;

/// <summary>
/// The forms an Arabic term word stands for: its number and gender inflections (صاروخي ↔ صاروخية ↔ صاروخيين,
/// طائرة ↔ طائرات ↔ طائرتين), broken plurals from <see cref="ArabicLexicon"/> (هجوم ↔ هجمات), with or without
/// the article. Article words are matched against these forms after <see cref="ArabicClitics"/> took their clitics off.
/// </summary>
/// <remarks>
/// Generating from the term word (rather than stripping suffixes from every article word) keeps the direction safe:
/// the term لبنان never reaches لبن, and a term is only widened to forms of the word the user actually typed.
/// What is deliberately not generated: the masculine of a feminine noun (طائرة is not طائر, مسيرة is not مسير,
/// قاعدة is not قاعد), except for nisba adjectives in ي where masculine and feminine are one word; and the
/// dual/sound masculine plurals of stems under four letters (لبن+ان, طير+ان, زيت+ون).
/// </remarks>
internal static class ArabicParadigm
{
    public readonly record struct WordForms(string[] Forms, bool HadDefiniteArticle);

    /// <param name="word">The analysis form of one term word (<see cref="CharFolding.AppendAnalysisForm"/>).</param>
    public static WordForms Of(string word)
    {
        var bare = word;
        var definite = false;
        // A lexicon word that starts like the article (ألغام, ألوية → الغام, الوية once hamza is folded) is not stripped.
        var wholeWordGroup = ArabicLexicon.GroupByForm.ContainsKey(CharFolding.FoldKey(word));
        if (!wholeWordGroup && !ArabicLexicon.Unsegmentable.Contains(CharFolding.FoldKey(word)))
        {
            foreach (var p in ArabicClitics.DefiniteProclitics)
            {
                if (word.Length - p.Length >= ArabicClitics.MinStem && word.StartsWith(p, StringComparison.Ordinal))
                {
                    bare = word[p.Length..];
                    definite = true;
                    break;
                }
            }
        }

        var forms = new HashSet<string>(StringComparer.Ordinal);
        var folded = CharFolding.FoldKey(bare);
        var group = ArabicLexicon.GroupByForm.GetValueOrDefault(folded);
        AddRegular(group?.Singular ?? bare, forms);
        // A generated form that is a word of its own (طالبان is no dual of طالب) is dropped; listed forms stay.
        forms.RemoveWhere(f => ArabicLexicon.Unsegmentable.Contains(f));
        if (group is not null) forms.UnionWith(group.FoldedForms);
        forms.Add(folded);
        return new WordForms(forms.Order(StringComparer.Ordinal).ToArray(), definite);
    }

    private static void AddRegular(string w, HashSet<string> forms)
    {
        if (w.Length < 2) { forms.Add(CharFolding.FoldKey(w)); return; }
        var last = w[^1];
        if (last == CharFolding.TaMarbuta)
        {
            var stem = w[..^1];
            AddFeminine(stem, forms);
            if (stem.EndsWith(CharFolding.Yeh)) AddMasculine(stem, forms);
            return;
        }
        if (w.Length - 2 >= ArabicClitics.MinStem && w.EndsWith("ات", StringComparison.Ordinal))
        {
            var stem = w[..^2];
            AddFeminine(stem, forms);
            if (stem.EndsWith(CharFolding.Yeh) || stem.Length >= 5) AddMasculine(stem, forms);
            return;
        }
        if (w.Length - 2 >= 4 && (w.EndsWith("يين", StringComparison.Ordinal) || w.EndsWith("يون", StringComparison.Ordinal)))
        {
            var stem = w[..^2];
            AddMasculine(stem, forms);
            AddFeminine(stem, forms);
            return;
        }
        if (last == CharFolding.AlefMaqsura)
        {
            var stem = w[..^1];
            forms.Add(CharFolding.FoldKey(w));
            forms.Add(CharFolding.FoldKey(stem + "يات"));
            forms.Add(CharFolding.FoldKey(stem + "يان"));
            forms.Add(CharFolding.FoldKey(stem + "يين"));
            return;
        }
        if (last == CharFolding.Alef)
        {
            forms.Add(CharFolding.FoldKey(w));   // mostly foreign names (كورونا, أمريكا): no Arabic endings
            return;
        }
        AddMasculine(w, forms);
        if (w.EndsWith(CharFolding.Yeh)) AddFeminine(w, forms);
    }

    private static void AddFeminine(string stem, HashSet<string> forms)
    {
        forms.Add(CharFolding.FoldKey(stem + "\u0629"));
        forms.Add(CharFolding.FoldKey(stem + "ات"));
        forms.Add(CharFolding.FoldKey(stem + "تان"));
        forms.Add(CharFolding.FoldKey(stem + "تين"));
    }

    private static void AddMasculine(string stem, HashSet<string> forms)
    {
        forms.Add(CharFolding.FoldKey(stem));
        if (stem.Length >= ArabicClitics.MinStem)
        {
            forms.Add(CharFolding.FoldKey(stem + "ات"));
            forms.Add(CharFolding.FoldKey(stem + "ا"));   // indefinite accusative: هجوماً, صاروخاً (the tanween mark itself is dropped)
        }
        if (stem.Length < 4) return;
        forms.Add(CharFolding.FoldKey(stem + "ون"));
        forms.Add(CharFolding.FoldKey(stem + "ين"));
        forms.Add(CharFolding.FoldKey(stem + "ان"));
        forms.Add(CharFolding.FoldKey(stem + "و"));   // plural in construct: مقاتلو داعش
    }
}
