using MediaMonitor.Matching.Rules;
using static MediaMonitor.Matching.Tests.Rules.Ast;

namespace MediaMonitor.Matching.Tests.Rules;

public class RuleParserTests
{
    // ---- words and phrases ---------------------------------------------------------------------------------------

    [Fact]
    public void when_the_rule_is_one_word_it_is_a_one_word_phrase() =>
        Parses("troops", W(0, "troops"));

    [Fact]
    public void when_a_phrase_is_quoted_it_keeps_the_default_gap() =>
        Parses("\"troop withdrawal\"", W(0, "troop withdrawal"));

    [Fact]
    public void when_a_phrase_has_tilde_zero_its_words_must_be_adjacent() =>
        Parses("\"troop withdrawal\"~0", W(0, "troop withdrawal", gap: 0));

    [Fact]
    public void when_a_phrase_has_tilde_n_it_allows_n_inserted_words() =>
        Parses("\"troop withdrawal\"~3", W(0, "troop withdrawal", gap: 3));

    [Fact]
    public void when_the_rule_is_an_arabic_word_it_is_a_phrase() =>
        Parses("داعش", W(0, "داعش"));

    [Fact]
    public void when_an_arabic_phrase_is_quoted_it_keeps_its_words() =>
        Parses("\"انسحاب القوات\"", W(0, "انسحاب القوات"));

    [Fact]
    public void when_an_arabic_phrase_is_joined_to_an_english_word_the_positions_count_characters() =>
        Parses("\"انسحاب القوات\" OR troops", Or(0, W(0, "انسحاب القوات"), W(19, "troops")));

    [Fact]
    public void when_spaces_inside_a_phrase_vary_they_collapse_to_one() =>
        Parses("\"  troop \t\n withdrawal  \"", W(0, "troop withdrawal"));

    [Fact]
    public void when_a_phrase_escapes_a_quote_the_quote_is_part_of_the_text() =>
        Parses("\"say \\\"no\\\" now\"", W(0, "say \"no\" now"));

    [Fact]
    public void when_a_phrase_escapes_a_backslash_one_backslash_remains() =>
        Parses("\"AC\\\\DC band\"", W(0, "AC\\DC band"));

    [Theory]
    [InlineData("\u201Ctroop withdrawal\u201D")]
    [InlineData("\u201Etroop withdrawal\u201C")]
    [InlineData("\u00ABtroop withdrawal\u00BB")]
    public void when_a_phrase_uses_typographic_quotes_it_reads_like_straight_quotes(string rule) =>
        Parses(rule, W(0, "troop withdrawal"));

    [Fact]
    public void when_arabic_guillemets_quote_a_phrase_it_is_a_phrase() =>
        Parses("«انسحاب القوات»~1", W(0, "انسحاب القوات", gap: 1));

    [Fact]
    public void when_a_word_has_a_hyphen_it_stays_one_word_for_the_engine_to_split() =>
        Parses("covid-19", W(0, "covid-19"));

    [Fact]
    public void when_a_word_holds_a_time_the_colon_is_part_of_the_word() =>
        Parses("10:30 meeting", And(0, W(0, "10:30"), W(6, "meeting")));

    [Fact]
    public void when_a_colon_follows_digits_and_letters_it_is_part_of_the_word() =>
        Parses("4x4:v2", W(0, "4x4:v2"));

    [Fact]
    public void when_a_colon_starts_a_word_it_is_part_of_the_word() =>
        Parses(":troops", W(0, ":troops"));

    [Fact]
    public void when_copied_arabic_carries_direction_marks_they_separate_tokens_like_spaces() =>
        Parses("\u200Fداعش\u200F AND\u200F \"\u200Fانسحاب القوات\u200F\"",
            And(1, W(1, "داعش"), W(12, "انسحاب القوات")));

    // ---- wildcards -------------------------------------------------------------------------------------------

    [Fact]
    public void when_a_word_ends_with_a_star_it_is_a_wildcard_without_the_star() =>
        Parses("withdraw*", W(0, "withdraw", wildcard: true));

    [Fact]
    public void when_an_arabic_word_ends_with_a_star_it_is_a_wildcard() =>
        Parses("انسحاب*", W(0, "انسحاب", wildcard: true));

    [Fact]
    public void when_the_last_word_of_a_phrase_ends_with_a_star_the_phrase_is_a_wildcard() =>
        Parses("\"troop withdraw*\"", W(0, "troop withdraw", wildcard: true));

    [Fact]
    public void when_a_wildcard_phrase_has_a_gap_both_are_kept() =>
        Parses("\"troop withdraw*\"~0", W(0, "troop withdraw", gap: 0, wildcard: true));

