using MediaMonitor.Matching.Tests.Support;

namespace MediaMonitor.Matching.Tests;

/// <summary>Start and Length index the original text, whatever normalisation matching went through.</summary>
public class HitOffsetTests
{
    [Fact]
    public void when_the_hit_is_plain_text()
    {
        const string text = "قال رئيس الوزراء العراقي إن بلاده لم تعد بحاجة إلى قوات قتالية أمريكية لمحاربة داعش ، لكن";
        var hit = Assert.Single(Watch.Hits("داعش", text));
        Assert.Equal(text.IndexOf("داعش", StringComparison.Ordinal), hit.Start);
        Assert.Equal(4, hit.Length);
        Assert.Equal("داعش", text.Substring(hit.Start, hit.Length));
        Assert.Equal(ArticleField.Body, hit.Field);
        Assert.Equal("داعش", hit.Term);
    }

    [Fact]
    public void when_the_original_has_diacritics_and_tatweel_they_are_inside_the_hit()
    {
        const string text = "وَطَالَبَ النُّوَّابُ لِانْسِحَابِ القُـــوَّاتِ الأَمْرِيكِيَّةِ فَوْرًا";
        var hit = Assert.Single(Watch.Hits("انسحاب القوات الأمريكية", text));
        Assert.Equal("لِانْسِحَابِ القُـــوَّاتِ الأَمْرِيكِيَّةِ", text.Substring(hit.Start, hit.Length));
        Assert.Equal(hit.Text, text.Substring(hit.Start, hit.Length));
    }

    [Fact]
    public void when_presentation_forms_change_length_under_normalisation()
    {
        // ﻻ is one character that normalises to two (لا): offsets must still count the original characters.
        const string text = "\uFEFBجئون \uFEFBجئون ثم داعش";
        var hit = Assert.Single(Watch.Hits("داعش", text));
        Assert.Equal(text.Length - 4, hit.Start);
    }

    [Fact]
    public void when_characters_outside_the_basic_plane_precede_the_hit()
    {
        const string text = "🔴🔴 عاجل: داعش يتبنى الهجوم";
        var hit = Assert.Single(Watch.Hits("داعش", text));
        Assert.Equal(text.IndexOf("داعش", StringComparison.Ordinal), hit.Start);
    }

    [Fact]
    public void when_the_hit_is_in_the_title()
    {
        var hits = Watch.Hits("rocket attack", "Officials said no one was hurt in the rocket attack.", "Rocket attack on Baghdad airport");
        Assert.Equal(2, hits.Count);
        Assert.Equal((ArticleField.Title, 0, "Rocket attack"), (hits[0].Field, hits[0].Start, hits[0].Text));
        Assert.Equal(ArticleField.Body, hits[1].Field);
        Assert.Equal("rocket attack", hits[1].Text);
    }

    [Fact]
    public void when_a_phrase_has_a_gap_the_hit_covers_the_inserted_words()
    {
        const string text = "They demanded the withdrawal of all US troops by May";
        var hit = Assert.Single(Watch.Hits("withdrawal of troops", text));
        Assert.Equal("withdrawal of all US troops", hit.Text);
        Assert.Equal(text.IndexOf("withdrawal", StringComparison.Ordinal), hit.Start);
    }

    [Fact]
    public void when_a_word_is_glued_the_hit_stops_at_the_glue()
    {
        const string text = "لاستكمال ذلك الانتقال.و في الاجتماع";
        var hit = Assert.Single(Watch.Hits("الانتقال", text));
        Assert.Equal("الانتقال", hit.Text);
    }

    [Fact]
    public void when_the_same_phrase_occurs_twice_each_occurrence_is_a_hit()
    {
        const string text = "ضد داعش. وأعلن داعش مسؤوليته";
        var hits = Watch.Hits("داعش", text);
        Assert.Equal(2, hits.Count);
        Assert.True(hits[0].Start < hits[1].Start);
        Assert.Equal(text.LastIndexOf("داعش", StringComparison.Ordinal), hits[1].Start);
    }
}
