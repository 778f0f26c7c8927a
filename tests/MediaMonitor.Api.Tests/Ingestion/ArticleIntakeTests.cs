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

    // Every path (HTTP, batch, files, seeds) checks articles here: U+FFFE once got past the check and threw in the
    // content fingerprint's normalisation.
    [Fact]
    public void when_an_article_holds_a_noncharacter_it_is_refused_naming_the_field()
    {
        var (candidate, errors) = ArticleIntake.Check(new IngestArticle("Title \uFFFE", "Body \uFDD0 text.", null, "Wire\u0001", null, null));

        Assert.Null(candidate);
        Assert.Equal(["body", "source", "title"], errors.ToDictionary().Keys.Order());
    }

    [Fact]
    public void when_an_article_gives_its_published_time_with_an_offset_it_is_kept_in_utc()
    {
        var (candidate, _) = ArticleIntake.Check(new IngestArticle(null, "Body text.", "en", null, null,
            new DateTimeOffset(2024, 1, 1, 3, 0, 0, TimeSpan.FromHours(3))));

        Assert.Equal(TimeSpan.Zero, candidate!.PublishedAt!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), candidate.PublishedAt);
    }
}
