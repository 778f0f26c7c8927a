using MediaMonitor.Matching.Tests.Support;

namespace MediaMonitor.Matching.Tests;

public class MatcherTests
{
    private static WatchlistDefinition List(string id, int version, params string[] phrases) =>
        new(id, version, phrases.Select(p => new TermDefinition(p)).ToList());

    [Fact]
    public void when_several_watchlists_are_compiled_each_reports_its_own_hits()
    {
        var matcher = Matcher.Compile([
            List("isis", 3, "داعش", "Islamic State"),
            List("rockets", 1, "هجمات صاروخية", "rocket attack"),
            List("sport", 1, "كأس العالم"),
            List("withdrawal", 7, "انسحاب القوات"),
        ]);
        var matches = matcher.Match(new ArticleText(null,
            "أعلن داعش مسؤوليته عن الهجمات الصاروخية. وطالب البرلمان بانسحاب القوات الأجنبية."));

        Assert.Equal(["isis", "rockets", "withdrawal"], matches.Select(m => m.WatchlistId));
        Assert.Equal("داعش", Assert.Single(matches[0].Hits).Text);
        Assert.Equal("الهجمات الصاروخية", Assert.Single(matches[1].Hits).Text);
        Assert.Equal("بانسحاب القوات", Assert.Single(matches[2].Hits).Text);
    }

    [Fact]
    public void when_a_watchlist_matches_its_version_is_carried_into_the_match()
    {
        var matcher = Matcher.Compile([List("isis", 3, "داعش"), List("withdrawal", 7, "انسحاب القوات")]);
        var matches = matcher.Match(new ArticleText(null, "أعلن داعش مسؤوليته قبل انسحاب القوات"));
        Assert.Equal([("isis", 3), ("withdrawal", 7)], matches.Select(m => (m.WatchlistId, m.Version)));
    }

    [Fact]
    public void when_two_watchlists_share_a_phrase_both_match()
    {
        var matcher = Matcher.Compile([List("a", 1, "داعش"), List("b", 2, "داعش", "القاعدة")]);
        var matches = matcher.Match(new ArticleText(null, "أعلن داعش مسؤوليته"));
        Assert.Equal(["a", "b"], matches.Select(m => m.WatchlistId));
    }

    [Fact]
    public void when_nothing_matches_the_result_is_empty()
    {
        var matcher = Matcher.Compile([List("isis", 1, "داعش")]);
        Assert.Empty(matcher.Match(new ArticleText("Weather", "Sunny skies are expected all week.")));
        Assert.Empty(Matcher.Compile([]).Match(new ArticleText(null, "أعلن داعش مسؤوليته")));
    }

    [Fact]
    public void when_hits_are_in_title_and_body_they_are_ordered_by_field_then_start()
    {
        var matcher = Matcher.Compile([List("w", 1, "داعش", "انسحاب القوات")]);
        var hits = matcher.Match(new ArticleText("انسحاب القوات وهزيمة داعش", "بعد هزيمة داعش بدأ انسحاب القوات ثم داعش")).Single().Hits;
        Assert.Equal(
            [(ArticleField.Title, "انسحاب القوات"), (ArticleField.Title, "داعش"), (ArticleField.Body, "داعش"),
             (ArticleField.Body, "انسحاب القوات"), (ArticleField.Body, "داعش")],
            hits.Select(h => (h.Field, h.Text)));
        Assert.True(hits.Where(h => h.Field == ArticleField.Body).Select(h => h.Start).SequenceEqual(
            hits.Where(h => h.Field == ArticleField.Body).Select(h => h.Start).Order()));
    }

    [Fact]
    public void when_a_shorter_term_lies_inside_a_longer_hit_only_the_longer_is_reported()
    {
        var hits = Watch.HitsOf(Watch.Phrases("داعش", "تنظيم داعش"), "وأعلن تنظيم داعش مسؤوليته");
        var hit = Assert.Single(hits);
        Assert.Equal(("تنظيم داعش", "تنظيم داعش"), (hit.Term, hit.Text));
    }

