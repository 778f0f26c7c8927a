using MediaMonitor.Matching.Tests.Support;

namespace MediaMonitor.Matching.Tests;

/// <summary>Function words that vary inside a phrase without changing its sense (see Engine/FunctionWords).</summary>
public class FunctionWordTests
{
    [Theory]
    [InlineData("أسقطت الدفاعات الجوية طائرات من دون طيار كانت تحلق فوق القاعدة", "طائرات من دون طيار")]
    [InlineData("أعلن الجيش إسقاط طائرة دون طيار قرب الحدود الشمالية", "طائرة دون طيار")]
    [InlineData("واستهدفت الطائرات بدون طيار مواقع التنظيم في الأنبار", "الطائرات بدون طيار")]
    [InlineData("وحلقت طائرة بلا طيار فوق المنطقة الخضراء طوال الليل", "طائرة بلا طيار")]
    public void every_form_of_without_matches_a_term_written_with_bidun(string text, string found)
    {
        Assert.Equal([found], Watch.Found("طائرة بدون طيار", text));
    }

    [Theory]
    [InlineData("طائرة من دون طيار")]
    [InlineData("طائرة دون طيار")]
    [InlineData("طائرة بلا طيار")]
    public void a_term_written_with_any_form_of_without_matches_the_others(string term)
    {
        Assert.Equal(["طائرة بدون طيار"], Watch.Found(term, "أسقطت الدفاعات طائرة بدون طيار فوق المدينة"));
        Assert.Equal(["طائرات من دون طيار"], Watch.Found(term, "أسقطت الدفاعات طائرات من دون طيار فوق المدينة"));
    }

    [Fact]
    public void with_a_pilot_is_not_without_one()
    {
        Assert.Empty(Watch.Found("طائرة بدون طيار", "هبطت طائرة مع طيار واحد في المطار العسكري"));
        Assert.Empty(Watch.Found("طائرة بدون طيار", "أقلعت طائرة بطيار من القاعدة"));
    }

    [Fact]
    public void against_and_on_stay_different_words()
    {
        Assert.Empty(Watch.Found("هجوم ضد القوات", "وقع هجوم على القوات الأمريكية في القاعدة"));
        Assert.Empty(Watch.Found("هجوم على القوات", "نفذوا هجوما ضد القوات الأمريكية"));
    }

    [Fact]
    public void min_is_dropped_only_before_without()
    {
        Assert.Empty(Watch.Found("انسحاب من العراق", "ناقش البرلمان ملف انسحاب القوات والعراق"));
        Assert.Equal(["انسحاب من العراق"], Watch.Found("انسحاب من العراق", "طالب النواب بالإسراع في انسحاب من العراق"));
    }

    [Fact]
    public void a_quoted_phrase_keeps_its_words_side_by_side()
    {
        Assert.Equal(["طائرة دون طيار"], Watch.Found("\"طائرة بدون طيار\"", "أعلن الجيش إسقاط طائرة دون طيار قرب الحدود"));
        Assert.Empty(Watch.Found("\"طائرة بدون طيار\"", "أعلن الجيش إسقاط طائرة من دون طيار قرب الحدود"));
    }

    [Theory]
    [InlineData("ceasefire", "The two sides agreed a cease-fire on Sunday", "cease-fire")]
    [InlineData("ceasefire", "The two sides agreed a cease fire on Sunday", "cease fire")]
    [InlineData("cease-fire", "The two sides agreed a ceasefire on Sunday", "ceasefire")]
    [InlineData("cease fire", "The two sides agreed a ceasefire on Sunday", "ceasefire")]
    public void cease_fire_is_one_word_however_it_is_written(string term, string text, string found)
    {
        Assert.Equal([found], Watch.Found(term, text));
    }

    [Theory]
    [InlineData("محمد بن سلمان", "استقبل ولي العهد محمد ابن سلمان الوفد العراقي", "محمد ابن سلمان")]
    [InlineData("محمد ابن سلمان", "استقبل ولي العهد الأمير محمد بن سلمان الوفد العراقي", "محمد بن سلمان")]
    public void son_of_with_and_without_its_alef_is_one_word(string term, string text, string found)
    {
        Assert.Equal([found], Watch.Found(term, text));
    }

    [Fact]
    public void son_of_is_not_daughter_of()
    {
        Assert.Empty(Watch.Found("بن سلمان", "التقى الوفد بالأميرة ريما بنت سلمان في الرياض"));
        Assert.Equal(["بن سلمان"], Watch.Found("ابن سلمان", "التقى الوفد بولي العهد بن سلمان في الرياض"));
    }

    [Theory]
    [InlineData("amid protests", "The vote went ahead amidst protests in Baghdad", "amidst protests")]
    [InlineData("amidst protests", "The vote went ahead amid protests in Baghdad", "amid protests")]
    [InlineData("among the dead", "Two officers were amongst the dead", "amongst the dead")]
    [InlineData("while talks continue", "Strikes went on whilst talks continue", "whilst talks continue")]
    [InlineData("march toward Mosul", "The army began its march towards Mosul", "march towards Mosul")]
    public void the_st_and_s_forms_of_an_english_function_word_are_one_word(string term, string text, string found)
    {
        Assert.Equal([found], Watch.Found(term, text));
    }

    [Fact]
    public void while_is_not_when()
    {
        Assert.Empty(Watch.Found("while talks continue", "Strikes went on when talks continue"));
    }
}
