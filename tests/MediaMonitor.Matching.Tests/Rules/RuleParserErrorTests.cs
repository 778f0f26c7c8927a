using MediaMonitor.Matching.Rules;
using static MediaMonitor.Matching.Tests.Rules.Ast;

namespace MediaMonitor.Matching.Tests.Rules;

public class RuleParserErrorTests
{
    // ---- empty rules, missing and misplaced operands ------------------------------------------------------------

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    [InlineData(null)]
    public void when_the_rule_is_empty_it_is_refused_at_the_start(string? rule)
    {
        var error = Assert.Throws<RuleSyntaxException>(() => RuleParser.Parse(rule!));
        Assert.Equal(0, error.Position);
        Assert.Equal(Operand, error.Expected);
        Assert.Contains("empty", error.Message);
    }

    [Theory]
    [InlineData("troops AND", 10)]
    [InlineData("troops OR", 9)]
    [InlineData("troops NOT", 10)]
    [InlineData("troops NEAR/3", 13)]
    [InlineData("troops AND ", 11)]
    public void when_an_operator_ends_the_rule_the_error_is_at_the_end(string rule, int position)
    {
        var error = RefusedAt(rule, position, Operand);
        Assert.Equal($"Expected a word, a quoted phrase or '(' at position {position} but found the end of the rule.", error.Message);
    }

    [Theory]
    [InlineData("AND troops", "AND")]
    [InlineData("OR troops", "OR")]
    public void when_a_binary_operator_leads_the_error_names_it_and_how_to_search_the_word(string rule, string op)
    {
        var error = RefusedAt(rule, 0, Operand);
        Assert.StartsWith($"Expected a word, a quoted phrase or '(' at position 0 but found '{op}'.", error.Message);
        Assert.Contains("lower case or in quotes", error.Message);
    }

    [Fact]
    public void when_near_leads_the_error_names_it() =>
        Assert.Equal("Expected a word, a quoted phrase or '(' at position 0 but found 'NEAR/3'.",
            RefusedAt("NEAR/3 troops", 0, Operand).Message);

    [Fact]
    public void when_two_binary_operators_follow_each_other_the_second_is_the_error() =>
        Assert.StartsWith("Expected a word, a quoted phrase or '(' at position 11 but found 'OR'.",
            RefusedAt("troops AND OR forces", 11, Operand).Message);

    [Fact]
    public void when_an_operator_is_right_before_a_closing_parenthesis_the_parenthesis_is_the_error() =>
        Assert.Equal("Expected a word, a quoted phrase or '(' at position 21 but found ')'.",
            RefusedAt("(troops OR forces AND)", 21, Operand).Message);

    [Fact]
    public void when_parentheses_are_empty_the_error_is_at_the_closing_one()
    {
        var error = RefusedAt("troops ()", 8, Operand);
        Assert.Equal("Expected a word, a quoted phrase or '(' at position 8 but found ')': the parentheses at position 7 are empty.", error.Message);
    }

    [Fact]
    public void when_a_rule_is_only_empty_parentheses_the_error_is_at_the_closing_one() =>
        RefusedAt("()", 1, Operand);

    // ---- unbalanced parentheses and quotes ------------------------------------------------------------------------

    [Fact]
    public void when_a_parenthesis_is_never_closed_the_error_is_at_the_opening_one() =>
        Assert.Equal("The '(' at position 7 is never closed.", RefusedAt("troops (gaza OR rafah", 7, "')'").Message);

    [Fact]
    public void when_nested_parentheses_leave_the_outer_one_open_the_error_is_at_the_outer_one() =>
        RefusedAt("(troops (gaza OR rafah)", 0, "')'");

    [Fact]
    public void when_a_closing_parenthesis_has_no_opening_one_the_error_is_at_it() =>
        Assert.Equal("The ')' at position 6 closes no '('.",
            RefusedAt("troops) gaza", 6, "an operator or the end of the rule").Message);

    [Fact]
    public void when_a_quote_is_never_closed_the_error_is_at_the_opening_quote() =>
        Assert.Equal("The quote at position 7 is never closed.",
            RefusedAt("troops \"troop withdrawal", 7, "a closing '\"'").Message);

    [Fact]
    public void when_a_quote_closes_an_escaped_quote_the_phrase_is_still_open() =>
        RefusedAt("\"troop withdrawal\\\"", 0, "a closing '\"'");

    [Fact]
    public void when_a_closing_typographic_quote_has_no_opening_one_the_error_is_at_it() =>
        RefusedAt("troops \u201D", 7, Operand);

