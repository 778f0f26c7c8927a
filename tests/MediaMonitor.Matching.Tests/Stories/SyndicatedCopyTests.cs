using MediaMonitor.Matching.Stories;
using static MediaMonitor.Matching.Tests.Stories.StoryArticles;

namespace MediaMonitor.Matching.Tests.Stories;

/// <summary>Copies of one report as outlets publish them: each must be the same story as the original, and the pair
/// must meet in at least one LSH band, or the index would never offer it for comparison.</summary>
public class SyndicatedCopyTests
{
    private static StorySimilarity AssertSameStory(string original, string copy, string lang)
    {
        var a = StorySignature.Of(original, lang)!;
        var b = StorySignature.Of(copy, lang)!;
        var similarity = a.CompareTo(b);
        Assert.True(similarity.SameStory, $"not one story: {similarity}");
        Assert.Equal(similarity, b.CompareTo(a));
        Assert.NotEmpty(a.BandKeys().Intersect(b.BandKeys()));
        return similarity;
    }

    [Fact]
    public void an_arabic_copy_with_its_own_byline_and_dateline_is_the_same_story()
    {
        var copy = ArabicAinAlAsadAttack.ToArray();
        copy[0] = copy[0].Replace("بغداد - ", "الأنبار - متابعات: ");
        var similarity = AssertSameStory(Paragraphs(ArabicAinAlAsadAttack), Paragraphs(["كتب: محمد الجبوري", .. copy]), "ar");
        Assert.True(similarity.Jaccard >= 0.8, $"{similarity}");
    }

    [Fact]
    public void an_english_copy_with_its_own_byline_and_dateline_is_the_same_story()
    {
        var copy = EnglishAinAlAsadAttack.ToArray();
        copy[0] = "ANBAR, Iraq, March 3 (AP) - " + copy[0];
        var similarity = AssertSameStory(Paragraphs(EnglishAinAlAsadAttack), Paragraphs(["By Ahmed Rasheed and John Davison", .. copy]), "en");
        Assert.True(similarity.Jaccard >= 0.8, $"{similarity}");
    }

    [Fact]
    public void an_arabic_copy_with_an_agency_prefix_and_read_more_footer_is_the_same_story()
    {
        var copy = ArabicAinAlAsadAttack.ToArray();
        copy[0] = copy[0].Replace("بغداد - ", "بغداد (رويترز) - ");
        string[] footer =
        [
            "اقرأ أيضا:",
            "الكاظمي يأمر بتحقيق في استهداف رتل للتحالف جنوب بغداد",
            "فصائل عراقية تهدد بتصعيد الهجمات على القواعد الأمريكية",
            "تابعونا على تطبيق تلغرام لآخر الأخبار العاجلة",
        ];
        AssertSameStory(Paragraphs(ArabicAinAlAsadAttack), Paragraphs([.. copy, .. footer]), "ar");
    }

    [Fact]
    public void an_english_copy_with_an_agency_prefix_and_read_more_footer_is_the_same_story()
    {
        var copy = EnglishAinAlAsadAttack.ToArray();
        copy[0] = "BAGHDAD (Reuters) - " + copy[0];
        string[] footer =
        [
            "Reporting by Ahmed Rasheed; Editing by Alex Richardson",
            "Read more:",
            "Iraq's Kadhimi orders inquiry after convoy attack south of Baghdad",
            "Sign up for our Middle East newsletter.",
        ];
        AssertSameStory(Paragraphs(EnglishAinAlAsadAttack), Paragraphs([.. copy, .. footer]), "en");
    }

    [Fact]
    public void an_arabic_copy_cut_after_three_paragraphs_is_the_same_story_by_containment()
    {
        var similarity = AssertSameStory(Paragraphs(ArabicAinAlAsadAttack), Paragraphs(ArabicAinAlAsadAttack[..3]), "ar");
        Assert.True(similarity.Containment >= StorySignature.ContainmentThreshold, $"{similarity}");
    }

    [Fact]
    public void an_english_copy_cut_after_two_paragraphs_is_the_same_story_by_containment()
    {
        var similarity = AssertSameStory(Paragraphs(EnglishElectionResults), Paragraphs(EnglishElectionResults[..2]), "en");
        Assert.True(similarity.Containment >= StorySignature.ContainmentThreshold, $"{similarity}");
    }

    [Fact]
    public void an_arabic_copy_with_a_paragraph_added_is_the_same_story()
    {
        const string added = "وفي وقت لاحق، أعلنت قيادة العمليات المشتركة اعتقال شخصين يشتبه في تورطهما بإطلاق الصواريخ، بعد تتبع مركبة شوهدت قرب موقع الإطلاق.";
        AssertSameStory(Paragraphs(ArabicAinAlAsadAttack), Paragraphs([.. ArabicAinAlAsadAttack[..5], added, ArabicAinAlAsadAttack[5]]), "ar");
    }

    [Fact]
    public void an_english_copy_with_two_paragraphs_added_is_the_same_story()
    {
        string[] added =
        [
            "Later on Tuesday, the Joint Operations Command said two suspects had been arrested after troops tracked a pickup truck seen near the launch site.",
            "The U.S. embassy in Baghdad condemned the attack and said Iraqi authorities had a responsibility to protect coalition personnel, who are in the country at the government's invitation.",
        ];
        AssertSameStory(Paragraphs(EnglishAinAlAsadAttack), Paragraphs([.. EnglishAinAlAsadAttack, .. added]), "en");
    }

    [Fact]
    public void an_arabic_copy_spelled_without_hamza_seats_with_final_heh_and_ya_and_with_marks_is_the_same_story()
    {
        var copy = ArabicAinAlAsadAttack.Select(p => p
                .Replace('أ', 'ا').Replace('إ', 'ا').Replace('آ', 'ا')
                .Replace("ة ", "ه ").Replace("ة،", "ه،").Replace("ة.", "ه.")
                .Replace("على", "علي").Replace("إلى", "الي")
                .Replace("وقالت", "و قالت").Replace("وباشرت", "و باشرت"))
            .ToArray();
        copy[0] = "بَغْدَادُ - سَقَطَتْ خَمْسَةُ صَوَارِيخَ مِنْ طِرَازِ كاتيوشا مساء الثلاثاء علي قاعـــدة عين الاسد الجويـة " + copy[0][copy[0].IndexOf("في محافظ", StringComparison.Ordinal)..];
        var similarity = AssertSameStory(Paragraphs(ArabicAinAlAsadAttack), Paragraphs(copy), "ar");
        Assert.Equal(1.0, similarity.Jaccard);
    }

    [Fact]
    public void an_english_copy_in_other_case_quotes_and_dashes_is_the_same_story()
    {
        var copy = EnglishAinAlAsadAttack.Select(p => p.Replace("'", "\u2019").Replace(" - ", " \u2014 ").Replace(",", " ,")).ToArray();
        copy[0] = copy[0].ToUpperInvariant();
        var similarity = AssertSameStory(Paragraphs(EnglishAinAlAsadAttack), Paragraphs(copy), "en");
        Assert.Equal(1.0, similarity.Jaccard);
    }
}
