using MediaMonitor.Infrastructure;

namespace MediaMonitor.Api.Tests.Infrastructure;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("plain text")]
    [InlineData("emoji \U0001F600 ok")]
    [InlineData("tab\tlines\r\nvertical\u000Bform\u000Cfeed")]
    [InlineData("أعلن الجيش \u200F انسحاب القوات")]
    [InlineData("mojibake \u0080 \u0099 \u009D from Windows-1252")]
    [InlineData("private use \uE000 and unassigned \u0378")]
    [InlineData("just below the noncharacters \uFDCF and above \uFDF0, \uFFFD")]
    public void when_text_holds_only_acceptable_characters_it_passes(string text) =>
        Assert.Null(TextRules.Problem(text));

    [Theory]
    [InlineData("nul \0 here", 4, "U+0000, NUL")]
    [InlineData("bell \u0007", 5, "U+0007, a control character")]
    [InlineData("escape \u001B[31m", 7, "U+001B, a control character")]
    [InlineData("delete \u007F", 7, "U+007F, a control character")]
    [InlineData("x\uFFFEy", 1, "U+FFFE, a Unicode noncharacter")]
    [InlineData("x\uFFFF", 1, "U+FFFF, a Unicode noncharacter")]
    [InlineData("\uFDD0", 0, "U+FDD0, a Unicode noncharacter")]
    [InlineData("\uFDEF end", 0, "U+FDEF, a Unicode noncharacter")]
    [InlineData("plane one \U0001FFFE", 10, "U+1FFFE, a Unicode noncharacter")]
    [InlineData("plane sixteen \U0010FFFF", 14, "U+10FFFF, a Unicode noncharacter")]
    [InlineData("\U0001F600\U0001F601 x\u0001", 6, "U+0001, a control character")]
    [InlineData("\U0001F600\U0002FFFE", 2, "U+2FFFE, a Unicode noncharacter")]
    public void when_text_holds_a_refused_character_the_problem_names_it_and_where(string text, int at, string what)
    {
        Assert.Equal(at, TextRules.FirstRefused(text));
        Assert.StartsWith($"Character {at} is {what}:", TextRules.Problem(text));
    }

    // Built in code: xunit's theory data would replace a lone surrogate before the test sees it.
    [Fact]
    public void when_text_holds_an_unpaired_surrogate_it_is_refused()
    {
        Assert.Equal(5, TextRules.FirstRefused("lone " + (char)0xD800 + " high"));
        Assert.Equal(5, TextRules.FirstRefused("lone " + (char)0xDC00 + " low"));
        Assert.Equal(15, TextRules.FirstRefused("ends with high " + (char)0xD83D));
        Assert.Equal(2, TextRules.FirstRefused("\U0001F600" + (char)0xD800));
        Assert.Equal(4, TextRules.FirstRefused("\U0001F600\U0001F601" + (char)0xDC00 + "\U0001F600"));
        Assert.Contains("an unpaired UTF-16 surrogate", TextRules.Problem("" + (char)0xDC00 + (char)0xD800));
    }

    [Fact]
    public void when_a_long_text_is_clean_but_for_its_last_character_that_character_is_found()
    {
        var text = new string('ا', 400_000) + "\U0001F600" + new string('b', 99_997) + "\uFFFE";

        Assert.Equal(text.Length - 1, TextRules.FirstRefused(text));
    }

    [Fact]
    public void when_a_field_is_checked_its_problem_is_filed_under_its_name()
    {
        var errors = new ValidationErrors();

        Assert.True(TextRules.Check("title", null, errors));
        Assert.True(TextRules.Check("title", "fine", errors));
        Assert.False(TextRules.Check("body", "x\uFFFE", errors));

        Assert.Equal(["body"], errors.ToDictionary().Keys);
    }
}