    [Fact]
    public void when_a_quoted_phrase_is_glued_to_a_word_after_it_the_error_is_at_the_word() =>
        RefusedAt("\"troop withdrawal\"gaza", 18, "a space, ')' or the end of the rule");

    [Fact]
    public void when_a_word_is_glued_to_a_quoted_phrase_the_error_is_at_the_quote() =>
        RefusedAt("gaza\"troop withdrawal\"", 4, "a space before the quote");

    [Fact]
    public void when_a_quoted_phrase_has_no_letters_it_is_refused() =>
        Assert.Contains("no letters or digits", RefusedAt("troops \"\"", 7).Message);

    // ---- NEAR -----------------------------------------------------------------------------------------------

    [Fact]
    public void when_near_has_no_distance_the_error_names_the_position()
    {
        var error = RefusedAt("troops NEAR withdrawal", 7, "NEAR/n with n from 1 to 50");
        Assert.Contains("NEAR needs a distance, e.g. NEAR/5", error.Message);
    }

    [Fact]
    public void when_onear_has_no_distance_the_error_says_onear() =>
        Assert.Contains("ONEAR needs a distance, e.g. ONEAR/5", RefusedAt("troops ONEAR withdrawal", 7).Message);

    [Theory]
    [InlineData("troops NEAR/ withdrawal")]
    [InlineData("troops NEAR/x withdrawal")]
    [InlineData("troops NEAR/3x withdrawal")]
    [InlineData("troops NEAR/-3 withdrawal")]
    public void when_near_has_no_number_after_the_slash_the_error_is_where_the_number_belongs(string rule) =>
        Assert.Contains("NEAR needs a distance, e.g. NEAR/5", RefusedAt(rule, 12, "a distance from 1 to 50 after 'NEAR/'").Message);

    [Theory]
    [InlineData("troops NEAR/0 withdrawal")]
    [InlineData("troops NEAR/51 withdrawal")]
    [InlineData("troops NEAR/99999999999999999999 withdrawal")]
    public void when_the_near_distance_is_out_of_range_the_error_is_at_the_number(string rule) =>
        Assert.Contains("must be from 1 to 50 words", RefusedAt(rule, 12, "a distance from 1 to 50 after 'NEAR/'").Message);

    [Theory]
    [InlineData("troops near/3 withdrawal")]
    [InlineData("troops Near/3 withdrawal")]
    [InlineData("troops onear/3 withdrawal")]
    public void when_near_with_a_distance_is_not_in_capitals_it_is_refused_not_read_as_words(string rule) =>
        Assert.Contains("Operators are written in capitals", RefusedAt(rule, 7).Message);

    [Fact]
    public void when_not_is_a_side_of_near_the_error_is_at_the_not_and_suggests_the_fix()
    {
        var error = RefusedAt("NOT troops NEAR/3 gaza", 0, "a word, a quoted phrase or an OR of them in parentheses");
        Assert.Contains("NOT (a NEAR/3 b)", error.Message);
    }

    [Fact]
    public void when_not_is_the_right_side_of_near_the_error_is_at_the_not() =>
        RefusedAt("troops NEAR/3 NOT gaza", 14, "a word, a quoted phrase or an OR of them in parentheses");

    [Theory]
    [InlineData("(rocket attack) NEAR/3 gaza")]
    [InlineData("(rocket AND attack) NEAR/3 gaza")]
    public void when_an_and_is_a_side_of_near_the_error_is_at_the_and(string rule) =>
        Assert.Contains("cannot be a side of NEAR/3", RefusedAt(rule, 1).Message);

    [Fact]
    public void when_lang_is_a_side_of_near_it_is_refused() =>
        Assert.Contains("no position in the text", RefusedAt("lang:ar NEAR/3 gaza", 0).Message);

    [Fact]
    public void when_nears_are_chained_the_error_is_at_the_second_near() =>
        Assert.Contains("cannot be chained or nested", RefusedAt("troops NEAR/3 gaza NEAR/2 rafah", 19).Message);

    [Fact]
    public void when_a_near_is_nested_on_the_right_of_a_near_the_error_is_at_the_inner_one() =>
        Assert.Contains("cannot be chained or nested", RefusedAt("troops NEAR/3 (gaza NEAR/2 rafah)", 15).Message);

    [Fact]
    public void when_an_or_side_of_near_holds_a_not_the_error_is_at_the_not() =>
        Assert.Contains("inside the OR", RefusedAt("(troops OR NOT forces) NEAR/3 gaza", 11).Message);

