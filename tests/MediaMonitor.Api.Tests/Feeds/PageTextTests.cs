using MediaMonitor.Feeds;

namespace MediaMonitor.Api.Tests.Feeds;

public sealed class PageTextTests
{
    private const string Paragraph =
        "أعلنت وزارة الدفاع العراقية اليوم أن انسحاب القوات الأمريكية من العراق قد اكتمل بعد مغادرة آخر قافلة عسكرية " +
        "قاعدة الإمام علي في محافظة ذي قار متجهة إلى الكويت، منهية بذلك وجودا عسكريا استمر قرابة تسع سنوات. " +
        "وقال المتحدث باسم الوزارة إن القوات العراقية تسلمت جميع القواعد والمواقع التي كانت تشغلها القوات الأمريكية.";

    [Fact]
    public void when_an_article_page_has_navigation_and_footer_the_main_text_is_extracted()
    {
        var html = $"""
            <!DOCTYPE html>
            <html lang="ar" dir="rtl"><head><title>انسحاب القوات الأمريكية</title></head>
            <body>
              <nav><a href="/">الرئيسية</a> | <a href="/sport">رياضة</a> | <a href="/economy">اقتصاد</a></nav>
              <article>
                <h1>انسحاب القوات الأمريكية من العراق</h1>
                <p>{Paragraph}</p>
                <p>{Paragraph}</p>
                <p>{Paragraph}</p>
              </article>
              <footer>جميع الحقوق محفوظة ٢٠١١ - سياسة الخصوصية</footer>
            </body></html>
            """;

        var text = PageText.Extract(html, new Uri("https://news.example.iq/2011/12/withdrawal"));

        Assert.NotNull(text);
        Assert.Contains(Paragraph, text);
        Assert.DoesNotContain("سياسة الخصوصية", text);
        Assert.DoesNotContain("رياضة", text);
    }

    [Fact]
    public void when_a_page_has_no_article_text_nothing_is_returned()
    {
        Assert.Null(PageText.Extract("<html><body><nav><a href=\"/\">Home</a></nav></body></html>", new Uri("https://example.com/")));
    }
}
