using System.Text;
using MediaMonitor.Feeds;

namespace MediaMonitor.Api.Tests.Feeds;

public sealed class FeedEncodingTests
{
    private const string Title = "انسحاب القوات الأمريكية من العراق";
    private const string Text = "قال مسؤولون إن آخر قافلة عسكرية عبرت الحدود إلى الكويت فجر الأحد.";

    private static readonly Encoding Arabic1256 = CodePagesEncodingProvider.Instance.GetEncoding(1256)!;

    private static string Feed(string prolog) =>
        $"{prolog}<rss version=\"2.0\"><channel><title>{Title}</title><item><title>{Title}</title><description>{Text}</description></item></channel></rss>";

    [Fact]
    public void when_the_prolog_declares_windows_1256_the_arabic_text_decodes()
    {
        var bytes = Arabic1256.GetBytes(Feed("<?xml version=\"1.0\" encoding=\"windows-1256\"?>"));
        Assert.NotEqual(Encoding.UTF8.GetBytes(Text).Length, Arabic1256.GetBytes(Text).Length);

        var feed = FeedParser.Parse(bytes, "application/rss+xml");

        Assert.Equal(Title, feed.Title);
        var entry = Assert.Single(feed.Entries);
        Assert.Equal(Title, entry.Title);
        Assert.Equal(Text, entry.Text);
    }

    [Fact]
    public void when_only_the_content_type_names_the_charset_it_is_used()
    {
        var bytes = Arabic1256.GetBytes(Feed(""));

        var feed = FeedParser.Parse(bytes, "application/xml; charset=windows-1256");

        Assert.Equal(Text, Assert.Single(feed.Entries).Text);
    }

    [Fact]
    public void when_the_prolog_and_the_content_type_disagree_the_prolog_wins()
    {
        var bytes = Arabic1256.GetBytes(Feed("<?xml version=\"1.0\" encoding=\"windows-1256\"?>"));

        var feed = FeedParser.Parse(bytes, "text/xml; charset=utf-8");

        Assert.Equal(Text, Assert.Single(feed.Entries).Text);
    }

    [Fact]
    public void when_a_utf8_feed_has_a_bom_it_is_read()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Feed("<?xml version=\"1.0\"?>"))).ToArray();

        var feed = FeedParser.Parse(bytes, "text/xml; charset=windows-1256");

        Assert.Equal(Text, Assert.Single(feed.Entries).Text);
    }
}