    [Fact]
    public void when_an_or_side_of_near_holds_an_and_the_error_is_at_the_and() =>
        RefusedAt("(troops OR (armed forces)) NEAR/3 gaza", 12);

    [Fact]
    public void when_the_sides_of_near_are_in_different_fields_it_could_never_match() =>
        Assert.Contains("different fields", RefusedAt("title:troops NEAR/3 body:gaza", 13, "both sides of NEAR in the same field").Message);

    // ---- fields and languages -----------------------------------------------------------------------------------

    [Fact]
    public void when_a_field_is_unknown_the_error_lists_the_known_ones()
    {
        var error = RefusedAt("troops author:smith", 7, "title:, body: or lang:");
        Assert.Contains("'author:'", error.Message);
        Assert.Contains("title:, body: and lang:", error.Message);
        Assert.Contains("quotes", error.Message);
    }

    [Fact]
    public void when_an_address_is_written_bare_it_is_an_unknown_field_and_quoting_it_works()
    {
        RefusedAt("https://example.com", 0, "title:, body: or lang:");
        Parses("\"https://example.com\"", W(0, "https://example.com"));
    }

    [Fact]
    public void when_an_arabic_word_ends_with_a_colon_it_is_read_as_a_field_and_refused() =>
        RefusedAt("قال:انسحاب", 0, "title:, body: or lang:");

    [Theory]
    [InlineData("title: troops", "a space")]
    [InlineData("title:", "the end of the rule")]
    [InlineData("(title:)", "')'")]
    public void when_nothing_follows_the_colon_of_a_field_the_error_is_right_after_it(string rule, string found)
    {
        var at = rule.IndexOf(':') + 1;
        Assert.Equal($"Expected a word, a quoted phrase or '(' right after 'title:' at position {at} but found {found}.",
            RefusedAt(rule, at, Operand).Message);
    }

    [Fact]
    public void when_a_field_is_followed_by_not_the_error_is_at_the_not() =>
        RefusedAt("title:NOT troops", 6, Operand);

    [Fact]
    public void when_a_field_is_followed_by_another_field_the_error_is_at_the_second() =>
        RefusedAt("title:body:troops", 6, Operand);

    [Fact]
    public void when_a_field_inside_a_field_conflicts_the_error_is_at_the_inner_field()
    {
        var error = RefusedAt("title:(troops OR body:gaza)", 17, "no field, or title:");
        Assert.Contains("conflicts with 'title:' at position 0", error.Message);
    }

    [Fact]
    public void when_lang_stands_inside_a_field_it_is_refused() =>
        Assert.Contains("cannot stand inside 'title:'", RefusedAt("title:(lang:ar troops)", 7, Operand).Message);

    [Theory]
    [InlineData("troops lang:fr", "'fr'")]
    [InlineData("troops lang:arabic", "'arabic'")]
    [InlineData("troops lang:", "nothing")]
    [InlineData("troops lang:\"ar\"", "nothing")]
    public void when_the_language_is_not_ar_or_en_the_error_is_after_the_colon(string rule, string found) =>
        Assert.EndsWith($"but found {found}.", RefusedAt(rule, 12, "ar or en").Message);

    // ---- wildcards ---------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("*", 0)]
    [InlineData("troops *", 7)]
    [InlineData("troops -*", 8)]
    public void when_a_star_follows_no_letters_it_is_refused(string rule, int position) =>
        Assert.Contains("must follow the letters of a word", RefusedAt(rule, position, "'*' only at the end of a word").Message);

    [Theory]
    [InlineData("*withdraw", 0)]
    [InlineData("with*draw", 4)]
    [InlineData("withdraw**", 8)]
    [InlineData("*انسحاب", 0)]
    public void when_a_star_is_not_at_the_end_of_a_word_the_error_is_at_the_star(string rule, int position) =>
        Assert.Contains("is not at the end of the word", RefusedAt(rule, position, "'*' only at the end of a word").Message);

    [Fact]
    public void when_a_star_ends_a_word_in_the_middle_of_a_phrase_the_error_is_at_the_star() =>
        Assert.Contains("only its last word", RefusedAt("\"troop* withdrawal\"", 6, "'*' only at the end of a word").Message);

    [Fact]
    public void when_a_star_stands_alone_in_a_phrase_it_is_refused() =>
        RefusedAt("\"troop withdrawal *\"", 18, "'*' only at the end of a word");

    [Fact]
    public void when_a_star_follows_the_closing_quote_the_error_says_to_put_it_inside() =>
        Assert.Contains("inside the quotes", RefusedAt("\"troop withdraw\"*", 16).Message);

