using MediaMonitor.Matching.Analysis;
using MediaMonitor.Matching.Tests.Support;

namespace MediaMonitor.Matching.Tests;

/// <summary>The curated broken-plural lexicon (<see cref="ArabicLexicon"/>): every form of a group finds every other.</summary>
public class LexiconTests
{
    public static TheoryData<string> Groups()
    {
        var data = new TheoryData<string>();
        foreach (var singular in ArabicLexicon.GroupByForm.Values.Select(g => g.Singular).Distinct()) data.Add(singular);
        return data;
    }

    [Theory]
    [MemberData(nameof(Groups))]
    public void when_a_term_is_any_form_of_a_group_the_other_forms_match_with_clitics(string singular)
    {
        var group = ArabicLexicon.GroupByForm[CharFolding.FoldKey(singular)];
        foreach (var term in group.FoldedForms)
        {
            var matcher = Watch.Phrases(term);
            foreach (var form in group.FoldedForms)
            {
                var text = $"وقال المتحدث إن وال{form} كانت هناك";
                Assert.True(matcher.Match(new ArticleText(null, text)).Count == 1, $"term {term} should find وال{form}");
            }
        }
    }

    [Theory]
    [InlineData("قذيفة", "وسقطت قذائف الهاون على الحي", "قذائف")]
    [InlineData("رهينة", "وأفرج الخاطفون عن الرهائن", "الرهائن")]
    [InlineData("جدول زمني", "ووضعت الحكومة جداول زمنية للانسحاب", "جداول زمنية")]
    [InlineData("خلية إرهابية", "وفككت الشرطة خلايا إرهابية", "خلايا إرهابية")]
    [InlineData("حادث", "وتكررت حوادث السير", "حوادث")]
    [InlineData("حادثة", "ووقع حادث مروع", "حادث")]
    public void when_a_broken_plural_of_the_lexicon_is_in_a_sentence(string phrase, string text, string expected)
    {
        Assert.Equal([expected], Watch.Found(phrase, text));
    }

    [Theory]
    [InlineData("فرقة", "وأشار إلى فرق كبير في الأسعار")]     // فرق is also "a difference": not paired
    [InlineData("مدفع", "وقال المدافع عن حقوق الإنسان")]       // مدافع is also "a defender": not paired
    [InlineData("دولة", "واجتمعت الدول المانحة")]             // دول is also "countries": not paired
    public void when_a_plural_has_a_second_sense_it_is_left_out_of_the_lexicon(string phrase, string text)
    {
        Assert.Empty(Watch.Found(phrase, text));
    }
}
