using System.Collections.Frozen;
using MediaMonitor.Matching.Analysis;

namespace MediaMonitor.Matching.Engine;

/// <summary>Turns one term into the word-id sequences the trie indexes.</summary>
internal static class TermCompiler
{
    public sealed record Compiled(bool Exact, bool RequiresDefiniteArticle, List<int[]> Patterns);

    /// <summary>Function words never glued into a compound variant ("in hospital" has no "inhospital").</summary>
    private static readonly FrozenSet<string> NotCompounded = new[]
    {
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from", "as", "is", "was",
        "be", "are", "it", "its", "this", "that", "not", "no",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static Compiled Compile(TermDefinition term, Vocabulary.Builder vocabulary)
    {
        var parsed = ParsedTerm.Parse(term.Phrase);
        var words = parsed.Words;
        var ids = new int[words.Count];
        var norms = new string[words.Count];
        var definite = false;
        for (var k = 0; k < words.Count; k++)
        {
            ref var w = ref words[k];
            var norm = norms[k] = words.NormOf(w).ToString();
            switch (w.Kind)
            {
                case TokenKind.Arabic:
                    ids[k] = vocabulary.AddArabic(norm, out var hadArticle);
                    definite = hadArticle;
                    break;
                case TokenKind.Number:
                    ids[k] = vocabulary.AddNumber(norm);
                    break;
                default:
                    ids[k] = vocabulary.AddLatin(norm);
                    break;
            }
        }

        var patterns = new List<int[]> { ids };
        // air strike / air-strike also as airstrike; the article side joins in the other direction.
        for (var k = 0; k + 1 < words.Count; k++)
        {
            if (!IsCompoundPart(words[k], norms[k]) || !IsCompoundPart(words[k + 1], norms[k + 1])) continue;
            var variant = new int[ids.Length - 1];
            Array.Copy(ids, variant, k);
            variant[k] = vocabulary.AddLatin(norms[k] + norms[k + 1]);
            Array.Copy(ids, k + 2, variant, k + 1, ids.Length - k - 2);
            patterns.Add(variant);
        }

        // A one-word term written with the article asks for the definite word: القاعدة (al-Qaeda) is not قاعدة (a base).
        // In longer phrases the other words carry the meaning, so definiteness is free there.
        return new Compiled(parsed.Exact, definite && words.Count == 1, patterns);
    }

    private static bool IsCompoundPart(in Token t, string norm)
    {
        if (t.Kind != TokenKind.Latin || norm.Length < 2 || NotCompounded.Contains(norm)) return false;
        foreach (var c in norm) if (c < 'a' || c > 'z') return false;
        return true;
    }
}