    [Theory]
    [InlineData("wi*", 2, 2)]
    [InlineData("w*", 1, 1)]
    [InlineData("\"troop wi*\"", 9, 2)]
    [InlineData("ان*", 2, 2)]
    public void when_the_prefix_before_a_star_is_too_short_it_would_match_most_words(string rule, int position, int letters)
    {
        var error = RefusedAt(rule, position, "at least 3 letters before '*'");
        Assert.Contains($"only {letters} letter", error.Message);
        Assert.Contains("too short a prefix would match most words", error.Message);
    }

    [Fact]
    public void when_a_question_mark_sits_between_letters_it_is_refused_as_a_one_letter_wildcard() =>
        Assert.Contains("one-letter wildcard", RefusedAt("wom?n", 3, "letters only, or a trailing '*'").Message);

    [Fact]
    public void when_a_question_mark_ends_a_quoted_phrase_it_is_punctuation() =>
        Parses("\"what next?\"", W(0, "what next?"));

    // ---- gaps and habits from other syntaxes --------------------------------------------------------------------

    [Fact]
    public void when_a_gap_has_no_number_the_error_is_where_the_number_belongs() =>
        RefusedAt("\"troop withdrawal\"~ gaza", 19, "a number of words from 0 to 5 after '~'");

    [Fact]
    public void when_a_gap_follows_a_bare_word_it_is_refused_at_the_tilde() =>
        Assert.Contains("follows a quoted phrase", RefusedAt("troops~2", 6, "'~n' only right after a closing quote").Message);

    [Fact]
    public void when_a_word_starts_with_a_minus_the_error_suggests_not() =>
        Assert.Contains("NOT gaza", RefusedAt("troops -gaza", 7, Operand).Message);

    [Fact]
    public void when_a_word_starts_with_a_plus_the_error_says_it_is_not_needed() =>
        Assert.Contains("drop the '+'", RefusedAt("troops +gaza", 7, Operand).Message);

    [Fact]
    public void when_a_number_starts_with_a_plus_it_is_a_word() =>
        Parses("+972", W(0, "+972"));

    [Theory]
    [InlineData("troops && gaza", 7)]
    [InlineData("troops || gaza", 7)]
    [InlineData("troops - gaza", 7)]
    public void when_a_word_has_no_letters_or_digits_it_is_refused(string rule, int position) =>
        Assert.Contains("no letters or digits", RefusedAt(rule, position, "a word with letters or digits").Message);

    [Fact]
    public void when_a_word_has_one_letter_it_is_refused_with_a_hint_to_quote_it() =>
        Assert.Contains("\"plan b\"", RefusedAt("plan b", 5, "a word of at least two letters or digits").Message);

    // ---- a rule must look for something ------------------------------------------------------------------------

    [Theory]
    [InlineData("NOT troops")]
    [InlineData("lang:ar")]
    [InlineData("lang:ar NOT troops")]
    [InlineData("NOT troops NOT gaza")]
    [InlineData("NOT troops AND lang:en")]
    [InlineData("NOT NOT troops")]
    [InlineData("(NOT troops)")]
    public void when_the_rule_has_no_phrase_outside_not_it_would_match_almost_everything(string rule)
    {
        var error = RefusedAt(rule, rule.StartsWith('(') ? 1 : 0, "a word or phrase that is not under NOT", namesPosition: false);
        Assert.Contains("would match almost every article", error.Message);
    }

    [Theory]
    [InlineData("troops OR NOT gaza", 10)]
    [InlineData("troops OR lang:ar", 10)]
    [InlineData("troops OR (lang:ar NOT gaza)", 11)]
    [InlineData("(troops OR NOT gaza) NOT rafah", 11)]
    public void when_an_or_alternative_has_no_phrase_outside_not_the_error_is_at_that_alternative(string rule, int position) =>
        Assert.Contains("would match almost every article",
            RefusedAt(rule, position, "a word or phrase that is not under NOT").Message);

    [Fact]
    public void when_an_or_with_a_negated_alternative_is_anded_with_a_phrase_the_rule_is_accepted() =>
        Parses("troops (gaza OR NOT rafah)", And(0, W(0, "troops"), Or(8, W(8, "gaza"), Not(16, W(20, "rafah")))));

    [Fact]
    public void when_a_near_is_the_only_positive_part_the_rule_is_accepted() =>
        Parses("troops NEAR/3 gaza NOT rafah", And(0, Near(0, W(0, "troops"), W(14, "gaza"), 3), Not(19, W(23, "rafah"))));
}
