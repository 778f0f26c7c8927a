using System.Security.Cryptography;
using System.Text;

namespace MediaMonitor.Matching.Tests;

public class ContentFingerprintTests
{
    private const string Body = "قال رئيس الوزراء العراقي إن بلاده لم تعد بحاجة إلى قوات قتالية أمريكية لمحاربة داعش.";

    [Fact]
    public void when_nothing_changes_the_fingerprint_is_a_stable_sha256_of_the_normalised_text()
    {
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("breaking news\nhello world")));
        Assert.Equal(expected, ContentFingerprint.Of("Breaking  News", " Hello\r\n\tWORLD "));
        Assert.Matches("^[0-9a-f]{64}$", ContentFingerprint.Of(null, Body));
    }

    [Theory]
    [InlineData("قال رئيس الوزراء العراقي   إن بلاده\nلم تعد بحاجة إلى قوات قتالية أمريكية لمحاربة داعش.  ")]
    [InlineData("قَالَ رَئِيسُ الوُزَرَاءِ العِرَاقِيُّ إنَّ بِلادَهُ لم تعد بحاجة إلى قوات قتالية أمريكية لمحاربة داعش.")]
    [InlineData("قال رئيس الوزراء العراقي إن بلاده لم تعد بحاجة إلى قوات قتالية أمريكية لمحاربة داعـــش.")]
    [InlineData("قال رئيس الوزراء العراقي إن بلاده لم تعد بحاجة إلى قوات قتالية أمريكية لمحاربة \uFEA9\uFE8D\uFECB\uFEB6.")]
    [InlineData("قال رئيس الوزراء العراقي إن بلاده لم تعد بحاجة إلى قوات قتالية أمريكية لمحاربة داعش\u200F.")]
    public void when_the_same_article_is_resent_with_other_spacing_marks_or_forms(string variant)
    {
        Assert.Equal(ContentFingerprint.Of(null, Body), ContentFingerprint.Of(null, variant));
    }

    [Fact]
    public void when_english_text_differs_in_case_or_unicode_composition()
    {
        Assert.Equal(ContentFingerprint.Of("Café", "Crème brûlée"), ContentFingerprint.Of("CAFÉ", "crème brûlée"));
        Assert.Equal(ContentFingerprint.Of("Café", "x"), ContentFingerprint.Of("Cafe\u0301", "x"));
    }

    [Fact]
    public void when_the_text_really_differs_the_fingerprint_differs()
    {
        Assert.NotEqual(ContentFingerprint.Of(null, Body), ContentFingerprint.Of(null, Body.Replace("داعش", "القاعدة")));
        Assert.NotEqual(ContentFingerprint.Of("a", "b c"), ContentFingerprint.Of("a b", "c"));
        Assert.NotEqual(ContentFingerprint.Of("Title", Body), ContentFingerprint.Of(null, Body));
    }

    [Fact]
    public void when_the_title_is_missing_it_equals_an_empty_title()
    {
        Assert.Equal(ContentFingerprint.Of(null, Body), ContentFingerprint.Of("", Body));
        Assert.Equal(ContentFingerprint.Of(null, Body), ContentFingerprint.Of("  ", Body));
    }
}
