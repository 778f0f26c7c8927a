using MediaMonitor.Matching.Tests.Support;

namespace MediaMonitor.Matching.Tests;

public class PhraseGapTests
{
    [Fact]
    public void when_one_word_is_inserted()
    {
        Assert.Equal(["انسحاب جميع القوات"], Watch.Found("انسحاب القوات", "وطالب البرلمان انسحاب جميع القوات الأجنبية"));
    }

    [Fact]
    public void when_two_words_are_inserted()
    {
        Assert.Equal(["withdrawal of all US troops"], Watch.Found("withdrawal of troops", "They demanded the withdrawal of all US troops by May"));
        Assert.Equal(["انسحاب جميع هذه القوات"], Watch.Found("انسحاب القوات", "وطالب البرلمان انسحاب جميع هذه القوات"));
    }

    [Fact]
    public void when_three_words_are_inserted_it_is_no_longer_the_phrase()
    {
        Assert.Empty(Watch.Found("withdrawal of troops", "They demanded the withdrawal of all the US troops by May"));
        Assert.Empty(Watch.Found("انسحاب القوات", "وطالب البرلمان انسحاب سريع لجميع هذه القوات"));
    }

    [Theory]
    [InlineData("rocket attack", "They fired rockets, then an attack followed", "rockets, then an attack")]
    [InlineData("election results", "He lost the election: results were contested", "election: results")]
    [InlineData("troop withdrawal", "He spoke of troops; withdrawal was near", "troops; withdrawal")]
    [InlineData("troop withdrawal", "More troops — withdrawal can wait", "troops — withdrawal")]
    [InlineData("تنظيم الدولة", "المباني ليست خاضعة للتنظيم، وبالتالي فإن الدولة لا تلعب أي دور", "للتنظيم، وبالتالي فإن الدولة")]
    [InlineData("انسحاب القوات", "وبدأ الانسحاب؛ القوات في طريقها", "الانسحاب؛ القوات")]
    public void when_a_comma_colon_semicolon_or_dash_falls_between_the_words_it_is_still_one_sentence(string phrase, string text, string expected)
    {
        // Spec: "the words in order within one sentence". A clause break is not a sentence break (v1 refused these).
        Assert.Equal([expected], Watch.Found(phrase, text));
    }

    [Fact]
    public void when_brackets_or_quotes_wrap_a_word_it_still_belongs_to_the_phrase()
    {
        Assert.Equal(["داعش) الإرهابي"], Watch.Found("داعش الإرهابي", "شبكة تنتمي إلى تنظيم (داعش) الإرهابي"));
        Assert.Equal(["Islamic State (IS) group"], Watch.Found("Islamic State group", "fighters of the Islamic State (IS) group"));
    }

    [Fact]
    public void when_the_words_come_in_another_order()
    {
        Assert.Empty(Watch.Found("انسحاب القوات", "وقالت القوات إن الانسحاب سيبدأ غدا"));
        Assert.Empty(Watch.Found("troop withdrawal", "The withdrawal of troops begins"));
    }

    [Theory]
    [InlineData("The talks failed. Withdrawal of the troops was postponed", true)]
    [InlineData("They announced a withdrawal.\nTroops stayed", false)]
    [InlineData("Was it a withdrawal? Troops stayed", false)]
    [InlineData("Was it a withdrawal! Troops stayed", false)]
    [InlineData("They announced a withdrawal. Troops stayed", false)]
    public void when_a_sentence_ends_between_the_words(string text, bool found)
    {
        Assert.Equal(found, Watch.Found("withdrawal troops", text).Length == 1);
    }

    [Fact]
    public void when_an_arabic_question_mark_ends_the_sentence()
    {
        Assert.Empty(Watch.Found("انسحاب القوات", "هل يبدأ الانسحاب؟ القوات باقية"));
    }

    [Fact]
    public void when_a_decimal_point_sits_between_the_words_it_ends_no_sentence()
    {
        Assert.Equal(["rose 3.5 percent"], Watch.Found("rose percent", "Prices rose 3.5 percent in May"));
        Assert.Equal(["3.5 million"], Watch.Found("3.5 million", "The fund raised 3.5 million dollars"));
    }

    [Fact]
    public void when_an_acronym_or_title_has_dots_they_end_no_sentence()
    {
        Assert.Equal(["withdrawal of U.S. troops"], Watch.Found("withdrawal of US troops", "He ordered the withdrawal of U.S. troops from Iraq"));
        Assert.Equal(["Mr. Brown"], Watch.Found("Mr Brown", "Mr. Brown said he would stand down"));
    }

    [Fact]
    public void when_the_phrase_is_quoted_its_words_must_be_adjacent()
    {
        Assert.Empty(Watch.Found("\"withdrawal of troops\"", "the withdrawal of all troops"));
        Assert.Equal(["withdrawal of troops"], Watch.Found("\"withdrawal of troops\"", "the withdrawal of troops"));
        Assert.Empty(Watch.Found("\"انسحاب القوات\"", "وطالب البرلمان انسحاب جميع القوات"));
        Assert.Equal(["لانسحاب القوات"], Watch.Found("“انسحاب القوات”", "ودعا لانسحاب القوات"));
    }

    [Fact]
    public void when_punctuation_but_no_word_sits_between_quoted_words()
    {
        Assert.Equal(["تنظيم «داعش"], Watch.Found("\"تنظيم داعش\"", "حذر من قيام تنظيم «داعش» باستهداف المدارس"));
    }

    [Fact]
    public void when_a_gapped_match_and_a_tight_match_overlap_the_tight_one_is_reported()
    {
        Assert.Equal(["air strike"], Watch.Found("air strike", "the air air strike"));
        Assert.Equal(["وهجمات الطائرات بدون طيار"],
            Watch.Found("هجمات الطائرات بدون طيار", "كما أدت الهجمات الصاروخية، وهجمات الطائرات بدون طيار إلى زيادة الضغط."));
    }
}
