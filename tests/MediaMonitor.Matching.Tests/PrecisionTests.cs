using MediaMonitor.Matching.Tests.Support;

namespace MediaMonitor.Matching.Tests;

/// <summary>Things that look alike to a loose matcher and must not match.</summary>
public class PrecisionTests
{
    [Fact]
    public void when_a_vote_of_no_confidence_shares_a_word_with_troop_withdrawal()
    {
        Assert.Empty(Watch.Found("سحب الثقة", "كان أوباما قد سحب القوات الأمريكية بالكامل من العراق"));
        Assert.Empty(Watch.Found("سحب القوات", "وصوت البرلمان على سحب الثقة من الحكومة"));
        Assert.Equal(["سحب الثقة"], Watch.Found("سحب الثقة", "وصوت البرلمان على سحب الثقة من الحكومة"));
    }

    [Fact]
    public void when_a_tv_channel_shares_a_word_with_a_drone_phrase()
    {
        Assert.Empty(Watch.Found("طائرة مسيرة", "وقالت قناة المسيرة التابعة للحوثيين إن الهجوم فشل"));
        Assert.Empty(Watch.Found("الطائرات المسيرة", "وقالت قناة المسيرة التابعة للحوثيين إن الهجوم فشل"));
    }

    [Fact]
    public void when_a_one_word_term_is_itself_ambiguous_it_matches_its_other_sense_too()
    {
        // Known limit, not a bug: مسيرة alone is a drone, a march and a TV channel. Watch "طائرة مسيرة" instead.
        Assert.Equal(["المسيرة"], Watch.Found("مسيرة", "وقالت قناة المسيرة التابعة للحوثيين إن الهجوم فشل"));
    }

    [Fact]
    public void when_islamic_countries_look_like_the_islamic_state()
    {
        Assert.Empty(Watch.Found("الدولة الإسلامية", "واجتمع وزراء خارجية الدول الإسلامية في جدة"));
        Assert.Equal(["الدولة الإسلامية"], Watch.Found("الدولة الإسلامية", "وأعلن تنظيم الدولة الإسلامية مسؤوليته"));
    }

    [Fact]
    public void when_a_one_word_term_has_the_article_the_word_without_it_matches_too()
    {
        // Spec: definiteness is an allowed variation, for one-word terms too (v1 asked القاعدة for the article in the text).
        // The price: القاعدة (al-Qaeda) also finds قاعدة (a base); watch "تنظيم القاعدة" for the organisation alone.
        Assert.Equal(["قاعدة"], Watch.Found("القاعدة", "وسقطت قذائف على قاعدة عسكرية قرب بغداد"));
        Assert.Equal(["القاعدة"], Watch.Found("القاعدة", "وأعلن تنظيم القاعدة مسؤوليته"));
        Assert.Equal(["بالقاعدة"], Watch.Found("القاعدة", "ويشتبه في صلته بالقاعدة"));
        Assert.Equal(["انتخابات"], Watch.Found("الانتخابات", "وجرت انتخابات بلدية في المدينة"));
        Assert.Equal(["الانتخابات"], Watch.Found("انتخابات", "وجرت الانتخابات في موعدها"));
    }

    [Fact]
    public void when_electoral_is_not_election()
    {
        Assert.Empty(Watch.Found("election", "The electoral commission published the rules"));
        Assert.Empty(Watch.Found("الانتخابات", "وأعلنت اللجنة الانتخابية النتائج"));
    }

    [Fact]
    public void when_a_term_word_is_only_a_substring_of_an_article_word()
    {
        Assert.Empty(Watch.Found("war", "Both sides were warned of reprisals"));
        Assert.Empty(Watch.Found("حرب", "وأكد حربي أن الطريق مغلق"));
    }

    [Theory]
    [InlineData("ISIS", "The question is is it over")]            // a word written in two must be five letters or more
    [InlineData("wear", "You know we are ready")]                 // the pieces together must be the word or an inflection
    [InlineData("across", "He drew a cross on the map")]          // a one-letter first piece only with a hyphen (e-mail)
    public void when_two_article_words_only_look_like_a_term_word_written_apart(string phrase, string text)
    {
        Assert.Empty(Watch.Found(phrase, text));
    }

    [Theory]
    [InlineData("email", "Send an e-mail today", "e-mail")]
    [InlineData("lockdown", "The lock down was lifted", "lock down")]
    [InlineData("ceasefire", "The cease-fires held", "cease-fires")]
    public void when_a_compound_term_word_is_written_in_two_pieces(string phrase, string text, string expected)
    {
        Assert.Equal([expected], Watch.Found(phrase, text));
    }
}
