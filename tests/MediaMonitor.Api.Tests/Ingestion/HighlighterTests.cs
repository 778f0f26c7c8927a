using MediaMonitor.Ingestion;

namespace MediaMonitor.Api.Tests.Ingestion;

public sealed class HighlighterTests
{
    [Fact]
    public void when_text_has_markup_it_is_escaped_around_the_marks() =>
        Assert.Equal("a &lt;b&gt; <mark>rocket</mark> &amp; c", Highlighter.Mark("a <b> rocket & c", [(6, 6)]));

    [Fact]
    public void when_ranges_overlap_they_become_one_mark() =>
        Assert.Equal("<mark>rocket attack</mark> now", Highlighter.Mark("rocket attack now", [(7, 6), (0, 10)]));

    [Fact]
    public void when_a_range_falls_outside_the_text_it_is_ignored() =>
        Assert.Equal("short", Highlighter.Mark("short", [(3, 10), (-1, 2)]));

    [Fact]
    public void when_arabic_text_is_marked_the_mark_wraps_the_original_characters() =>
        Assert.Equal("ضد <mark>داعش</mark> .", Highlighter.Mark("ضد داعش .", [(3, 4)]));
}
