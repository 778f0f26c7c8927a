using MediaMonitor.Matching.Analysis;

namespace MediaMonitor.Matching.Engine;

/// <summary>
/// Names made of عبد ("servant of") and a name of God with its article (عبد الله، عبد الرحمن، عبد العزيز، عبد الكريم)
/// are one name written in two words or joined: news copy does both, often in one article (the corpus has عبدالله 407
/// times and عبد الله 105). A term written either way also stands for the other: عبد الله for عبدالله and عبدالله for
/// عبد الله, with clitics on either (لعبدالله، وعبد الله). Only عبد followed by a word with the article is joined, so
/// عبده (a name of its own) and عبدة ("worshippers") stay apart from any of them. A name split in the text must be two
/// words side by side: عبدالله is not "عبد الحميد رحمه الله".
/// </summary>
internal static class TheophoricNames
{
    private const string Abd = "عبد";
    private const string Article = "ال";

    /// <summary>The phrase's word ids with each such name in its other spelling (none when it has no such name), and
    /// whether it is the split one, whose phrase is then compiled with no gap.</summary>
    public static IEnumerable<(int[] Ids, bool Split)> Variants(TermWord[] words, int[] ids, bool wildcard, Vocabulary.Builder vocabulary)
    {
        var last = wildcard ? words.Length - 2 : words.Length - 1;
        for (var k = 0; k <= last; k++)
        {
            if (words[k].Kind != TokenKind.Arabic) continue;
            if (words[k].Norm == Abd && k + 1 <= last && IsNameOfGod(words[k + 1]))
            {
                // عبد الله → عبدالله
                var joined = new int[ids.Length - 1];
                Array.Copy(ids, joined, k);
                joined[k] = vocabulary.AddArabic(Abd + words[k + 1].Norm);
                Array.Copy(ids, k + 2, joined, k + 1, ids.Length - k - 2);
                yield return (joined, false);
            }
            else if (words[k].Norm.StartsWith(Abd + Article, StringComparison.Ordinal) && words[k].Norm.Length >= Abd.Length + Article.Length + 2)
            {
                // عبدالله → عبد الله
                var split = new int[ids.Length + 1];
                Array.Copy(ids, split, k);
                split[k] = vocabulary.AddArabic(Abd);
                split[k + 1] = vocabulary.AddArabic(words[k].Norm[Abd.Length..]);
                Array.Copy(ids, k + 1, split, k + 2, ids.Length - k - 1);
                yield return (split, true);
            }
        }
    }

    private static bool IsNameOfGod(TermWord w) =>
        w.Kind == TokenKind.Arabic && w.Norm.StartsWith(Article, StringComparison.Ordinal) && w.Norm.Length >= Article.Length + 2;
}