    [Fact]
    public void when_a_wildcard_has_exactly_three_letters_it_is_accepted() =>
        Parses("gaz*", W(0, "gaz", wildcard: true));

    // ---- AND, OR, NOT and precedence -----------------------------------------------------------------------

    [Fact]
    public void when_two_words_stand_side_by_side_they_are_anded() =>
        Parses("rocket attack", And(0, W(0, "rocket"), W(7, "attack")));

    [Fact]
    public void when_and_is_written_it_is_the_same_as_side_by_side() =>
        Parses("rocket AND attack", And(0, W(0, "rocket"), W(11, "attack")));

    [Fact]
    public void when_or_is_written_either_side_may_hold() =>
        Parses("troops OR forces", Or(0, W(0, "troops"), W(10, "forces")));

    [Fact]
    public void when_three_operands_are_ored_they_make_one_or_node() =>
        Parses("aa OR bb OR cc", Or(0, W(0, "aa"), W(6, "bb"), W(12, "cc")));

    [Fact]
    public void when_three_operands_are_anded_explicitly_and_implicitly_they_make_one_and_node() =>
        Parses("aa AND bb cc", And(0, W(0, "aa"), W(7, "bb"), W(10, "cc")));

    [Fact]
    public void when_a_parenthesised_or_is_ored_it_is_flattened_into_the_outer_or() =>
        Parses("aa OR (bb OR cc)", Or(0, W(0, "aa"), W(7, "bb"), W(13, "cc")));

    [Fact]
    public void when_parenthesised_ands_are_anded_they_are_flattened() =>
        Parses("(aa bb) AND (cc dd)", And(0, W(1, "aa"), W(4, "bb"), W(13, "cc"), W(16, "dd")));

    [Fact]
    public void when_or_and_and_mix_and_binds_tighter() =>
        Parses("aa OR bb cc", Or(0, W(0, "aa"), And(6, W(6, "bb"), W(9, "cc"))));

    [Fact]
    public void when_an_and_comes_first_the_or_still_binds_loosest() =>
        Parses("aa bb OR cc", Or(0, And(0, W(0, "aa"), W(3, "bb")), W(9, "cc")));

    [Fact]
    public void when_parentheses_group_an_or_it_is_anded_as_a_whole() =>
        Parses("(aa OR bb) cc", And(0, Or(1, W(1, "aa"), W(7, "bb")), W(11, "cc")));

    [Fact]
    public void when_an_or_is_anded_with_an_or_neither_is_flattened_into_the_other() =>
        Parses("(aa OR bb) (cc OR dd)", And(0, Or(1, W(1, "aa"), W(7, "bb")), Or(12, W(12, "cc"), W(18, "dd"))));

    [Fact]
    public void when_redundant_parentheses_wrap_a_word_it_is_the_word() =>
        Parses("((troops))", W(2, "troops"));

    [Fact]
    public void when_not_follows_a_word_it_means_and_not() =>
        Parses("troops NOT gaza", And(0, W(0, "troops"), Not(7, W(11, "gaza"))));

    [Fact]
    public void when_and_not_is_written_it_means_the_same() =>
        Parses("troops AND NOT gaza", And(0, W(0, "troops"), Not(11, W(15, "gaza"))));

    [Fact]
    public void when_not_leads_and_a_word_follows_the_not_covers_only_its_operand() =>
        Parses("NOT gaza troops", And(0, Not(0, W(4, "gaza")), W(9, "troops")));

    [Fact]
    public void when_not_precedes_parentheses_it_covers_the_group() =>
        Parses("troops NOT (gaza OR rafah)", And(0, W(0, "troops"), Not(7, Or(12, W(12, "gaza"), W(20, "rafah")))));

    [Fact]
    public void when_not_is_doubled_both_are_kept() =>
        Parses("troops NOT NOT gaza", And(0, W(0, "troops"), Not(7, Not(11, W(15, "gaza")))));

    [Fact]
    public void when_not_precedes_an_or_it_binds_tighter_than_the_or() =>
        Parses("troops OR forces NOT gaza", Or(0, W(0, "troops"), And(10, W(10, "forces"), Not(17, W(21, "gaza")))));

    [Theory]
    [InlineData("rock and roll", "and")]
    [InlineData("rock or roll", "or")]
    [InlineData("rock not roll", "not")]
    [InlineData("rock near roll", "near")]
    [InlineData("rock And roll", "And")]
    public void when_an_operator_is_not_in_capitals_it_is_an_ordinary_word(string rule, string middle) =>
        Parses(rule, And(0, W(0, "rock"), W(5, middle), W(6 + middle.Length, "roll")));

