using System.Text;
using MediaMonitor.Feeds;

namespace MediaMonitor.Api.Tests.Feeds;

public sealed class PageDecodingTests
{
    private const string Arabic = "انسحاب القوات الأمريكية من العراق";

    private static byte[] Windows1256(string html)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1256).GetBytes(html);
    }

    [Fact]
    public void a_page_is_read_in_the_charset_its_answer_names() =>
        Assert.Contains(Arabic, FeedItems.Decode(Windows1256($"<html><body><p>{Arabic}</p></body></html>"), "text/html; charset=windows-1256"));

    [Fact]
    public void a_page_whose_answer_names_no_charset_is_read_in_the_one_its_meta_declares() =>
        Assert.Contains(Arabic, FeedItems.Decode(
            Windows1256($"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\"></head><body><p>{Arabic}</p></body></html>"),
            "text/html"));

    [Fact]
    public void a_page_that_names_no_charset_anywhere_is_read_as_utf_8() =>
        Assert.Contains(Arabic, FeedItems.Decode(Encoding.UTF8.GetBytes($"<html><body><p>{Arabic}</p></body></html>"), "text/html"));
}
