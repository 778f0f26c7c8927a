using MediaMonitor.Matching.Analysis;
using MediaMonitor.Matching.Engine;

namespace MediaMonitor.Matching.Explaining;

/// <summary>A place in one field where a phrase word stands: its first and last token (a word may be two tokens,
/// covid-19) and its sentence.</summary>
internal readonly record struct WordPlace(ArticleField Field, int First, int Last, int Sentence);

/// <summary>
/// Where each word of some phrases stands in an article, found with the matcher's own vocabulary (the same forms,
/// clitic readings and stems). The matcher keeps only the first hits of a phrase; a diagnosis looks at the first
/// <see cref="MaxPlaces"/> places of each word. A word shared by many phrases is looked up once and its places shared.
/// Compound spellings (airstrike for "air strike") and split names (عبد الله for عبدالله) are not followed here: such
/// a phrase may be told a word is missing, though the verdict, the matcher's, is right.
/// </summary>
internal sealed class WordPlaces
{
    /// <summary>Places of one word looked at, the first in the text: bounds the work a text that repeats a word
    /// tens of thousands of times, in as many phrases, can cause.</summary>
    public const int MaxPlaces = 2_000;

    private readonly Dictionary<int, List<WordPlace>[]> places;

    private WordPlaces(Dictionary<int, List<WordPlace>[]> places) => this.places = places;

    /// <summary>The places of word <paramref name="word"/> of phrase <paramref name="phrase"/>, by field then token.</summary>
    public List<WordPlace> Of(int phrase, int word) => places[phrase][word];

    public static WordPlaces Find(IEnumerable<WatchedPhrase> phrases, IReadOnlyList<(ArticleField Field, TokenList Tokens)> fields, CancellationToken ct)
    {
        // Each distinct spelling of a word (an alternative: its analysed words, and whether the last is a prefix) once.
        var builder = new Vocabulary.Builder();
        var spellings = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var wanted = phrases.ToList();
        foreach (var p in wanted)
            foreach (var word in p.Words)
                foreach (var alternative in word.Alternatives)
                    spellings.TryAdd(Key(alternative), alternative.Select(x => x switch
                    {
                        { Prefix: true } => builder.AddPrefix(x.Normalised, x.Kind),
                        { Kind: TokenKind.Arabic } => builder.AddArabic(x.Normalised),
                        { Kind: TokenKind.Number } => builder.AddNumber(x.Normalised),
                        _ => builder.AddLatin(x.Normalised, joinable: false),
                    }).ToArray());
        var vocabulary = builder.Build();

        // Per field, the tokens each word id stands at.
        var tokensOf = new List<Dictionary<int, List<int>>>();
        var ids = new IdList();
        var readings = new ArabicReadings();
        foreach (var (_, tokens) in fields)
        {
            var at = new Dictionary<int, List<int>>();
            for (var i = 0; i < tokens.Count; i++)
            {
                if ((i & 1023) == 0) ct.ThrowIfCancellationRequested();
                ids.Clear();
                vocabulary.Analyze(tokens[i], tokens.NormOf(tokens[i]), ids, readings);
                foreach (var id in ids.Items)
                {
                    if (!at.TryGetValue(id, out var list)) at[id] = list = [];
                    if (list.Count == 0 || list[^1] != i) list.Add(i);
                }
            }
            tokensOf.Add(at);
        }

        // A spelling of several words stands where they follow one another in one sentence.
        var placesOf = new Dictionary<string, List<WordPlace>>(StringComparer.Ordinal);
        List<WordPlace> PlacesOf(AnalysedWord[] alternative)
        {
            var key = Key(alternative);
            if (placesOf.TryGetValue(key, out var known)) return known;
            var parts = spellings[key];
            var found = new List<WordPlace>();
            for (var f = 0; f < fields.Count && found.Count < MaxPlaces; f++)
            {
                var (field, tokens) = fields[f];
                if (!tokensOf[f].TryGetValue(parts[0], out var starts)) continue;
                foreach (var i in starts)
                {
                    var last = i + parts.Length - 1;
                    if (last >= tokens.Count || tokens[last].Sentence != tokens[i].Sentence) continue;
                    var all = true;
                    for (var k = 1; k < parts.Length && all; k++)
                        all = tokensOf[f].TryGetValue(parts[k], out var next) && next.BinarySearch(i + k) >= 0;
                    if (!all) continue;
                    found.Add(new WordPlace(field, i, last, tokens[i].Sentence));
                    if (found.Count == MaxPlaces) break;
                }
            }
            return placesOf[key] = found;
        }

        var result = new Dictionary<int, List<WordPlace>[]>();
        foreach (var p in wanted)
            result[p.Index] = p.Words.Select(word => word.Alternatives.Count == 1
                ? PlacesOf(word.Alternatives[0])
                : word.Alternatives.SelectMany(PlacesOf).Distinct().OrderBy(x => x.Field).ThenBy(x => x.First).Take(MaxPlaces).ToList()).ToArray();
        return new WordPlaces(result);
    }

    private static string Key(AnalysedWord[] alternative) =>
        string.Join(' ', alternative.Select(w => $"{w.Script}:{w.Normalised}{(w.Prefix ? "*" : "")}"));
}
