using MediaMonitor.Matching.Tests.Support;

namespace MediaMonitor.Matching.Tests;

/// <summary>عبد + a name of God, written in two words or joined (see Engine/TheophoricNames).</summary>
public class TheophoricNameTests
{
    [Theory]
    [InlineData("التقى الملك عبدالله الثاني بالرئيس العراقي في عمان", "عبدالله")]
    [InlineData("وأكد وزير الخارجية لعبدالله بن زايد دعم الحكومة", "لعبدالله")]
    [InlineData("التقى الملك عبد الله الثاني بالرئيس العراقي في عمان", "عبد الله")]
    public void a_name_written_in_two_words_finds_it_joined_and_apart(string text, string found)
    {
        Assert.Equal([found], Watch.Found("عبد الله", text));
    }

    [Theory]
    [InlineData("وصل عبد العزيز الحكيم إلى بغداد مساء أمس", "عبد العزيز")]
    [InlineData("وصل وعبد العزيز الحكيم إلى بغداد مساء أمس", "وعبد العزيز")]
    [InlineData("وصل عبدالعزيز الحكيم إلى بغداد مساء أمس", "عبدالعزيز")]
    public void a_joined_name_finds_it_apart_too(string text, string found)
    {
        Assert.Equal([found], Watch.Found("عبدالعزيز", text));
    }

    [Fact]
    public void inside_a_longer_phrase_the_name_is_found_either_way()
    {
        Assert.Equal(["الملك عبدالله الثاني"], Watch.Found("الملك عبد الله الثاني", "استقبل الملك عبدالله الثاني وفدا عراقيا"));
        Assert.Equal(["الملك عبد الله الثاني"], Watch.Found("الملك عبدالله الثاني", "استقبل الملك عبد الله الثاني وفدا عراقيا"));
    }

    [Theory]
    [InlineData("عبدالله", "قال محمد عبده في مقابلة إن الوضع هادئ")]
    [InlineData("عبدالله", "قال عبد الرحمن في مقابلة إن الوضع هادئ")]
    [InlineData("عبد الله", "قال عبدالرحمن في مقابلة إن الوضع هادئ")]
    [InlineData("عبد الرحمن", "انتقد عبدة الأوثان في الرواية")]
    [InlineData("عبدالله", "وقال عبد الحميد رحمه الله إن الوضع هادئ")]
    [InlineData("الملك عبدالله", "في عهد الملك عبد العزيز رحمه الله بدأت الدولة")]
    public void another_name_or_word_is_not_made_equal(string term, string text)
    {
        Assert.Empty(Watch.Found(term, text));
    }
}
