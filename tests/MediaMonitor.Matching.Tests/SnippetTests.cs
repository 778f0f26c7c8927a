namespace MediaMonitor.Matching.Tests;

public class SnippetTests
{
    private const string Text =
        "Officials said the talks would resume next week in Washington. The withdrawal of all US troops " +
        "was announced on Monday after months of negotiations between the two governments and their allies.";

    [Fact]
    public void when_the_text_is_short_the_whole_text_is_the_snippet()
    {
        Assert.Equal("ISIS claimed the attack", Snippet.Around("ISIS claimed the attack", 0, 4));
    }

    [Fact]
    public void when_the_text_is_long_it_is_cut_at_word_boundaries_with_ellipses()
    {
        var start = Text.IndexOf("withdrawal", StringComparison.Ordinal);
        var snippet = Snippet.Around(Text, start, "withdrawal of all US troops".Length, context: 30);

        Assert.StartsWith("…", snippet);
        Assert.EndsWith("…", snippet);
        Assert.Contains("withdrawal of all US troops", snippet);
        var inner = snippet.Trim('…');
        Assert.False(char.IsWhiteSpace(inner[0]) || char.IsWhiteSpace(inner[^1]));
        foreach (var word in inner.Split(' ')) Assert.Contains(word, Text.Split(' '));
        Assert.InRange(inner.Length, "withdrawal of all US troops".Length, "withdrawal of all US troops".Length + 60);
    }

    [Fact]
    public void when_the_hit_is_at_the_start_or_end_only_the_other_side_is_cut()
    {
        var atStart = Snippet.Around(Text, 0, 9, context: 20);
        Assert.StartsWith("Officials", atStart);
        Assert.EndsWith("…", atStart);

        var lastWord = Text.LastIndexOf("allies", StringComparison.Ordinal);
        var atEnd = Snippet.Around(Text, lastWord, 6, context: 20);
        Assert.StartsWith("…", atEnd);
        Assert.EndsWith("allies.", atEnd);
    }

    [Fact]
    public void when_the_text_has_line_breaks_they_become_spaces()
    {
        const string text = "سطر أول\nوفيه داعش\r\n\nوسطر أخير";
        var snippet = Snippet.Around(text, text.IndexOf("داعش", StringComparison.Ordinal), 4);
        Assert.Equal("سطر أول وفيه داعش وسطر أخير", snippet);
    }

    [Fact]
    public void when_the_arguments_are_out_of_range_they_are_clamped()
    {
        Assert.Equal("short text", Snippet.Around("short text", -5, 1000));
        Assert.Equal("", Snippet.Around("", 0, 0));
    }

    [Theory]
    [InlineData("ab", 2, 0, 0)]
    [InlineData("ab", 5, 3, 0)]
    [InlineData("", 0, 0, 0)]
    [InlineData("ab", -3, 1, 0)]
    public void when_the_hit_lies_at_or_past_the_end_of_the_text_the_snippet_is_cut_there(string text, int start, int length, int context) =>
        Assert.True(Snippet.Around(text, start, length, context).Length <= text.Length + 2);
}
