using System.Text.Json;
using System.Text.Json.Nodes;
using MediaMonitor.Matchers;

namespace MediaMonitor.Api.Tests.Matchers;

public sealed class OfflineMatchTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string Write(string name, string content) => temp.Write(name, content);

    [Fact]
    public async Task when_articles_are_matched_offline_each_gets_a_line_with_its_watchlists_and_hits()
    {
        var watchlists = Write("w.json", """
            {"watchlists":[
              {"id":"rockets","name":"Rockets","terms":[{"phrase":"rocket attack","lang":"en"}]},
              {"id":"isis","name":"ISIS","terms":[{"phrase":"داعش","lang":"ar"}]}]}
            """);
        var corpus = Write("c.jsonl", string.Join("\n",
            JsonSerializer.Serialize(new { id = "a1", lang = "en", title = "Base hit", body = "A rocket attack hit the base.", category = "x" }),
            JsonSerializer.Serialize(new { id = "a2", lang = "ar", title = (string?)null, body = "الحرب ضد داعش مستمرة." }),
            JsonSerializer.Serialize(new { id = "a3", lang = "en", title = "Quiet", body = "Nothing happened." })));
        var output = Path.Combine(temp.Path, "out.jsonl");
        var stdout = new StringWriter();

        var code = await OfflineMatch.RunAsync(["--watchlists", watchlists, "--corpus", corpus, "--out", output], stdout, TextWriter.Null);

        Assert.Equal(0, code);
        var lines = File.ReadAllLines(output).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(["a1", "a2", "a3"], lines.Select(l => l["id"]!.GetValue<string>()));
        Assert.Equal(["rockets"], lines[0]["watchlists"]!.AsArray().Select(w => w!.GetValue<string>()));
        var hit = Assert.Single(lines[1]["hits"]!.AsArray())!;
        Assert.Equal(("isis", "داعش", "body", 9, 4, "داعش"), (hit["watchlist"]!.GetValue<string>(), hit["term"]!.GetValue<string>(),
            hit["field"]!.GetValue<string>(), hit["start"]!.GetValue<int>(), hit["length"]!.GetValue<int>(), hit["text"]!.GetValue<string>()));
        Assert.Empty(lines[2]["watchlists"]!.AsArray());

        var summary = JsonNode.Parse(stdout.ToString())!;
        Assert.Equal(3, summary["articles"]!.GetValue<int>());
        Assert.Equal(2, summary["matches"]!.GetValue<int>());
        foreach (var field in new[] { "seconds", "cpu_seconds", "articles_per_second", "compile_seconds", "matcher_bytes" })
        {
            Assert.NotNull(summary[field]);
        }
    }

    [Theory]
    [InlineData(new[] { "--corpus", "c.jsonl", "--out", "o" }, "--watchlists is required")]
    [InlineData(new[] { "--watchlists", "w.json", "--out", "o" }, "--corpus is required")]
    [InlineData(new[] { "--watchlists", "w.json", "--corpus", "c.jsonl" }, "--out is required")]
    [InlineData(new[] { "--watchlists" }, "incomplete argument '--watchlists'")]
    [InlineData(new[] { "--threads", "-1" }, "'--threads'")]
    public void when_arguments_are_missing_or_wrong_the_error_says_which(string[] args, string expected)
    {
        Assert.Null(OfflineMatch.Parse(args, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public async Task when_a_file_is_missing_the_command_fails_naming_it()
    {
        var stderr = new StringWriter();

        var code = await OfflineMatch.RunAsync(["--watchlists", Path.Combine(temp.Path, "none.json"), "--corpus", Path.Combine(temp.Path, "c.jsonl"), "--out", "x"],
            TextWriter.Null, stderr);

        Assert.Equal(2, code);
        Assert.Contains("No file at", stderr.ToString());
    }
}
