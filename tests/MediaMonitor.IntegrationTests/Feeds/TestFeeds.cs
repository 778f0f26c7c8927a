using System.Text;

namespace MediaMonitor.IntegrationTests.Feeds;

/// <summary>Feeds written for the tests, in the formats sites publish: Arabic RSS 2.0, English Atom and JSON Feed.</summary>
public static class TestFeeds
{
    public sealed record Item(string Id, string Title, string Html, string Published);

    public static readonly Item[] ArabicItems =
    [
        new("ar-1", "انسحاب القوات الأمريكية من قاعدة عين الأسد",
            "<p>أعلنت الحكومة العراقية <b>انسحاب القوات</b> الأمريكية من قاعدة عين الأسد غربي البلاد.</p><script>track()</script>",
            "Tue, 06 Apr 2021 09:30:00 GMT"),
        new("ar-2", "افتتاح معرض بغداد الدولي للكتاب",
            "<p>افتتح في بغداد معرض الكتاب الدولي بمشاركة أكثر من ثلاثمئة دار نشر عربية وأجنبية.</p>",
            "Tue, 06 Apr 2021 10:00:00 +0300"),
    ];

    public static readonly Item NewArabicItem = new("ar-3", "سقوط صواريخ قرب مطار بغداد",
        "<p>قالت خلية الإعلام الأمني إن صواريخ سقطت قرب مطار بغداد، بعد أيام من إعلان انسحاب القوات من القاعدة.</p>",
        "Wed, 07 Apr 2021 08:15:00 GMT");

    public static string Rss(params Item[] items)
    {
        var xml = new StringBuilder("""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>أخبار العراق</title><link>https://news.example/</link><language>ar-IQ</language>
            """);
        foreach (var item in items)
        {
            xml.Append($"""
                <item><title>{item.Title}</title><link>https://news.example/{item.Id}</link><guid isPermaLink="false">{item.Id}</guid>
                <pubDate>{item.Published}</pubDate><dc:creator>مراسل</dc:creator>
                <content:encoded><![CDATA[{item.Html}]]></content:encoded></item>
                """);
        }
        // As served: a newline after the root.
        return xml.Append("</channel></rss>\n").ToString();
    }

    public const string Atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
          <title>Wire</title><id>urn:wire</id><updated>2021-04-06T12:00:00Z</updated>
          <entry><title>Rocket attack near Baghdad airport</title><id>urn:wire:1</id>
            <link href="https://wire.example/rocket-attack"/><updated>2021-04-06T12:00:00Z</updated>
            <content type="html">&lt;p&gt;Three rockets struck near Baghdad airport on Tuesday, officials said.&lt;/p&gt;</content></entry>
        </feed>
        """;

    public const string JsonFeed = """
        {"version":"https://jsonfeed.org/version/1.1","title":"Wire JSON","language":"en","items":[
          {"id":"j-1","url":"https://wire.example/json-1","title":"Troop withdrawal talks resume",
           "content_html":"<p>Talks on the troop withdrawal resumed in Washington.</p>","date_published":"2021-04-07T08:00:00Z"}]}
        """;
}
