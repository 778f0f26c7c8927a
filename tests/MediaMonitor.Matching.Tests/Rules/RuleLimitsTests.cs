using MediaMonitor.Matching.Rules;
using static MediaMonitor.Matching.Tests.Rules.Ast;

namespace MediaMonitor.Matching.Tests.Rules;

public class RuleLimitsTests
{
    private static string Repeat(string s, int times) => string.Concat(Enumerable.Repeat(s, times));

    [Fact]
    public void the_limits_are_the_documented_values()
    {
        Assert.Equal(4_000, RuleLimits.MaxRuleLength);
        Assert.Equal(10, RuleLimits.MaxDepth);
        Assert.Equal(200, RuleLimits.MaxPhrases);
        Assert.Equal(8, RuleLimits.MaxWordsPerPhrase);
        Assert.Equal(1, RuleLimits.MinNearDistance);
        Assert.Equal(50, RuleLimits.MaxNearDistance);
        Assert.Equal(5, RuleLimits.MaxPhraseGap);
        Assert.Equal(3, RuleLimits.MinWildcardPrefix);
        Assert.Equal(20, RuleLimits.MaxWildcards);
    }

    [Fact]
    public void a_phrase_in_a_rule_has_the_same_word_limit_as_a_watchlist_term() =>
        Assert.Equal(TermRules.MaxWordsPerPhrase, RuleLimits.MaxWordsPerPhrase);

    // ---- length ---------------------------------------------------------------------------------------------

    [Fact]
    public void when_the_rule_is_exactly_at_the_length_limit_it_is_accepted()
    {
        var rule = "troops" + new string(' ', RuleLimits.MaxRuleLength - 6);
        Assert.Equal(RuleLimits.MaxRuleLength, rule.Length);
        Parses(rule, W(0, "troops"));
    }

    [Fact]
    public void when_the_rule_is_one_character_over_the_length_limit_the_error_is_at_the_limit()
    {
        var rule = "troops" + new string(' ', RuleLimits.MaxRuleLength - 5);
        var error = RefusedAt(rule, RuleLimits.MaxRuleLength, "a rule of at most 4000 characters");
        Assert.StartsWith("The rule is 4,001 characters long; the limit is 4,000", error.Message);
    }

    [Fact]
    public void when_one_word_fills_the_length_limit_it_is_accepted() =>
        Parses(new string('x', RuleLimits.MaxRuleLength), W(0, new string('x', RuleLimits.MaxRuleLength)));

    [Fact]
    public void when_one_word_runs_past_the_length_limit_the_length_is_the_error() =>
        RefusedAt(new string('x', RuleLimits.MaxRuleLength + 1), RuleLimits.MaxRuleLength);

    [Fact]
    public void when_a_quote_opens_and_the_text_runs_past_the_limit_the_length_is_the_error() =>
        RefusedAt("\"" + new string('x', 5_000), RuleLimits.MaxRuleLength);

    [Fact]
    public void when_a_too_long_rule_has_an_error_before_the_limit_that_error_comes_first() =>
        RefusedAt("troops AND OR " + new string('x', 5_000), 11, Operand);

    // ---- nesting ----------------------------------------------------------------------------------------------

    [Fact]
    public void when_parentheses_nest_exactly_to_the_depth_limit_the_rule_is_accepted() =>
        Parses(Repeat("(", 10) + "troops" + Repeat(")", 10), W(10, "troops"));

    [Fact]
    public void when_parentheses_nest_one_past_the_depth_limit_the_error_is_at_the_eleventh()
    {
        var error = RefusedAt(Repeat("(", 11) + "troops" + Repeat(")", 11), 10, "at most 10 nested parentheses and NOTs");
        Assert.Contains("nests too deep", error.Message);
    }

    [Fact]
    public void when_nots_nest_exactly_to_the_depth_limit_the_rule_is_accepted()
    {
        RuleNode expected = W(45, "rafah");
        for (var i = 9; i >= 0; i--) expected = Not(5 + 4 * i, expected);
        Parses("gaza " + Repeat("NOT ", 10) + "rafah", And(0, W(0, "gaza"), expected));
    }

    [Fact]
    public void when_nots_nest_one_past_the_depth_limit_the_error_is_at_the_eleventh_not() =>
        RefusedAt("gaza " + Repeat("NOT ", 11) + "rafah", 45, "at most 10 nested parentheses and NOTs");

    [Fact]
    public void when_parentheses_and_nots_mix_both_count_toward_the_depth()
    {
        var and = Assert.IsType<AndNode>(RuleParser.Parse("gaza " + Repeat("NOT (", 5) + "rafah" + Repeat(")", 5)));
        Assert.IsType<NotNode>(and.Operands[1]);
        RefusedAt("gaza " + Repeat("NOT (", 5) + "NOT rafah" + Repeat(")", 5), 30, "at most 10 nested parentheses and NOTs");
    }

