using System.Collections.Frozen;
using MediaMonitor.Matching.Analysis;

namespace MediaMonitor.Matching.Engine;

/// <summary>Turns one phrase (a term, or a phrase of a rule) into the word-id sequences the trie indexes.</summary>
internal static class TermCompiler
{
    /// <param name="AdjacentPatterns">Patterns whose words must stand side by side whatever the phrase allows (a name
    /// written joined in the term, split in the text: <see cref="TheophoricNames"/>); compiled as an entry with no gap.</param>
    public sealed record Compiled(bool Exact, int LongestPattern, List<int[]> Patterns, List<int[]> AdjacentPatterns);

    /// <summary>Function words never glued into a compound variant ("in hospital" has no "inhospital").</summary>
    private static readonly FrozenSet<string> NotCompounded = new[]
    {
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from", "as", "is", "was",
        "be", "are", "it", "its", "this", "that", "not", "no",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <param name="wildcard">The last word is a prefix: it stands for any article word that starts with it.</param>
    public static Compiled Compile(string phrase, bool wildcard, Vocabulary.Builder vocabulary)
    {
        var parsed = ParsedTerm.Parse(phrase);
        var patterns = new List<int[]>();
        var adjacent = new List<int[]>();
        var longest = 0;
        foreach (var words in parsed.Variants())
        {
            var ids = new int[words.Length];
            for (var k = 0; k < words.Length; k++)
            {
                var (norm, kind) = words[k];
                if (wildcard && k == words.Length - 1)
                {
                    ids[k] = vocabulary.AddPrefix(norm, kind);
                    continue;
                }
                ids[k] = kind switch
                {
                    TokenKind.Arabic => vocabulary.AddArabic(norm),
                    TokenKind.Number => vocabulary.AddNumber(norm),
                    _ => vocabulary.AddLatin(norm, joinable: true),
                };
            }
            patterns.Add(ids);
            longest = Math.Max(longest, ids.Length);

            foreach (var (variant, split) in TheophoricNames.Variants(words, ids, wildcard, vocabulary))
            {
                (split ? adjacent : patterns).Add(variant);
                longest = Math.Max(longest, variant.Length);
            }

            // air strike / air-strike also as airstrike; the article side joins in the other direction.
            var lastJoinable = wildcard ? words.Length - 2 : words.Length - 1;
            for (var k = 0; k + 1 <= lastJoinable; k++)
            {
                if (!IsCompoundPart(words[k]) || !IsCompoundPart(words[k + 1])) continue;
                var variant = new int[ids.Length - 1];
                Array.Copy(ids, variant, k);
                variant[k] = vocabulary.AddLatin(words[k].Norm + words[k + 1].Norm, joinable: false);
                Array.Copy(ids, k + 2, variant, k + 1, ids.Length - k - 2);
                patterns.Add(variant);
            }
        }
        return new Compiled(parsed.Exact, longest, patterns, adjacent);
    }

    private static bool IsCompoundPart(TermWord w)
    {
        if (w.Kind != TokenKind.Latin || w.Norm.Length < 2 || NotCompounded.Contains(w.Norm)) return false;
        foreach (var c in w.Norm) if (c < 'a' || c > 'z') return false;
        return true;
    }
}
