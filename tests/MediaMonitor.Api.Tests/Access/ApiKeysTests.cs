using MediaMonitor.Access;

namespace MediaMonitor.Api.Tests.Access;

public sealed class ApiKeysTests
{
    [Fact]
    public void when_a_key_has_the_admin_scope_it_has_every_scope() =>
        Assert.Equal(["admin", "ingest", "read"], Scopes.Parse("admin")!.Order());

    [Fact]
    public void when_scopes_are_listed_they_are_read_in_any_case_and_separator() =>
        Assert.Equal(["ingest", "read"], Scopes.Parse(" Read, INGEST ")!.Order());

    [Theory]
    [InlineData("")]
    [InlineData("write")]
    [InlineData("read,owner")]
    public void when_a_scope_is_unknown_or_missing_the_scopes_are_refused(string scopes) => Assert.Null(Scopes.Parse(scopes));

    [Fact]
    public void when_the_presented_key_is_configured_its_name_and_scopes_are_found()
    {
        var keys = new ApiKeys();
        foreach (var k in ApiKeys.FromConfiguration([
                     new ApiKeyConfig { Name = "ops", Key = "0123456789abcdef-ops", Scopes = "admin" },
                     new ApiKeyConfig { Name = "feeds", Key = "0123456789abcdef-feeds", Scopes = "ingest" }]))
        {
            keys.Add(k);
        }

        Assert.Equal("feeds", keys.Find("0123456789abcdef-feeds")!.Name);
        Assert.Equal(["ingest"], keys.Find("0123456789abcdef-feeds")!.Scopes);
        Assert.Null(keys.Find("0123456789abcdef-feed"));
        Assert.Null(keys.Find(""));
    }

    [Theory]
    [InlineData(null, "0123456789abcdef", "admin", "Name is required")]
    [InlineData("ops", "short", "admin", "at least 16")]
    [InlineData("ops", "0123456789abcdef", "root", "Scopes")]
    public void when_a_configured_key_is_unusable_start_up_fails_saying_why(string? name, string key, string scopes, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            ApiKeys.FromConfiguration([new ApiKeyConfig { Name = name, Key = key, Scopes = scopes }]));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void when_a_key_is_generated_it_is_long_random_and_url_safe()
    {
        var a = ApiKeys.Generate();
        var b = ApiKeys.Generate();
        Assert.NotEqual(a, b);
        Assert.StartsWith("mm_", a);
        Assert.True(a.Length >= 40);
        Assert.DoesNotContain(a, c => c is '+' or '/' or '=');
    }
}
