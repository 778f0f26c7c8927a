namespace MediaMonitor.Matching.Tests;

public class LanguageDetectorTests
{
    [Theory]
    [InlineData("قال رئيس الوزراء العراقي إن بلاده لم تعد بحاجة إلى قوات قتالية أمريكية", "ar")]
    [InlineData("The Iraqi prime minister said his country no longer needs US combat troops", "en")]
    [InlineData("أعلن تنظيم ISIS مسؤوليته عن الهجوم على COVID-19 مستشفى", "ar")]
    [InlineData("The word داعش is Arabic for ISIS and appears in English reporting too", "en")]
    [InlineData("ﺩﺍﻋﺶ ﻻجئون", "ar")]
    public void when_the_letters_are_mostly_of_one_script(string text, string expected)
    {
        Assert.Equal(expected, LanguageDetector.Detect(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2021-07-26 12:00")]
    [InlineData("ok")]
    [InlineData("!!! ???")]
    [InlineData("ab جد")]
    public void when_there_are_too_few_letters_or_no_majority(string text)
    {
        Assert.Null(LanguageDetector.Detect(text));
    }
}