    [Fact]
    public void when_two_terms_match_the_same_words_the_first_listed_names_the_hit()
    {
        var hit = Assert.Single(Watch.HitsOf(Watch.Phrases("هجوم صاروخي", "هجمات صاروخية"), "وتعرضت القاعدة لهجمات صاروخية"));
        Assert.Equal("هجوم صاروخي", hit.Term);
    }

    [Fact]
    public void when_counting_watchlists_and_terms()
    {
        var matcher = Matcher.Compile([List("a", 1, "داعش", "ISIS"), List("b", 1, "داعش"), List("c", 1)]);
        Assert.Equal(3, matcher.WatchlistCount);
        Assert.Equal(3, matcher.TermCount);
    }

    [Fact]
    public void when_a_stored_term_is_invalid_it_is_left_out_and_the_rest_still_match()
    {
        var matcher = Matcher.Compile([new WatchlistDefinition("w", 1, [new TermDefinition("   "), new TermDefinition("داعش", "fr"), new TermDefinition("داعش")])]);
        Assert.Equal(1, matcher.TermCount);
        Assert.Single(matcher.Match(new ArticleText(null, "أعلن داعش مسؤوليته")));
    }

    [Fact]
    public void when_two_watchlists_have_the_same_id_compile_refuses()
    {
        Assert.Throws<ArgumentException>(() => Matcher.Compile([List("a", 1, "داعش"), List("a", 2, "ISIS")]));
    }

    [Fact]
    public void when_a_term_has_a_language_it_still_matches_its_words_in_an_article_of_another_language()
    {
        // Spec: "an article matches a term when its title or body contains the term's words". The language tells how to
        // read the phrase, not which articles to read (v1 skipped Arabic articles for "en" terms).
        var matcher = Matcher.Compile([new WatchlistDefinition("w", 1, [new TermDefinition("ISIS", "en"), new TermDefinition("داعش", "ar")])]);
        Assert.Equal("ISIS", Assert.Single(Assert.Single(matcher.Match(new ArticleText(null, "أعلن تنظيم ISIS مسؤوليته", "ar"))).Hits).Text);
        Assert.Equal("ISIS", Assert.Single(Assert.Single(matcher.Match(new ArticleText(null, "ISIS claimed the attack", "en"))).Hits).Text);
        Assert.Equal("داعش", Assert.Single(Assert.Single(matcher.Match(new ArticleText(null, "The group, known as داعش in Arabic, retreated", "en"))).Hits).Text);
        Assert.Single(matcher.Match(new ArticleText(null, "أعلن تنظيم ISIS مسؤوليته عن الهجوم")));
    }

    [Fact]
    public void when_a_term_has_no_language_it_matches_articles_in_any()
    {
        var matcher = Matcher.Compile([new WatchlistDefinition("w", 1, [new TermDefinition("COVID-19")])]);
        Assert.Single(matcher.Match(new ArticleText(null, "ارتفاع الإصابات بفيروس COVID-19 في العراق", "ar")));
        Assert.Single(matcher.Match(new ArticleText(null, "COVID-19 cases rose", "en")));
    }

    [Fact]
    public void when_many_threads_match_at_once_they_get_the_same_answers()
    {
        var matcher = Matcher.Compile([List("isis", 1, "داعش", "Islamic State"), List("withdrawal", 1, "انسحاب القوات", "withdrawal of troops")]);
        var articles = new[]
        {
            new ArticleText(null, "وطالب البرلمان بانسحاب القوات الأجنبية بعد هزيمة داعش"),
            new ArticleText("Islamic State retreats", "The withdrawal of all US troops was announced"),
            new ArticleText(null, "No relevant news today"),
        };
        var expected = articles.Select(a => Describe(matcher.Match(a))).ToArray();
        var results = new string[3000];
        Parallel.For(0, results.Length, i => results[i] = Describe(matcher.Match(articles[i % 3])));
        for (var i = 0; i < results.Length; i++) Assert.Equal(expected[i % 3], results[i]);

        static string Describe(IReadOnlyList<WatchlistMatch> ms) =>
            string.Join(";", ms.Select(m => m.WatchlistId + ":" + string.Join(",", m.Hits.Select(h => $"{h.Field}{h.Start}+{h.Length}"))));
    }

