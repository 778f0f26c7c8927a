using MediaMonitor.Ingestion;

namespace MediaMonitor.Api.Tests.Ingestion;

public sealed class ArticleFilesTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string Write(string name, string content) => temp.Write(name, content);

    [Fact]
    public void when_a_text_file_has_a_sidecar_its_metadata_comes_from_the_sidecar_and_its_body_from_the_text()
    {
        var text = Write("seed.txt", "قال رئيس الوزراء العراقي إن بلاده لم تعد بحاجة إلى قوات قتالية.\nسطر ثان.");
        Write("seed.meta.json", """{"lang": "ar", "source": "PUNA", "notes": "free text is ignored"}""");

        var article = Assert.Single(ArticleFiles.Read(text)).Article!;

        Assert.Equal(File.ReadAllText(text), article.Body);
        Assert.Equal(("ar", "PUNA"), (article.Lang, article.Source));
    }

    [Fact]
    public void when_a_jsonl_file_uses_the_corpus_format_published_becomes_the_publication_time()
    {
        var file = Write("c.jsonl", """
            {"id": "x-1", "lang": "en", "source": "BBC", "published": "2020-03-01T10:00:00+00:00", "title": "T", "body": "B", "url": null, "category": "news"}

            {"title": "no body"}
            """);

        var items = ArticleFiles.Read(file).ToList();

        Assert.Equal(2, items.Count);
        Assert.Equal(new DateTimeOffset(2020, 3, 1, 10, 0, 0, TimeSpan.Zero), items[0].Article!.PublishedAt);
        Assert.Equal($"{file}:3", items[1].Origin);
    }

    [Fact]
    public void when_a_json_file_holds_an_array_or_an_articles_member_each_item_is_read()
    {
        var array = Write("a.json", """[{"body": "one"}, {"body": "two"}]""");
        var wrapped = Write("b.json", """{"articles": [{"body": "three"}]}""");
        var single = Write("c.json", """{"body": "four", "publishedAt": "2021-07-25"}""");

        Assert.Equal(["one", "two"], ArticleFiles.Read(array).Select(a => a.Article!.Body));
        Assert.Equal(["three"], ArticleFiles.Read(wrapped).Select(a => a.Article!.Body));
        Assert.Equal(new DateTimeOffset(2021, 7, 25, 0, 0, 0, TimeSpan.Zero), Assert.Single(ArticleFiles.Read(single)).Article!.PublishedAt);
    }

    [Fact]
    public void when_a_file_is_not_readable_json_the_item_says_why()
    {
        var broken = Write("broken.json", "{\"body\": ");

        var item = Assert.Single(ArticleFiles.Read(broken));

        Assert.Null(item.Article);
        Assert.Contains("Not valid JSON", item.Error);
    }

    [Fact]
    public void when_a_folder_is_given_its_article_files_are_found_in_name_order_without_sidecars_or_watchlists()
    {
        Write("b/2.jsonl", "{}");
        Write("a/1.txt", "x");
        Write("a/1.meta.json", "{}");
        Write("watchlists.json", "{}");
        Write("notes.md", "#");

        var files = ArticleFiles.Find(temp.Path).Select(f => Path.GetRelativePath(temp.Path, f));

        Assert.Equal(["a/1.txt", "b/2.jsonl"], files);
    }
}
