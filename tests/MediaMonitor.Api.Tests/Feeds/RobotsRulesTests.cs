using MediaMonitor.Feeds;

namespace MediaMonitor.Api.Tests.Feeds;

public sealed class RobotsRulesTests
{
    private const string Bot = "MediaMonitorBot";

    [Fact]
    public void when_the_file_is_empty_or_missing_everything_is_allowed()
    {
        Assert.True(RobotsRules.Parse("").Allows(Bot, "/news/1"));
        Assert.True(RobotsRules.AllowAll.Allows(Bot, "/private"));
    }

    [Fact]
    public void when_a_group_names_the_bot_it_is_used_instead_of_the_star_group()
    {
        var rules = RobotsRules.Parse("""
            User-agent: *
            Disallow: /

            User-agent: mediamonitorbot
            Disallow: /private
            """);

        Assert.True(rules.Allows(Bot, "/news/1"));
        Assert.False(rules.Allows(Bot, "/private/x"));
        Assert.False(rules.Allows("OtherBot", "/news/1"));
    }

    [Fact]
    public void when_several_groups_match_the_most_specific_token_wins()
    {
        var rules = RobotsRules.Parse("""
            User-agent: MediaMonitor
            Disallow: /a

            User-agent: MediaMonitorBot
            Disallow: /b
            """);

        Assert.True(rules.Allows(Bot, "/a"));
        Assert.False(rules.Allows(Bot, "/b"));
        Assert.False(rules.Allows("MediaMonitor", "/a"));
    }

    [Fact]
    public void when_user_agent_lines_follow_each_other_they_share_the_rules_below()
    {
        var rules = RobotsRules.Parse("User-agent: a\nUser-agent: MediaMonitorBot\nDisallow: /x\nUser-agent: c\nDisallow: /y");

        Assert.False(rules.Allows(Bot, "/x"));
        Assert.True(rules.Allows(Bot, "/y"));
        Assert.False(rules.Allows("c", "/y"));
    }

    [Fact]
    public void when_allow_and_disallow_both_match_the_longest_wins_and_allow_wins_a_tie()
    {
        var rules = RobotsRules.Parse("""
            User-agent: *
            Disallow: /news
            Allow: /news/public
            Disallow: /page
            Allow: /page
            """);

        Assert.False(rules.Allows(Bot, "/news/secret"));
        Assert.True(rules.Allows(Bot, "/news/public/1"));
        Assert.True(rules.Allows(Bot, "/page"));
    }

    [Fact]
    public void when_rules_use_wildcards_star_matches_any_run_and_dollar_the_end()
    {
        var rules = RobotsRules.Parse("""
            User-agent: *
            Disallow: /*.pdf$
            Disallow: /search*q=
            """);

        Assert.False(rules.Allows(Bot, "/files/report.pdf"));
        Assert.True(rules.Allows(Bot, "/files/report.pdf?download=1"));
        Assert.False(rules.Allows(Bot, "/search/all?lang=ar&q=iraq"));
        Assert.True(rules.Allows(Bot, "/search/all?lang=ar"));
    }

    [Fact]
    public void when_paths_are_percent_encoded_differently_they_compare_equal()
    {
        var rules = RobotsRules.Parse("User-agent: *\nDisallow: /أخبار\nDisallow: /%7Euser\nDisallow: /a%2fb");

        Assert.False(rules.Allows(Bot, "/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/1"));
        Assert.False(rules.Allows(Bot, "/~user/page"));
        Assert.False(rules.Allows(Bot, "/a%2Fb"));
        Assert.True(rules.Allows(Bot, "/a/b"));
    }

    [Fact]
    public void when_comments_empty_disallows_and_unknown_lines_appear_they_change_nothing()
    {
        var rules = RobotsRules.Parse("# site rules\nUser-agent: * # everyone\nDisallow:\nCrawl-delay: 10\nSitemap: https://x.example/s.xml\n");

        Assert.True(rules.Allows(Bot, "/anything"));
    }

    [Fact]
    public void when_everything_is_disallowed_robots_txt_itself_stays_allowed()
    {
        var rules = RobotsRules.Parse("User-agent: *\nDisallow: /");

        Assert.False(rules.Allows(Bot, "/"));
        Assert.True(rules.Allows(Bot, "/robots.txt"));
    }
}
