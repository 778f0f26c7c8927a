using MediaMonitor.Matching.Analysis;
using MediaMonitor.Matching.Engine;

namespace MediaMonitor.Matching.Explaining;

/// <summary>A place in one field where a phrase word stands: its first and last token (a word may be two tokens,
/// covid-19) and its sentence.</summary>
internal readonly record struct WordPlace(ArticleField Field, int First, int Last, int Sentence);

/// <summary>
/// Every place each word of each phrase stands in an article, found with the matcher's own vocabulary (the same forms,
/// clitic readings and stems), unbounded: the matcher keeps only the first hits of a phrase, a diagnosis needs all.
/// </summary>
internal sealed class WordPlaces
{
    private readonly List<WordPlace>[][] places;

    private WordPlaces(List<WordPlace>[][] places) => this.places = places;

    /// <summary>The places of word <paramref name="word"/> of phrase <paramref name="phrase"/>, by field then token.</summary>
    public List<WordPlace> Of(int phrase, int word) => places[phrase][word];

    public static WordPlaces Find(IReadOnlyList<WatchedPhrase> phrases, IReadOnlyList<(ArticleField Field, TokenList Tokens)> fields)
    {
        var builder = new Vocabulary.Builder();
        var owners = new Dictionary<int, List<(int Phrase, int Word, int Alt, int Part)>>();
        foreach (var p in phrases)
            for (var w = 0; w < p.Words.Count; w++)
                for (var a = 0; a < p.Words[w].Alternatives.Count; a++)
                {
                    var parts = p.Words[w].Alternatives[a];
                    for (var k = 0; k < parts.Length; k++)
                    {
                        var id = parts[k] switch
                        {
                            { Prefix: true } x => builder.AddPrefix(x.Normalised, x.Kind),
                            { Kind: TokenKind.Arabic } x => builder.AddArabic(x.Normalised),
                            { Kind: TokenKind.Number } x => builder.AddNumber(x.Normalised),
                            var x => builder.AddLatin(x.Normalised, joinable: false),
                        };
                        if (!owners.TryGetValue(id, out var list)) owners[id] = list = [];
                        list.Add((p.Index, w, a, k));
                    }
                }
        var vocabulary = builder.Build();

        var places = phrases.Select(p => p.Words.Select(_ => new List<WordPlace>()).ToArray()).ToArray();
        var ids = new IdList();
        var readings = new ArabicReadings();
        var alternatives = phrases.Select(p => p.Words.Select(w => w.Alternatives).ToArray()).ToArray();
        foreach (var (field, tokens) in fields)
        {
            // Which (phrase, word, alternative, part) each token can be; then an alternative of several parts stands
            // where its parts follow one another in one sentence.
            var at = new HashSet<(int Phrase, int Word, int Alt, int Part, int Token)>();
            for (var i = 0; i < tokens.Count; i++)
            {
                ids.Clear();
                vocabulary.Analyze(tokens[i], tokens.NormOf(tokens[i]), ids, readings);
                foreach (var id in ids.Items)
                    if (owners.TryGetValue(id, out var list))
                        foreach (var (p, w, a, k) in list) at.Add((p, w, a, k, i));
            }
            foreach (var (p, w, a, _, i) in at.Where(x => x.Part == 0).OrderBy(x => x.Token))
            {
                var parts = alternatives[p][w][a].Length;
                var last = i + parts - 1;
                if (last >= tokens.Count || tokens[last].Sentence != tokens[i].Sentence) continue;
                var all = true;
                for (var k = 1; k < parts && all; k++) all = at.Contains((p, w, a, k, i + k));
                var list = places[p][w];
                if (all && (list.Count == 0 || list[^1].Field != field || list[^1].First != i))
                    list.Add(new WordPlace(field, i, last, tokens[i].Sentence));
            }
        }
        return new WordPlaces(places);
    }
}
