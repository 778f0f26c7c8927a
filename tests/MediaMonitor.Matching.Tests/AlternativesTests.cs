using MediaMonitor.Matching.Tests.Support;

namespace MediaMonitor.Matching.Tests;

/// <summary>A watchlist adds its own variants: <c>|</c> separates alternatives for one word of a phrase.</summary>
public class AlternativesTests
{
    [Theory]
    [InlineData("هجوم|هجمة صاروخي", "وتعرضت القاعدة لهجمة صاروخية ليلا", "لهجمة صاروخية")]
    [InlineData("هجوم|هجمة صاروخي", "وقتل جنديان في هجوم صاروخي", "هجوم صاروخي")]
    [InlineData("هجوم | هجمة صاروخي", "وتعرضت القاعدة لهجمة صاروخية ليلا", "لهجمة صاروخية")]
    [InlineData("defence|defense ministry", "The Defense Ministry said", "Defense Ministry")]
    [InlineData("drone|UAV strike", "A UAV strike killed two", "UAV strike")]
    [InlineData("drone|UAV strike", "Drone strikes killed two", "Drone strikes")]
    public void when_a_word_lists_alternatives_each_one_matches(string phrase, string text, string expected)
    {
        Assert.Equal([expected], Watch.Found(phrase, text));
    }

    [Fact]
    public void when_an_alternative_is_several_words_once_analysed()
    {
        Assert.Equal(["Covid 19"], Watch.Found("COVID-19|كورونا", "Covid 19 cases rose again"));
        Assert.Equal(["كورونا"], Watch.Found("COVID-19|كورونا", "وارتفعت إصابات كورونا مجددا"));
        Assert.Equal(["بفيروس كورونا"], Watch.Found("فيروس COVID-19|كورونا", "وارتفعت الإصابات بفيروس كورونا مجددا"));
    }

    [Fact]
    public void when_alternatives_are_given_the_alternatives_get_the_usual_inflections_and_clitics()
    {
        // An irregular form the lexicon lacks, added by the watchlist: نازح → نازحون is regular, but مهجّر|مهاجر is a choice.
        Assert.Equal(["والمهاجرين"], Watch.Found("مهجر|مهاجر", "ووصل عدد النازحين والمهاجرين إلى الآلاف"));
    }

    [Fact]
    public void when_a_phrase_with_alternatives_is_quoted_its_words_must_still_be_adjacent()
    {
        Assert.Empty(Watch.Found("\"هجوم|هجمة صاروخي\"", "وتعرضت القاعدة لهجمة عنيفة صاروخية"));
        Assert.Equal(["لهجمة صاروخية"], Watch.Found("\"هجوم|هجمة صاروخي\"", "وتعرضت القاعدة لهجمة صاروخية"));
    }

    [Fact]
    public void when_the_hit_names_the_term_it_is_the_phrase_as_written()
    {
        var hit = Assert.Single(Watch.Hits("هجوم|هجمة صاروخي", "وتعرضت القاعدة لهجمة صاروخية"));
        Assert.Equal("هجوم|هجمة صاروخي", hit.Term);
    }

    [Theory]
    [InlineData("a|b|c|d e|f|g|h i|j|k")]   // 4 × 4 × 3 = 48 combinations
    public void when_alternatives_combine_into_too_many_phrases_the_term_is_refused(string phrase)
    {
        Assert.Contains("alternatives", TermRules.Validate(new TermDefinition(phrase)));
    }

    [Theory]
    [InlineData("هجوم|")]
    [InlineData("|هجوم")]
    [InlineData("هجوم||هجمة")]
    public void when_an_alternative_is_empty_it_is_ignored(string phrase)
    {
        Assert.Null(TermRules.Validate(new TermDefinition(phrase)));
        Assert.Equal(["هجوم"], Watch.Found(phrase, "وشن المسلحون هجوم على الحاجز"));
    }

    [Fact]
    public void when_only_bars_are_left_there_is_no_word()
    {
        Assert.Contains("no letters", TermRules.Validate(new TermDefinition("| |")));
    }
}