    [Fact]
    public void when_a_field_prefixes_parentheses_only_the_parenthesis_counts() =>
        Assert.IsType<PhraseNode>(RuleParser.Parse(Repeat("(", 9) + "title:(troops)" + Repeat(")", 9)));

    [Fact]
    public void when_siblings_sit_at_the_same_depth_they_do_not_add_up() =>
        Assert.IsType<AndNode>(RuleParser.Parse(Repeat("(((((((((( troops )))))))))) ", 12)));

    // ---- phrases, words, wildcards ----------------------------------------------------------------------------

    [Fact]
    public void when_the_rule_has_exactly_the_phrase_limit_it_is_accepted()
    {
        var node = Assert.IsType<OrNode>(RuleParser.Parse(string.Join(" OR ", Enumerable.Repeat("troops", 200))));
        Assert.Equal(200, node.Operands.Count);
    }

    [Fact]
    public void when_the_rule_has_one_phrase_over_the_limit_the_error_is_at_that_phrase()
    {
        var rule = string.Join(" OR ", Enumerable.Repeat("troops", 201));
        var error = RefusedAt(rule, 200 * 10, "at most 200 words and phrases");
        Assert.Contains("the limit is 200", error.Message);
    }

    [Fact]
    public void when_a_phrase_has_exactly_eight_words_it_is_accepted() =>
        Parses("\"one two three four five six seven eight\"", W(0, "one two three four five six seven eight"));

    [Fact]
    public void when_a_phrase_has_nine_words_it_is_refused_at_the_phrase() =>
        Assert.Contains("has 9 words; the limit is 8",
            RefusedAt("gaza \"one two three four five six seven eight nine\"", 5, "at most 8 words in a phrase").Message);

    [Fact]
    public void when_an_arabic_phrase_has_nine_words_it_is_refused() =>
        RefusedAt("\"قال إن القوات بدأت الانسحاب من شمال قطاع غزة\"", 0, "at most 8 words in a phrase");

    [Fact]
    public void when_a_bare_word_hides_nine_words_behind_hyphens_it_is_refused() =>
        Assert.Contains("The word at position 0 has 9 words",
            RefusedAt("aa-bb-cc-dd-ee-ff-gg-hh-ii", 0, "at most 8 words in a phrase").Message);

    [Theory]
    [InlineData(1)]
    [InlineData(50)]
    public void when_the_near_distance_is_at_a_bound_it_is_accepted(int n) =>
        Parses($"troops NEAR/{n} gaza", Near(0, W(0, "troops"), W(13 + n.ToString().Length, "gaza"), n));

    [Fact]
    public void when_the_gap_is_exactly_five_it_is_accepted() =>
        Parses("\"troop withdrawal\"~5", W(0, "troop withdrawal", gap: 5));

    [Fact]
    public void when_the_gap_is_six_it_is_refused_with_the_limit_and_a_hint()
    {
        var error = RefusedAt("\"troop withdrawal\"~6", 18, "a gap of at most 5 words");
        Assert.Contains("at most 5 inserted words", error.Message);
        Assert.Contains("NEAR/n", error.Message);
    }

    [Fact]
    public void when_the_gap_is_huge_it_is_refused_without_overflow() =>
        RefusedAt("\"troop withdrawal\"~99999999999999999999", 18, "a gap of at most 5 words");

    [Fact]
    public void when_an_arabic_prefix_has_two_letters_and_a_diacritic_it_is_too_short() =>
        RefusedAt("اَن*", 3, "at least 3 letters before '*'");

    [Fact]
    public void when_an_arabic_prefix_has_three_letters_and_diacritics_it_is_accepted() =>
        Parses("اَنْس*", W(0, "اَنْس", wildcard: true));

    [Fact]
    public void when_the_rule_has_exactly_the_wildcard_limit_it_is_accepted()
    {
        var node = Assert.IsType<OrNode>(RuleParser.Parse(string.Join(" OR ", Enumerable.Repeat("withdraw*", 20))));
        Assert.All(node.Operands, o => Assert.True(((PhraseNode)o).Wildcard));
    }

    [Fact]
    public void when_the_rule_has_one_wildcard_over_the_limit_the_error_is_at_that_wildcard()
    {
        var rule = "troops " + string.Join(" OR ", Enumerable.Repeat("withdraw*", 21));
        RefusedAt(rule, 7 + 20 * 13, "at most 20 wildcards");
    }

    [Fact]
    public void when_wildcards_sit_in_phrases_they_count_toward_the_limit() =>
        RefusedAt(string.Join(" OR ", Enumerable.Repeat("\"troop withdraw*\"", 21)), 20 * 21, "at most 20 wildcards");
}