    [Fact]
    public void when_a_word_only_starts_like_an_operator_it_is_a_word() =>
        Parses("ANDROID ORACLE NOTE NEARBY ONEARTH", And(0, W(0, "ANDROID"), W(8, "ORACLE"), W(15, "NOTE"), W(20, "NEARBY"), W(27, "ONEARTH")));

    [Fact]
    public void when_parentheses_touch_words_no_spaces_are_needed() =>
        Parses("troops(gaza OR rafah)", And(0, W(0, "troops"), Or(7, W(7, "gaza"), W(15, "rafah"))));

    // ---- NEAR and ONEAR -----------------------------------------------------------------------------------------

    [Fact]
    public void when_near_joins_two_words_it_is_unordered_with_its_distance() =>
        Parses("troops NEAR/3 withdraw*", Near(0, W(0, "troops"), W(14, "withdraw", wildcard: true), 3));

    [Fact]
    public void when_onear_joins_two_words_it_is_ordered() =>
        Parses("troops ONEAR/5 withdrawal", ONear(0, W(0, "troops"), W(15, "withdrawal"), 5));

    [Fact]
    public void when_near_has_a_parenthesised_or_as_a_side_the_or_is_kept() =>
        Parses("(troops OR forces) NEAR/3 withdraw*",
            Near(0, Or(1, W(1, "troops"), W(11, "forces")), W(26, "withdraw", wildcard: true), 3));

    [Fact]
    public void when_near_has_phrases_as_sides_they_keep_their_gaps() =>
        Parses("\"troop withdrawal\"~0 NEAR/10 (غزة OR \"قطاع غزة\")",
            Near(0, W(0, "troop withdrawal", gap: 0), Or(30, W(30, "غزة"), W(37, "قطاع غزة")), 10));

    [Fact]
    public void when_a_nested_or_is_a_side_of_near_it_is_flattened_to_phrases() =>
        Parses("((aa OR bb) OR cc) NEAR/2 dd", Near(0, Or(1, W(2, "aa"), W(8, "bb"), W(15, "cc")), W(26, "dd"), 2));

    [Fact]
    public void when_near_stands_beside_a_word_near_binds_tighter_than_the_implicit_and() =>
        Parses("gaza troops NEAR/3 withdrawal",
            And(0, W(0, "gaza"), Near(5, W(5, "troops"), W(19, "withdrawal"), 3)));

    [Fact]
    public void when_near_is_ored_near_binds_tighter_than_or() =>
        Parses("troops NEAR/3 withdrawal OR ceasefire",
            Or(0, Near(0, W(0, "troops"), W(14, "withdrawal"), 3), W(28, "ceasefire")));

    [Fact]
    public void when_not_covers_a_parenthesised_near_it_is_accepted() =>
        Parses("gaza NOT (troops NEAR/3 withdrawal)",
            And(0, W(0, "gaza"), Not(5, Near(10, W(10, "troops"), W(24, "withdrawal"), 3))));

    [Fact]
    public void when_two_parenthesised_nears_are_anded_each_starts_inside_its_parentheses() =>
        Parses("(aa NEAR/3 bb) AND (bb ONEAR/2 cc)",
            And(0, Near(1, W(1, "aa"), W(11, "bb"), 3), ONear(20, W(20, "bb"), W(31, "cc"), 2)));

    [Fact]
    public void when_near_touches_a_parenthesis_no_space_is_needed() =>
        Parses("troops NEAR/3(gaza OR rafah)", Near(0, W(0, "troops"), Or(14, W(14, "gaza"), W(22, "rafah")), 3));

    [Fact]
    public void when_the_sides_of_near_have_the_same_field_it_is_accepted() =>
        Parses("title:troops NEAR/2 title:withdrawal",
            Near(0, W(6, "troops", field: Title), W(26, "withdrawal", field: Title), 2));

    [Fact]
    public void when_one_side_of_near_has_a_field_and_the_other_none_it_is_accepted() =>
        Parses("title:troops NEAR/2 withdrawal",
            Near(0, W(6, "troops", field: Title), W(20, "withdrawal"), 2));

    [Fact]
    public void when_a_field_wraps_a_near_both_sides_take_the_field() =>
        Parses("body:(troops NEAR/2 withdrawal)",
            Near(6, W(6, "troops", field: Body), W(20, "withdrawal", field: Body), 2));

    // ---- fields ---------------------------------------------------------------------------------------------

    [Fact]
    public void when_a_word_has_a_title_prefix_it_is_looked_for_in_the_title() =>
        Parses("title:troops", W(6, "troops", field: Title));

    [Fact]
    public void when_a_phrase_has_a_title_prefix_it_is_looked_for_in_the_title() =>
        Parses("title:\"troop withdrawal\"~1", W(6, "troop withdrawal", gap: 1, field: Title));