    [Fact]
    public void when_thousands_of_other_terms_are_compiled_the_right_watchlist_still_matches()
    {
        var lists = Enumerable.Range(0, 200)
            .Select(i => new WatchlistDefinition($"noise-{i}", 1,
                Enumerable.Range(0, 100).Select(j => new TermDefinition($"term{i}x{j} word{j}")).ToList()))
            .Append(List("isis", 1, "داعش"))
            .ToList();
        var matcher = Matcher.Compile(lists);
        Assert.Equal(20_001, matcher.TermCount);
        var match = Assert.Single(matcher.Match(new ArticleText(null, "أعلن داعش مسؤوليته word5")));
        Assert.Equal("isis", match.WatchlistId);
        Assert.Equal("noise-7", Assert.Single(matcher.Match(new ArticleText(null, "see term7x5 word5 here"))).WatchlistId);
    }

    [Fact]
    public void when_an_article_repeats_a_phrase_thousands_of_times_the_first_hits_are_reported_and_the_rest_counted()
    {
        var matcher = Matcher.Compile([List("w", 1, "انسحاب القوات")]);
        // 20,000 mentions, each holding the phrase twice (from either انسحاب, with a word skipped or not) with one end.
        var body = string.Concat(Enumerable.Repeat("انسحاب انسحاب القوات ", 20_000));

        var match = Assert.Single(matcher.Match(new ArticleText(null, body)));

        Assert.Equal(Matcher.MaxHitsPerTerm, match.Hits.Count);
        Assert.All(match.Hits, h => Assert.Equal("انسحاب القوات", h.Text));
        Assert.Equal(20_000 - Matcher.MaxHitsPerTerm, match.HitsOmitted);
    }

    [Fact]
    public void when_every_word_of_an_article_can_start_or_continue_a_gapped_phrase_the_hits_stay_bounded()
    {
        var matcher = Matcher.Compile([List("w", 1, "air strike", "strike air strike air", "air")]);
        var body = string.Concat(Enumerable.Repeat("air air strike strike ", 20_000));

        var match = Assert.Single(matcher.Match(new ArticleText(null, body)));

        Assert.InRange(match.Hits.Count, 1, Matcher.MaxHitsPerMatch);
        Assert.All(match.Hits.GroupBy(h => h.Term), term => Assert.InRange(term.Count(), 1, Matcher.MaxHitsPerTerm));
        Assert.True(match.Hits.Count + match.HitsOmitted >= 20_000, $"{match.Hits.Count} reported, {match.HitsOmitted} omitted");
    }

    [Fact]
    public void when_a_watchlist_has_many_terms_that_all_recur_a_match_reports_at_most_its_limit()
    {
        var words = Enumerable.Range(0, 30).Select(i => $"word{(char)('a' + i % 26)}{(char)('a' + i / 26)}").ToArray();
        var matcher = Matcher.Compile([List("w", 1, words)]);
        var body = string.Join(' ', Enumerable.Repeat(string.Join(' ', words), 10));

        var match = Assert.Single(matcher.Match(new ArticleText(null, body)));

        Assert.Equal(Matcher.MaxHitsPerMatch, match.Hits.Count);
        Assert.Equal(300 - Matcher.MaxHitsPerMatch, match.HitsOmitted);
        Assert.Equal(match.Hits.OrderBy(h => h.Start).Select(h => h.Start), match.Hits.Select(h => h.Start));
    }
}
