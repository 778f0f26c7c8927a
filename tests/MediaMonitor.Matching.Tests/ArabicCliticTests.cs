using MediaMonitor.Matching.Tests.Support;

namespace MediaMonitor.Matching.Tests;

public class ArabicCliticTests
{
    [Fact]
    public void when_a_proclitic_is_glued_to_the_first_word()
    {
        Assert.Equal(["لانسحاب القوات الأمريكية"],
            Watch.Found("انسحاب القوات الأمريكية", "وواجه الكاظمي ضغوطا للإعلان عن جدول زمني لانسحاب القوات الأمريكية."));
    }

    [Fact]
    public void when_preposition_and_article_fuse_into_lil()
    {
        Assert.Equal(["للانسحاب"], Watch.Found("انسحاب", "لكن الكاظمي قال إن أي جدول زمني للانسحاب سيعتمد على احتياجات القوات"));
    }

    [Theory]
    [InlineData("بانسحاب")]
    [InlineData("فانسحاب")]
    [InlineData("وانسحاب")]
    [InlineData("والانسحاب")]
    [InlineData("بالانسحاب")]
    [InlineData("فبالانسحاب")]
    [InlineData("وللانسحاب")]
    [InlineData("كالانسحاب")]
    public void when_proclitics_combine(string word)
    {
        Assert.Equal([word + " القوات"], Watch.Found("انسحاب القوات", $"وطالب النواب {word} القوات من المدن"));
    }

    [Fact]
    public void when_a_conjunction_is_glued_to_the_first_word_and_the_article_to_the_next()
    {
        const string text = "كما أدت الهجمات الصاروخية المستمرة ، وهجمات الطائرات بدون طيار التي استهدفت الوجود العسكري";
        Assert.Equal(["وهجمات الطائرات بدون طيار"], Watch.Found("هجمات الطائرات بدون طيار", text));
        Assert.Equal(["الطائرات بدون طيار"], Watch.Found("طائرات بدون طيار", text));
    }

    [Fact]
    public void when_a_term_is_written_without_the_article_and_the_article_has_it()
    {
        Assert.Equal(["الهجمات الصاروخية"], Watch.Found("هجمات صاروخية", "ثقة الجمهور الى جنب الهجمات الصاروخية المستمرة"));
    }

    [Theory]
    [InlineData("لم تعد بحاجة إلى قوات لمحاربة داعش ، لكن", "داعش")]
    [InlineData("وقال إن الحرب ضد داعش وجاهزية قواتنا", "داعش")]
    [InlineData("في القتال المستمر ضد داعش ولإضفاء الطابع الرسمي", "داعش")]
    [InlineData("دعا فيه جبهة النصرة وداعش إلى ضبط النفس", "وداعش")]
    [InlineData("ولداعش خلايا نائمة في المنطقة", "ولداعش")]
    public void when_a_name_stands_alone_or_with_a_conjunction(string text, string expected)
    {
        Assert.Equal([expected], Watch.Found("داعش", text));
    }

    [Fact]
    public void when_the_preposition_bi_is_glued_to_a_foreign_word()
    {
        Assert.Equal(["بفيروس كورونا"],
            Watch.Found("فيروس كورونا", "وسط ارتفاع بفيروس كورونا حالات الإصابةإلى مقتل العشرات."));
    }

    [Fact]
    public void when_a_sentence_end_has_no_space_after_it()
    {
        const string text = "لكنهما لم يتوصلا إلى جدول زمني لاستكمال ذلك الانتقال.و في الاجتماع المرتقب في البيت الأبيض";
        Assert.Equal(["ذلك الانتقال"], Watch.Found("ذلك الانتقال", text));
        Assert.Equal(["في الاجتماع المرتقب"], Watch.Found("في الاجتماع المرتقب", text));
        Assert.Empty(Watch.Found("الانتقال في الاجتماع", text));
    }

    [Fact]
    public void when_two_words_are_glued_after_a_ta_marbuta()
    {
        Assert.Equal(["حالات الإصابة"], Watch.Found("حالات الإصابة", "وسط ارتفاع حالات الإصابةإلى مقتل العشرات"));
    }

    [Theory]
    [InlineData("وتطوير قدرات قواتنا", "قواتنا")]
    [InlineData("إن قواتهم انسحبت", "قواتهم")]
    [InlineData("ودعم قواتها في الشمال", "قواتها")]
    public void when_a_possessive_pronoun_is_glued_to_the_word(string text, string expected)
    {
        Assert.Equal([expected], Watch.Found("قوات", text));
    }

    [Fact]
    public void when_a_pronoun_turns_ta_marbuta_into_ta()
    {
        Assert.Equal(["حكومته"], Watch.Found("حكومة", "وقال إن حكومته لن تتراجع"));
        Assert.Equal(["حكومتي"], Watch.Found("حكومة", "وقال الرئيس: حكومتي لن تتراجع"));
    }

    [Fact]
    public void when_the_future_prefix_sa_precedes_a_verb()
    {
        Assert.Equal(["سينسحب"], Watch.Found("ينسحب", "وقال المتحدث إن الجيش سينسحب خلال أيام"));
    }

    [Theory]
    [InlineData("مال", "واستقبل الوزير كمال الجنزوري الوفد")]          // Kamal, not ka + mal
    [InlineData("مال", "وشارك السفير وكمال الجنزوري في اللقاء")]       // wa + Kamal, not wa + ka + mal
    [InlineData("الي", "وقال والي بغداد إن الوضع مستقر")]              // the governor, not wa + ila
    [InlineData("كن", "لكن الكاظمي قال إن أي جدول زمني سيعتمد")]      // lakin, not la + kun
    [InlineData("شار", "والتقى الرئيس بشار الأسد")]                    // Bashar, not bi + shar
    [InlineData("لاح", "وضبطت الشرطة سلاح الجريمة")]                   // sa is a future prefix only before a verb
    public void when_a_word_only_looks_like_a_clitic_plus_a_term(string phrase, string text)
    {
        Assert.Empty(Watch.Found(phrase, text));
    }

    [Fact]
    public void when_the_definite_article_combines_with_a_pronoun_it_is_not_read_that_way()
    {
        // ال and a possessive pronoun never go together: الحكومتهم is no word, so no reading strips both.
        Assert.Empty(Watch.Found("حكومة", "وقالت الحكومتهم"));
        Assert.Equal(["حكومتهم"], Watch.Found("حكومة", "وقالت حكومتهم"));
    }

    [Fact]
    public void when_a_three_letter_feminine_noun_takes_a_pronoun_its_ta_marbuta_becomes_ta()
    {
        // قوة + هم is written قوتهم: only its first two letters are those of the term word.
        Assert.Equal(["قوتهم"], Watch.Found("قوة", "وأكد أن قوتهم كبيرة"));
        Assert.Equal(["وقوتها"], Watch.Found("قوة", "وأشاد بالجيش وقوتها"));
    }
}
