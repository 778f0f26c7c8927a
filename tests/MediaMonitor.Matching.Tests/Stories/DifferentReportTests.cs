using MediaMonitor.Matching.Stories;
using static MediaMonitor.Matching.Tests.Stories.StoryArticles;

namespace MediaMonitor.Matching.Tests.Stories;

/// <summary>Reports that share a subject, a template or a stock sentence but not a text: separate stories.</summary>
public class DifferentReportTests
{
    private static StorySimilarity Compare(string a, string b, string lang) =>
        StorySignature.Of(a, lang)!.CompareTo(StorySignature.Of(b, lang)!);

    [Fact]
    public void two_arabic_rocket_attacks_told_in_the_same_wire_phrasing_are_different_stories()
    {
        Assert.InRange(ExactShingles.Jaccard(Paragraphs(ArabicAinAlAsadAttack), Paragraphs(ArabicBaladAttack)), 0.05, 0.1);
        var similarity = Compare(Paragraphs(ArabicAinAlAsadAttack), Paragraphs(ArabicBaladAttack), "ar");
        Assert.False(similarity.SameStory, $"{similarity}");
    }

    [Fact]
    public void two_english_rocket_attacks_told_in_the_same_wire_phrasing_are_different_stories()
    {
        Assert.InRange(ExactShingles.Jaccard(Paragraphs(EnglishAinAlAsadAttack), Paragraphs(EnglishBaladAttack)), 0.05, 0.1);
        var similarity = Compare(Paragraphs(EnglishAinAlAsadAttack), Paragraphs(EnglishBaladAttack), "en");
        Assert.False(similarity.SameStory, $"{similarity}");
    }

    [Fact]
    public void two_arabic_articles_about_the_same_troop_withdrawal_are_different_stories()
    {
        Assert.False(Compare(Paragraphs(ArabicWithdrawalAnnouncement), Paragraphs(ArabicWithdrawalReactions), "ar").SameStory);
    }

    [Fact]
    public void two_english_articles_about_the_same_election_are_different_stories()
    {
        Assert.False(Compare(Paragraphs(EnglishElectionResults), Paragraphs(EnglishElectionDay), "en").SameStory);
    }

    [Fact]
    public void a_short_article_and_a_long_unrelated_one_are_different_stories()
    {
        var similarity = Compare(EnglishFootballBrief, Paragraphs([.. EnglishElectionResults, .. EnglishElectionDay]), "en");
        Assert.False(similarity.SameStory);
        Assert.Equal(0, similarity.Containment);
    }

    [Fact]
    public void a_brief_repeating_a_stock_sentence_of_a_long_report_on_another_attack_is_a_different_story()
    {
        var similarity = Compare(EnglishBaladBrief, Paragraphs(EnglishAinAlAsadAttack), "en");
        Assert.False(similarity.SameStory, $"{similarity}");
        Assert.True(similarity.Containment < StorySignature.ContainmentThreshold, $"{similarity}");
    }

    [Fact]
    public void a_report_quoted_whole_in_a_digest_of_other_reports_is_not_joined_to_the_digest()
    {
        var report = Paragraphs(EnglishAinAlAsadAttack[..3]);
        var digest = Paragraphs([.. EnglishElectionResults, .. EnglishAinAlAsadAttack[..3], .. EnglishElectionDay]);
        var similarity = Compare(report, digest, "en");
        Assert.False(similarity.SameStory, $"the digest is more than four times the report: {similarity}");
    }

    [Fact]
    public void the_same_text_under_two_language_tags_is_not_one_story()
    {
        var body = Paragraphs(EnglishAinAlAsadAttack);
        Assert.Equal(1, Compare(body, body, "en").Jaccard);
        Assert.Equal(0, StorySignature.Of(body, "en")!.CompareTo(StorySignature.Of(body, "fr")!).Jaccard);
        Assert.Equal(1, StorySignature.Of(body, "EN-gb")!.CompareTo(StorySignature.Of(body, "en")!).Jaccard);
    }
}
