namespace MediaMonitor.Matching.Tests;

public class TermRulesTests
{
    [Theory]
    [InlineData("انسحاب القوات", "ar")]
    [InlineData("troop withdrawal", "en")]
    [InlineData("COVID-19", null)]
    [InlineData("COVID-19", "ar")]
    [InlineData("\"withdrawal of troops\"", "en")]
    [InlineData("داعش", null)]
    [InlineData("سوتشي و", "ar")]
    public void when_a_term_is_fine_there_is_no_reason(string phrase, string? lang)
    {
        Assert.Null(TermRules.Validate(new TermDefinition(phrase, lang)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void when_the_phrase_is_empty(string phrase)
    {
        Assert.Contains("empty", TermRules.Validate(new TermDefinition(phrase)));
    }

    [Fact]
    public void when_the_phrase_is_too_long()
    {
        var reason = TermRules.Validate(new TermDefinition(new string('a', TermRules.MaxPhraseLength + 1)));
        Assert.Contains(TermRules.MaxPhraseLength.ToString(), reason);
        Assert.Null(TermRules.Validate(new TermDefinition(new string('a', TermRules.MaxPhraseLength))));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("AR")]
    [InlineData("")]
    [InlineData("arabic")]
    public void when_the_language_is_not_ar_en_or_empty(string lang)
    {
        Assert.Contains("language", TermRules.Validate(new TermDefinition("داعش", lang)));
    }

    [Theory]
    [InlineData("!!! ... ???")]
    [InlineData("ـــــ")]
    [InlineData("\u064E\u064F\u0650")]
    public void when_no_word_is_left_after_normalisation(string phrase)
    {
        Assert.Contains("no letters or digits", TermRules.Validate(new TermDefinition(phrase)));
    }

    [Fact]
    public void when_the_phrase_has_too_many_words()
    {
        var nine = "one two three four five six seven eight nine";
        Assert.Contains($"limit is {TermRules.MaxWordsPerPhrase}", TermRules.Validate(new TermDefinition(nine)));
        Assert.Null(TermRules.Validate(new TermDefinition("one two three four five six seven eight")));
    }

    [Theory]
    [InlineData("و")]
    [InlineData("a")]
    public void when_a_one_word_phrase_is_a_single_letter(string phrase)
    {
        Assert.Contains("two letters", TermRules.Validate(new TermDefinition(phrase)));
    }

    [Theory]
    [InlineData("withdrawal \"of\" troops")]
    [InlineData("\"withdrawal of troops")]
    public void when_quotes_do_not_wrap_the_whole_phrase(string phrase)
    {
        Assert.Contains("quotes", TermRules.Validate(new TermDefinition(phrase)));
    }
}
