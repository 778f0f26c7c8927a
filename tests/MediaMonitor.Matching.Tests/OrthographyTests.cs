using MediaMonitor.Matching.Tests.Support;

namespace MediaMonitor.Matching.Tests;

public class OrthographyTests
{
    [Theory]
    [InlineData("القوات الامريكية", "ولم يعلن عن موعد نهائي لرحيل القوات الأمريكية من البلاد", "القوات الأمريكية")]
    [InlineData("إعادة انتشار القوات", "وقال إن اعادة انتشار القوات ستعتمد على المحادثات", "اعادة انتشار القوات")]
    [InlineData("آلاف الجنود", "ونشرت الولايات المتحدة الاف الجنود في المنطقة", "الاف الجنود")]
    [InlineData("انسحاب القوات", "وأكدت الحكومة بدء ٱنسحاب القوات من المدينة", "ٱنسحاب القوات")]
    public void when_hamza_and_alef_forms_differ(string phrase, string text, string expected)
    {
        Assert.Equal([expected], Watch.Found(phrase, text));
    }

    [Fact]
    public void when_ta_marbuta_is_written_as_heh()
    {
        Assert.Equal(["المرحله الانتقاليه"], Watch.Found("المرحلة الانتقالية", "وتحدث الرئيس عن المرحله الانتقاليه في البلاد"));
    }

    [Fact]
    public void when_alef_maqsura_is_written_as_yeh()
    {
        Assert.Equal(["مستشفي الحسين"], Watch.Found("مستشفى الحسين", "اندلع حريق في مستشفي الحسين بمدينة الناصرية"));
    }

    [Fact]
    public void when_the_hamza_of_waw_and_yeh_is_written_on_another_seat()
    {
        Assert.Equal(["مسئول أمني"], Watch.Found("مسؤول أمني", "وقال مسئول أمني إن الهجوم وقع فجرا"));
        Assert.Equal(["حالة الطوارىء"], Watch.Found("حالة الطوارئ", "وأعلنت الحكومة حالة الطوارىء في المحافظة"));
    }

    [Fact]
    public void when_yeh_with_hamza_is_folded_it_does_not_become_a_common_word()
    {
        // ئ→ي would make فئة (category) the word فيه (in it).
        Assert.Empty(Watch.Found("فئة الشباب", "وقال إن المشروع يشارك فيه الشباب من كل المحافظات"));
        Assert.Equal(["فئة الشباب"], Watch.Found("فئة الشباب", "ويستهدف البرنامج فئة الشباب في المدن"));
    }

    [Fact]
    public void when_the_article_carries_tashkeel()
    {
        const string text = "وَأَعْلَنَ الجَيْشُ انْسِحَابَ القُوَّاتِ مِنَ المَدِينَةِ";
        Assert.Equal(["انْسِحَابَ القُوَّاتِ"], Watch.Found("انسحاب القوات", text));
    }

    [Fact]
    public void when_the_term_carries_tashkeel()
    {
        Assert.Equal(["انسحاب القوات"], Watch.Found("انْسِحَابُ القُوَّات", "وأعلن الجيش انسحاب القوات من المدينة"));
    }

    [Fact]
    public void when_the_article_stretches_words_with_tatweel()
    {
        Assert.Equal(["داعـــش"], Watch.Found("داعش", "وأعلن تنظيم داعـــش مسؤوليته عن الهجوم"));
    }

    [Fact]
    public void when_the_article_uses_arabic_presentation_forms()
    {
        // ﺩﺍﻋﺶ and the lam-alef ligature ﻻ, as some old encoders and PDFs produce them.
        const string text = "وأعلن تنظيم \uFEA9\uFE8D\uFECB\uFEB6 مسؤوليته، وفر آلاف \uFEFBجئين";
        Assert.Equal(["\uFEA9\uFE8D\uFECB\uFEB6"], Watch.Found("داعش", text));
        Assert.Equal(["\uFEFBجئين"], Watch.Found("لاجئين", text));
    }

    [Theory]
    [InlineData("ISLAMIC STATE fighters")]
    [InlineData("islamic state fighters")]
    [InlineData("Islamic State fighters")]
    public void when_english_case_differs(string text)
    {
        Assert.Single(Watch.Found("Islamic State", text));
    }

    [Fact]
    public void when_the_article_writes_arabic_indic_digits()
    {
        Assert.Equal(["كوفيد-١٩"], Watch.Found("كوفيد-19", "ارتفاع الإصابات بفيروس كوفيد-١٩ في العراق"));
        Assert.Equal(["٢٥٠٠ جندي"], Watch.Found("2500 جندي", "ويبلغ عدد القوات ٢٥٠٠ جندي"));
    }

    [Theory]
    [InlineData("air strike", "The air strike hit a market", "air strike")]
    [InlineData("air strike", "The air-strike hit a market", "air-strike")]
    [InlineData("air strike", "The airstrike hit a market", "airstrike")]
    [InlineData("airstrike", "The air strike hit a market", "air strike")]
    [InlineData("airstrike", "The air-strikes hit a market", "air-strikes")]
    [InlineData("air-strike", "Two airstrikes hit a market", "airstrikes")]
    public void when_an_english_compound_is_spaced_hyphenated_or_joined(string phrase, string text, string expected)
    {
        Assert.Equal([expected], Watch.Found(phrase, text));
    }

    [Theory]
    [InlineData("COVID-19 cases rose again", "COVID-19")]
    [InlineData("Covid 19 cases rose again", "Covid 19")]
    [InlineData("covid19 cases rose again", "covid19")]
    [InlineData("COVID‑19 cases rose again", "COVID‑19")]
    public void when_a_name_with_a_number_is_written_several_ways(string text, string expected)
    {
        Assert.Equal([expected], Watch.Found("COVID-19", text));
        Assert.Equal([expected], Watch.Found("covid19", text));
    }

    [Fact]
    public void when_latin_letters_carry_accents()
    {
        Assert.Equal(["Café Müller"], Watch.Found("cafe muller", "A new play opened at Café Müller last night"));
    }

    [Theory]
    [InlineData("organisation", "The organization said", "organization")]
    [InlineData("organization", "Aid organisations warned", "organisations")]
    [InlineData("defense minister", "The Defence Minister resigned", "Defence Minister")]
    [InlineData("defence", "The defense of the city", "defense")]
    [InlineData("programme", "A vaccination program began", "program")]
    [InlineData("program", "Two programmes were cut", "programmes")]
    [InlineData("centre", "The Center for Disease Control", "Center")]
    [InlineData("center", "The city centre was closed", "centre")]
    [InlineData("rumor", "Rumours spread quickly", "Rumours")]
    [InlineData("labour party", "The Labor Party won", "Labor Party")]
    [InlineData("criticize", "Ministers criticised the plan", "criticised")]
    [InlineData("travel ban", "A travelling ban was lifted", "travelling ban")]
    [InlineData("pediatric", "The paediatric ward", "paediatric")]
    [InlineData("grey zone", "In a gray zone", "gray zone")]
    public void when_british_and_american_spellings_differ(string phrase, string text, string expected)
    {
        Assert.Equal([expected], Watch.Found(phrase, text));
    }

    [Theory]
    [InlineData("tire", "The tyre burst")]          // tire is also "get tired": no pair on purpose
    [InlineData("story", "A ten-storey building")]
    public void when_the_other_spelling_is_another_word_it_is_not_paired(string phrase, string text)
    {
        Assert.Empty(Watch.Found(phrase, text));
    }
}
