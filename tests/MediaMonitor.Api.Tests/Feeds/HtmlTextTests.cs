using System.Diagnostics;
using System.Text;
using MediaMonitor.Feeds;

namespace MediaMonitor.Api.Tests.Feeds;

public sealed class HtmlTextTests
{
    [Fact]
    public void when_html_has_paragraphs_breaks_and_list_items_they_become_lines_with_blank_lines_between_paragraphs()
    {
        var text = HtmlText.ToText("<h1>Withdrawal</h1><p>The last   troops\n left.</p><p>Line one<br>line two</p><ul><li>Basra</li><li>Mosul</li></ul><div>End</div>");

        Assert.Equal("Withdrawal\n\nThe last troops left.\n\nLine one\nline two\n\nBasra\nMosul\n\nEnd", text);
    }

    [Fact]
    public void when_html_has_scripts_styles_and_embedded_objects_their_content_is_dropped()
    {
        var text = HtmlText.ToText("<style>p{color:red}</style><p>Visible</p><script>alert('x')</script><noscript>enable js</noscript>" +
                                   "<template><p>hidden</p></template><iframe>frame</iframe><object>obj</object><svg><text>svg</text></svg><p>Also</p>");

        Assert.Equal("Visible\n\nAlso", text);
    }

    [Fact]
    public void when_html_has_entities_they_are_decoded()
    {
        Assert.Equal("A & B ا < >", HtmlText.ToText("A &amp; B&nbsp;&#1575; &lt; &gt;"));
    }

    [Fact]
    public void when_arabic_text_with_diacritics_is_converted_it_is_kept_character_for_character()
    {
        const string arabic = "بِسْمِ اللَّهِ، أعلنت الحكومة انسحاب القوات الأمريكية من العراق (٢٠١١).";

        Assert.Equal(arabic, HtmlText.ToText($"<p dir=\"rtl\"><span>{arabic}</span></p>"));
    }

    [Fact]
    public void when_table_cells_follow_each_other_they_are_spaced_and_rows_are_lines()
    {
        Assert.Equal("Basra 3\nMosul 5", HtmlText.ToText("<table><tr><td>Basra</td><td>3</td></tr><tr><td>Mosul</td><td>5</td></tr></table>"));
    }

    [Fact]
    public void when_the_text_is_longer_than_the_limit_it_is_cut_at_a_word_boundary()
    {
        var text = HtmlText.ToText("<p>alpha beta gamma delta</p>", maxLength: 13);

        Assert.Equal("alpha beta", text);
    }

    [Fact]
    public void when_one_word_is_longer_than_the_limit_it_is_cut_at_the_limit()
    {
        Assert.Equal("abcdefghij", HtmlText.ToText("abcdefghijklmnop", maxLength: 10));
    }

    [Fact]
    public void when_100000_elements_are_nested_the_text_comes_out_without_overflowing_the_stack()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 100_000)) + "deep" + string.Concat(Enumerable.Repeat("</div>", 100_000));
        var clock = Stopwatch.StartNew();

        var text = HtmlText.ToText(html);

        Assert.Equal("deep", text);
        Assert.True(clock.Elapsed < Limits.Hang, $"took {clock.Elapsed}");
    }

    [Fact]
    public void when_100000_inline_elements_are_nested_the_text_comes_out()
    {
        var html = string.Concat(Enumerable.Repeat("<span>", 100_000)) + "inline";

        Assert.Equal("inline", HtmlText.ToText(html));
    }

    [Fact]
    public void when_a_huge_run_of_entities_comes_the_input_and_output_are_capped()
    {
        var html = new StringBuilder().Insert(0, "&amp; ", 1_000_000).ToString();
        var clock = Stopwatch.StartNew();

        var text = HtmlText.ToText(html, maxLength: 1_000);

        Assert.True(text.Length <= 1_000, $"{text.Length} characters");
        Assert.True(text.Length >= 990, $"{text.Length} characters");
        Assert.StartsWith("& & &", text);
        Assert.True(clock.Elapsed < Limits.Hang, $"took {clock.Elapsed}");
    }

    [Fact]
    public void when_the_input_is_a_whole_page_only_the_body_text_comes_out()
    {
        Assert.Equal("Body", HtmlText.ToText("<html><head><title>Title</title><meta charset=utf-8></head><body>Body</body></html>"));
    }
}
