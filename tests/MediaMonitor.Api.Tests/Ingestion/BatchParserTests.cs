using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using MediaMonitor.Infrastructure;
using MediaMonitor.Ingestion;

namespace MediaMonitor.Api.Tests.Ingestion;

public sealed class BatchParserTests
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static IReadOnlyList<BatchItem> Parse(string body, bool ndjson) => BatchParser.Parse(Encoding.UTF8.GetBytes(body), ndjson, Options);

    [Fact]
    public void when_an_array_is_read_each_item_keeps_its_index()
    {
        var items = Parse("""[{"body":"a"}, {"body":"b","lang":"en"}]""", ndjson: false);

        Assert.Equal([0, 1], items.Select(i => i.Index));
        Assert.Equal("b", items[1].Article!.Body);
        Assert.Equal("en", items[1].Article!.Lang);
    }

    [Fact]
    public void when_ndjson_has_blank_lines_they_are_skipped_without_taking_an_index()
    {
        var items = Parse("{\"body\":\"a\"}\r\n\n   \n{\"body\":\"b\"}", ndjson: true);

        Assert.Equal(["a", "b"], items.Select(i => i.Article!.Body));
        Assert.Equal([0, 1], items.Select(i => i.Index));
    }

    [Fact]
    public void when_an_item_has_an_unknown_field_it_is_invalid_with_the_field_named()
    {
        var item = Assert.Single(Parse("""[{"body":"a","extra":1}]""", ndjson: false));

        Assert.Null(item.Article);
        Assert.Contains("extra", item.Error);
    }

    [Fact]
    public void when_the_array_is_too_long_the_whole_batch_is_refused()
    {
        var body = "[" + string.Join(",", Enumerable.Repeat("""{"body":"a"}""", BatchParser.MaxItems + 1)) + "]";

        var error = Assert.Throws<RequestRejectedException>(() => Parse(body, ndjson: false));
        Assert.Equal(413, error.StatusCode);
    }

    [Fact]
    public void when_ndjson_has_too_many_lines_the_whole_batch_is_refused()
    {
        var body = string.Join("\n", Enumerable.Repeat("""{"body":"a"}""", BatchParser.MaxItems + 1));

        Assert.Equal(413, Assert.Throws<RequestRejectedException>(() => Parse(body, ndjson: true)).StatusCode);
    }

    [Theory]
    [InlineData("""{"body":"a"}""")]
    [InlineData("[1,")]
    [InlineData("")]
    public void when_a_json_batch_is_not_an_array_it_is_refused_with_400(string body) =>
        Assert.Equal(400, Assert.Throws<RequestRejectedException>(() => Parse(body, ndjson: false)).StatusCode);

    [Fact]
    public void when_the_media_type_names_ndjson_the_body_is_read_as_lines()
    {
        Assert.True(BatchParser.IsNdjson("application/x-ndjson"));
        Assert.True(BatchParser.IsNdjson("APPLICATION/JSONL"));
        Assert.False(BatchParser.IsNdjson("application/json"));
    }
}
