using MediaMonitor.Infrastructure;
using MediaMonitor.Ingestion;

namespace MediaMonitor.Api.Tests.Ingestion;

public sealed class ArticleIntakeTests
{
    [Theory]
    [InlineData("https://News.Example.org/a/b/", "https://news.example.org/a/b")]
    [InlineData("https://news.example.org:443/a?id=1&utm_source=x&utm_medium=y#frag", "https://news.example.org/a?id=1")]
    [InlineData("http://news.example.org:8080/", "http://news.example.org:8080")]
    public void when_urls_differ_only_in_form_they_have_the_same_key(string url, string key) =>
        Assert.Equal(key, ArticleIntake.UrlKey(url));

    [Fact]
    public void when_the_query_differs_the_urls_are_different_articles() =>
        Assert.NotEqual(ArticleIntake.UrlKey("https://x.org/a?id=1"), ArticleIntake.UrlKey("https://x.org/a?id=2"));

    [Theory]
    [InlineData("plain text", true)]
    [InlineData("emoji \U0001F600 ok", true)]
    [InlineData("nul \0 here", false)]
    public void when_text_holds_characters_postgres_cannot_store_it_is_refused(string text, bool storable) =>
        Assert.Equal(storable, StorableText.IsStorable(text));

    // Built in code: xunit's theory data would replace a lone surrogate before the test sees it.
    [Fact]
    public void when_text_holds_an_unpaired_surrogate_it_is_refused()
    {
        Assert.False(StorableText.IsStorable("lone " + (char)0xD800 + " high"));
        Assert.False(StorableText.IsStorable("lone " + (char)0xDC00 + " low"));
        Assert.False(StorableText.IsStorable("ends with high " + (char)0xD83D));
    }

    [Fact]
    public void when_an_article_is_valid_its_fields_are_trimmed_and_its_language_lowered()
    {
        var (candidate, errors) = ArticleIntake.Check(new IngestArticle("  A title ", "Body text.", " EN ", " Wire ", " https://x.org/a ", null));

        Assert.False(errors.Any);
        Assert.Equal("A title", candidate!.Title);
        Assert.Equal("en", candidate.Lang);
        Assert.Equal("Wire", candidate.Source);
        Assert.Equal("https://x.org/a", candidate.Url);
    }

    [Fact]
    public void when_several_fields_are_wrong_every_one_is_reported()
    {
        var (candidate, errors) = ArticleIntake.Check(new IngestArticle(new string('t', 1001), " ", "de", null, "not a url", null));

        Assert.Null(candidate);
        Assert.Equal(["body", "lang", "title", "url"], errors.ToDictionary().Keys.Order());
    }
}
