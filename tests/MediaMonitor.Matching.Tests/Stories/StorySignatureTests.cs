using MediaMonitor.Matching.Stories;
using static MediaMonitor.Matching.Tests.Stories.StoryArticles;

namespace MediaMonitor.Matching.Tests.Stories;

public class StorySignatureTests
{
    /// <summary>Made-up words of letters only (the tokenizer splits letters from digits): word i is "q" and i in base 26.</summary>
    private static string Words(int from, int to) => string.Join(" ", Enumerable.Range(from, to - from).Select(Word));

    private static string Word(int i)
    {
        var letters = new List<char> { 'q' };
        do
        {
            letters.Add((char)('a' + i % 26));
            i /= 26;
        } while (i > 0);
        return new string(letters.ToArray());
    }

    [Fact]
    public void a_body_under_ten_shingles_has_no_signature()
    {
        Assert.Null(StorySignature.Of("", "en"));
        Assert.Null(StorySignature.Of("Rockets hit the base.", "en"));
        Assert.Null(StorySignature.Of(Words(0, 12), "en"));   // 12 words: 9 shingles of 4 words
        Assert.Equal(StorySignature.MinShingles, StorySignature.Of(Words(0, 13), "en")!.Shingles);
    }

    [Fact]
    public void shingles_counts_distinct_four_word_runs_so_a_repeated_paragraph_adds_none()
    {
        var body = Paragraphs(EnglishAinAlAsadAttack);
        var once = StorySignature.Of(body, "en")!;
        var twice = StorySignature.Of(body + "\n" + body, "en")!;
        Assert.InRange(once.Shingles, 200, 240);
        Assert.Equal(once.Shingles + 3, twice.Shingles);   // only the runs across the join are new
        Assert.Equal(once.Values, twice.Values.Select((v, i) => Math.Max(v, once.Values[i])));
    }

    [Fact]
    public void to_bytes_and_from_bytes_give_back_the_same_signature()
    {
        var signature = StorySignature.Of(Paragraphs(ArabicAinAlAsadAttack), "ar")!;
        var bytes = signature.ToBytes();
        Assert.Equal(StorySignature.Hashes * 4, bytes.Length);
        var back = StorySignature.FromBytes(bytes, signature.Shingles);
        Assert.Equal(signature.Values, back.Values);
        Assert.Equal(signature.Shingles, back.Shingles);
        Assert.Equal(signature.BandKeys(), back.BandKeys());
        Assert.Equal(new StorySimilarity(1, 1, true), signature.CompareTo(back));
    }

    [Fact]
    public void from_bytes_refuses_a_wrong_length_or_a_size_no_signature_has()
    {
        var bytes = StorySignature.Of(Paragraphs(EnglishBaladAttack), "en")!.ToBytes();
        Assert.Throws<ArgumentException>(() => StorySignature.FromBytes(bytes.AsSpan(4), 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => StorySignature.FromBytes(bytes, StorySignature.MinShingles - 1));
    }

    /// <summary>Stored band keys are only useful while the hashing stays the same: this catches a change of
    /// normalisation, shingling, constants or key mixing, which must come with a new <see cref="StorySignature.Version"/>.</summary>
    [Fact]
    public void band_keys_of_a_fixed_text_never_change()
    {
        var signature = StorySignature.Of(Paragraphs(EnglishAinAlAsadAttack[..2]), "en")!;
        var keys = signature.BandKeys();
        Assert.Equal(StorySignature.Bands, keys.Length);
        Assert.Equal(StorySignature.Bands, keys.Distinct().Count());
        Assert.Equal(ExpectedFirstValues, signature.Values.Take(4));
        Assert.Equal(ExpectedFirstKeys, keys.Take(4));
        Assert.Equal(1, StorySignature.Version);
    }

    private static readonly uint[] ExpectedFirstValues = [7222672, 56560125, 29273143, 31723891];
    private static readonly long[] ExpectedFirstKeys = [-8164769609969154206, 6461113823242994028, 5763333843884712832, -6868055836856662829];

    [Fact]
    public void a_body_inside_one_three_times_its_size_is_the_same_story_by_containment_alone()
    {
        var similarity = StorySignature.Of(Words(0, 100), "en")!.CompareTo(StorySignature.Of(Words(0, 300), "en")!);
        Assert.True(similarity.Jaccard < StorySignature.JaccardThreshold, $"true Jaccard 97/297: {similarity}");
        Assert.True(similarity.SameStory, $"{similarity}");
    }

    [Fact]
    public void a_body_inside_one_more_than_four_times_its_size_is_not_joined_however_contained()
    {
        var similarity = StorySignature.Of(Words(0, 100), "en")!.CompareTo(StorySignature.Of(Words(0, 450), "en")!);
        Assert.Equal(100 - 3, StorySignature.Of(Words(0, 100), "en")!.Shingles);
        Assert.False(similarity.SameStory, $"{similarity}");
    }

    [Fact]
    public void a_body_under_thirty_shingles_inside_a_longer_one_is_not_joined_by_containment()
    {
        var similarity = StorySignature.Of(Words(0, 30), "en")!.CompareTo(StorySignature.Of(Words(0, 90), "en")!);
        Assert.False(similarity.SameStory, $"{similarity}");
        Assert.True(StorySignature.Of(Words(0, 40), "en")!.CompareTo(StorySignature.Of(Words(0, 90), "en")!).SameStory);
    }

    [Theory]
    [InlineData(300, 300, 0)]
    [InlineData(300, 300, 50)]
    [InlineData(300, 300, 150)]
    [InlineData(300, 300, 250)]
    [InlineData(600, 200, 0)]
    public void the_jaccard_estimate_stays_within_three_standard_errors(int lengthA, int lengthB, int shift)
    {
        // Made-up words, so the true shingle overlap is known: A = words [0, lengthA), B = words [shift, shift + lengthB).
        var a = StorySignature.Of(Words(0, lengthA), "en")!;
        var b = StorySignature.Of(Words(shift, shift + lengthB), "en")!;
        var shared = Math.Max(0, Math.Min(lengthA, shift + lengthB) - shift - 3);
        var jaccard = (double)shared / (a.Shingles + b.Shingles - shared);
        var error = Math.Sqrt(jaccard * (1 - jaccard) / StorySignature.Hashes);
        Assert.InRange(a.CompareTo(b).Jaccard, jaccard - 3 * error - 1e-9, jaccard + 3 * error + 1e-9);
    }

    [Fact]
    public void over_many_pairs_the_jaccard_estimate_is_unbiased_and_as_precise_as_sixty_four_hashes_allow()
    {
        var errors = new List<double>();
        for (var shift = 0; shift < 400; shift += 4)
        {
            var a = StorySignature.Of(Words(1000 * shift, 1000 * shift + 400), "en")!;
            var b = StorySignature.Of(Words(1000 * shift + shift, 1000 * shift + shift + 400), "en")!;
            var shared = Math.Max(0, 400 - shift - 3);
            errors.Add(a.CompareTo(b).Jaccard - (double)shared / (a.Shingles + b.Shingles - shared));
        }
        Assert.InRange(errors.Average(), -0.015, 0.015);
        Assert.InRange(Math.Sqrt(errors.Average(e => e * e)), 0.02, 0.06);
    }
}
