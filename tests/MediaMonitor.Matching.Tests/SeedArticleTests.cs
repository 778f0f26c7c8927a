using System.Text.Json;

namespace MediaMonitor.Matching.Tests;

/// <summary>The README promises these alerts for the seed article the service ingests on first start.</summary>
public class SeedArticleTests
{
    private static readonly string RepoRoot = FindRepoRoot();

    [Fact]
    public void when_the_seed_article_is_matched_against_the_seed_watchlists()
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot, "seeds", "000_09f3a67f3580214e.txt"));
        var matcher = Matcher.Compile(LoadWatchlists(Path.Combine(RepoRoot, "seeds", "watchlists.json")));
        var matches = matcher.Match(new ArticleText(null, text, "ar")).ToDictionary(m => m.WatchlistId);

        foreach (var m in matches.Values)
            foreach (var h in m.Hits)
                Assert.Equal(text.Substring(h.Start, h.Length), h.Text);

        Assert.Contains("لانسحاب القوات", Texts("troop-withdrawal"));
        Assert.Contains("انسحاب القوات", Texts("troop-withdrawal"));
        Assert.Contains("سحب القوات", Texts("troop-withdrawal"));
        Assert.Contains("جدول زمني للانسحاب", Texts("troop-withdrawal"));
        Assert.Equal(["الهجمات الصاروخية", "الهجمات الصاروخية"], Texts("rocket-attacks"));
        Assert.Equal(8, Texts("isis").Count(t => t == "داعش"));
        Assert.Equal(["الانتخابات"], Texts("elections"));
        Assert.Equal(["بفيروس كورونا"], Texts("covid-19"));
        Assert.Equal(["الطائرات بدون طيار"], Texts("drone-attacks"));
        Assert.Equal(["تفجير انتحاري"], Texts("suicide-bombing"));
        Assert.Equal(["حرائق المستشفيات"], Texts("hospital-fires"));

        string[] Texts(string id) => matches.TryGetValue(id, out var m) ? m.Hits.Select(h => h.Text).ToArray() : [];
    }

    [Fact]
    public void when_the_seed_watchlists_are_read_every_term_is_valid()
    {
        var lists = LoadWatchlists(Path.Combine(RepoRoot, "seeds", "watchlists.json"));
        Assert.Equal(
            ["troop-withdrawal", "rocket-attacks", "drone-attacks", "isis", "suicide-bombing", "elections", "covid-19", "hospital-fires"],
            lists.Select(l => l.Id));
        Assert.All(lists.SelectMany(l => l.Terms), t => Assert.Null(TermRules.Validate(t)));
        Assert.All(lists, l => Assert.Contains(l.Terms, t => t.Lang == "ar"));
        Assert.All(lists, l => Assert.Contains(l.Terms, t => t.Lang is "en" or null));
    }

    private static List<WatchlistDefinition> LoadWatchlists(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("watchlists").EnumerateArray()
            .Select(w => new WatchlistDefinition(
                w.GetProperty("id").GetString()!,
                1,
                w.GetProperty("terms").EnumerateArray()
                    .Select(t => new TermDefinition(
                        t.GetProperty("phrase").GetString()!,
                        t.TryGetProperty("lang", out var lang) ? lang.GetString() : null))
                    .ToList()))
            .ToList();
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MediaMonitor.sln"))) return dir.FullName;
        throw new InvalidOperationException("MediaMonitor.sln not found above " + AppContext.BaseDirectory);
    }
}