    [Fact]
    public void when_a_group_has_a_body_prefix_every_phrase_inside_takes_it() =>
        Parses("body:(aa OR \"bb cc\")", Or(6, W(6, "aa", field: Body), W(12, "bb cc", field: Body)));

    [Fact]
    public void when_a_group_with_a_field_holds_not_the_negated_phrase_takes_the_field() =>
        Parses("title:(troops NOT gaza)", And(7, W(7, "troops", field: Title), Not(14, W(18, "gaza", field: Title))));

    [Fact]
    public void when_a_field_prefix_is_anded_the_and_starts_at_the_prefix() =>
        Parses("title:troops gaza", And(0, W(6, "troops", field: Title), W(13, "gaza")));

    [Fact]
    public void when_a_field_applies_to_one_word_the_next_word_has_no_field() =>
        Parses("gaza title:troops withdrawal", And(0, W(0, "gaza"), W(11, "troops", field: Title), W(18, "withdrawal")));

    [Fact]
    public void when_a_field_group_is_anded_with_a_phrase_the_group_is_flattened() =>
        Parses("title:(aa bb) cc", And(0, W(7, "aa", field: Title), W(10, "bb", field: Title), W(14, "cc")));

    [Fact]
    public void when_the_same_field_is_repeated_inside_itself_it_is_accepted() =>
        Parses("title:(troops OR title:forces)", Or(7, W(7, "troops", field: Title), W(23, "forces", field: Title)));

    [Fact]
    public void when_a_field_is_written_in_capitals_it_is_recognised() =>
        Parses("TITLE:troops", W(6, "troops", field: Title));

    [Fact]
    public void when_a_field_prefixes_an_arabic_word_it_applies() =>
        Parses("title:داعش", W(6, "داعش", field: Title));

    [Fact]
    public void when_a_field_prefixes_a_wildcard_the_phrase_keeps_both() =>
        Parses("body:withdraw*", W(5, "withdraw", wildcard: true, field: Body));

    // ---- language ---------------------------------------------------------------------------------------------

    [Fact]
    public void when_lang_ar_is_anded_with_a_word_it_is_a_lang_node() =>
        Parses("lang:ar داعش", And(0, Lang(0, "ar"), W(8, "داعش")));

    [Fact]
    public void when_lang_is_written_in_capitals_it_is_normalised() =>
        Parses("LANG:EN troops", And(0, Lang(0, "en"), W(8, "troops")));

    [Fact]
    public void when_not_lang_is_anded_with_a_word_it_excludes_the_language() =>
        Parses("troops NOT lang:en", And(0, W(0, "troops"), Not(7, Lang(11, "en"))));

    [Fact]
    public void when_each_alternative_has_its_language_and_words_it_is_accepted() =>
        Parses("(lang:ar \"انسحاب القوات\") OR (lang:en \"troop withdrawal\")",
            Or(0, And(1, Lang(1, "ar"), W(9, "انسحاب القوات")), And(30, Lang(30, "en"), W(38, "troop withdrawal"))));

    // ---- a realistic rule -------------------------------------------------------------------------------------

    [Fact]
    public void when_a_rule_combines_everything_the_tree_follows_precedence() =>
        Parses("lang:ar (\"انسحاب القوات\" OR انسحاب*) NEAR/5 غزة NOT title:رياضة OR title:\"troop withdrawal\"~0",
            Or(0,
                And(0,
                    Lang(0, "ar"),
                    Near(8, Or(9, W(9, "انسحاب القوات"), W(28, "انسحاب", wildcard: true)), W(44, "غزة"), 5),
                    Not(48, W(58, "رياضة", field: Title))),
                W(73, "troop withdrawal", gap: 0, field: Title)));

    [Fact]
    public void when_a_proximity_of_alternatives_excludes_a_word_near_binds_before_and_not() =>
        Parses("(rocket OR drone) NEAR/3 attack* AND NOT exercise",
            And(0,
                Near(0, Or(1, W(1, "rocket"), W(11, "drone")), W(25, "attack", wildcard: true), 3),
                Not(37, W(41, "exercise"))));

    [Fact]
    public void when_the_rule_is_surrounded_by_spaces_positions_still_count_from_the_start() =>
        Parses("   troops   ", W(3, "troops"));

    [Fact]
    public void when_two_trees_are_equal_their_hash_codes_are_equal()
    {
        var a = RuleParser.Parse("(aa OR bb) cc");
        var b = RuleParser.Parse("(aa OR bb) cc");
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, RuleParser.Parse("(aa OR bb) dd"));
        Assert.Contains("Operands = [ OrNode", a.ToString());
    }
}
