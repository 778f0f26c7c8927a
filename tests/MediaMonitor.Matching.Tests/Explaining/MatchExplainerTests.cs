using MediaMonitor.Matching.Explaining;

namespace MediaMonitor.Matching.Tests.Explaining;

/// <summary>Why a phrase matched or did not, as <see cref="MatchExplainer"/> tells a user tuning a watchlist.</summary>
public class MatchExplainerTests
{
    private static MatchExplanation Explain(string text, string term) =>
        MatchExplainer.Explain(new ArticleText(null, text), [new TermDefinition(term)], null);

    private static PhraseMiss MissOf(string text, string term)
    {
        var explanation = Explain(text, term);
        Assert.False(explanation.Matched);
        return Assert.Single(explanation.Phrases).Miss!;
    }

    [Fact]
    public void a_matching_phrase_reports_its_hit_with_offsets_that_slice_the_text()
    {
        const string text = "أسقطت الدفاعات الجوية طائرات من دون طيار فوق القاعدة";
        var explanation = Explain(text, "طائرة بدون طيار");

        Assert.True(explanation.Matched);
        var hit = Assert.Single(explanation.Hits);
        Assert.Equal("طائرات من دون طيار", text.Substring(hit.Start, hit.Length));
        var phrase = Assert.Single(explanation.Phrases);
        Assert.True(phrase.Matched);
        Assert.Null(phrase.Miss);
    }

    [Fact]
    public void the_analysed_term_shows_every_form_a_function_word_stands_for()
    {
        var phrase = Explain("نص", "طائرة بدون طيار").Phrases[0].Phrase;

        Assert.Equal(3, phrase.Words.Count);
        Assert.Equal("دون|بلا", phrase.Words[1].Text);
        Assert.Contains("طاءرات", phrase.Words[0].Words[0].Forms);
        Assert.Equal(2, phrase.Gap);
    }

    [Fact]
    public void tokens_carry_their_offsets_sentence_normalised_form_and_clitic_readings()
    {
        const string text = "قال المتحدث. وللقوات الأمريكية قواعد";
        var tokens = Explain(text, "انسحاب القوات").Tokens;

        var token = Assert.Single(tokens, t => t.Text == "وللقوات");
        Assert.Equal(text.IndexOf("وللقوات", StringComparison.Ordinal), token.Start);
        Assert.Equal(1, token.Sentence);
        Assert.Equal("arabic", token.Script);
        Assert.Contains("قوات", token.Readings);
        Assert.Equal(0, tokens[0].Sentence);
    }

    [Fact]
    public void an_english_token_is_read_by_its_stem()
    {
        var token = Assert.Single(Explain("Troops were withdrawing", "troop withdrawal").Tokens, t => t.Text == "withdrawing");
        Assert.Equal("latin", token.Script);
        Assert.Equal(["withdraw"], token.Readings);
    }

    [Fact]
    public void a_word_missing_from_the_text_is_named()
    {
        var miss = MissOf("أسقطت الدفاعات الجوية طائرة فوق القاعدة", "طائرة بدون طيار");

        Assert.Equal(MissReason.MissingWord, miss.Reason);
        Assert.Equal(["دون|بلا", "طيار"], miss.MissingWords);
        Assert.Equal("طائرة", miss.Closest!.Text);
    }

    [Fact]
    public void a_misspelt_word_is_a_different_form_and_shows_where_it_is()
    {
        const string text = "Officials confirmed the troop withdrawl from the base on Sunday";
        var miss = MissOf(text, "troop withdrawal");

        Assert.Equal(MissReason.DifferentForm, miss.Reason);
        var similar = Assert.Single(miss.SimilarWords);
        Assert.Equal("withdrawl", similar.At.Text);
        Assert.Equal(text.IndexOf("withdrawl", StringComparison.Ordinal), similar.At.Start);
    }

    [Fact]
    public void words_too_far_apart_in_one_sentence_are_a_gap_too_long_with_the_gap_counted()
    {
        const string text = "The troop numbers in the north fell after the withdrawal was announced";
        var miss = MissOf(text, "troop withdrawal");

        Assert.Equal(MissReason.GapTooLong, miss.Reason);
        Assert.Equal(7, miss.Gap);
        Assert.Equal("troop numbers in the north fell after the withdrawal", miss.Closest!.Text);
    }

    [Fact]
    public void a_quoted_term_allows_no_gap_and_says_so()
    {
        var miss = MissOf("the troop phased withdrawal", "\"troop withdrawal\"");

        Assert.Equal(MissReason.GapTooLong, miss.Reason);
        Assert.Equal(1, miss.Gap);
        Assert.Contains("none", miss.Detail);
    }

    [Fact]
    public void words_in_another_order_are_a_word_order_miss()
    {
        var miss = MissOf("A withdrawal of every troop was ordered", "troop withdrawal");

        Assert.Equal(MissReason.WordOrder, miss.Reason);
        Assert.Equal("withdrawal of every troop", miss.Closest!.Text);
    }

    [Fact]
    public void words_that_meet_only_across_a_sentence_end_are_a_sentence_boundary_miss()
    {
        var miss = MissOf("Officials counted every troop. Withdrawal began on Monday.", "troop withdrawal");

        Assert.Equal(MissReason.SentenceBoundary, miss.Reason);
        Assert.Equal("troop. Withdrawal", miss.Closest!.Text);
    }

    [Fact]
    public void arabic_words_across_a_sentence_end_are_a_sentence_boundary_miss()
    {
        var miss = MissOf("وصلت طائرة. بدون طيار لا يمكن التحليق", "طائرة بدون طيار");

        Assert.Equal(MissReason.SentenceBoundary, miss.Reason);
    }

    [Fact]
    public void words_far_apart_in_different_sentences_are_scattered()
    {
        var miss = MissOf("A troop arrived. Nothing happened for weeks and weeks in the town. Then the withdrawal came.", "troop withdrawal");

        Assert.Equal(MissReason.Scattered, miss.Reason);
    }

    [Fact]
    public void a_rule_phrase_found_only_in_the_other_field_says_so()
    {
        var explanation = MatchExplainer.Explain(new ArticleText("Troop withdrawal begins", "Nothing else here."), [], "body:\"troop withdrawal\"");

        Assert.False(explanation.Matched);
        Assert.Equal(MissReason.OtherField, explanation.Phrases[0].Miss!.Reason);
    }

    [Fact]
    public void a_not_clause_that_excludes_the_article_is_named()
    {
        var explanation = MatchExplainer.Explain(new ArticleText(null, "Rocket attack on the base, a drill said officials"), [],
            "\"rocket attack\" NOT drill");

        Assert.False(explanation.Matched);
        var rule = explanation.Rule!;
        Assert.False(rule.Holds);
        var and = rule.Clauses[0];
        Assert.Equal("and", and.Kind);
        var operands = and.Operands.Select(i => rule.Clauses[i]).ToArray();
        var not = Assert.Single(operands, o => o.Kind == "not");
        Assert.False(not.Holds);
        Assert.Equal("Excluded: drill is in the text.", not.Why);
        Assert.True(Assert.Single(operands, o => o.Kind == "phrase").Holds);
        Assert.Equal(["\"rocket attack\"", "NOT drill", "drill"], rule.Clauses.Skip(1).Select(c => c.Text));
    }

    [Fact]
    public void a_near_clause_with_both_sides_too_far_apart_says_so()
    {
        var explanation = MatchExplainer.Explain(new ArticleText(null, "Rockets hit the city late at night near the old market and the airport"), [],
            "rockets NEAR/3 airport");

        var near = explanation.Rule!.Clauses[0];
        Assert.Equal("near", near.Kind);
        Assert.False(near.Holds);
        Assert.Contains("never within 3 words", near.Why);
    }

    [Fact]
    public void a_holding_rule_matches_and_names_its_hits()
    {
        var explanation = MatchExplainer.Explain(new ArticleText(null, "هجوم صاروخي على قاعدة عين الأسد"), [], "هجوم AND lang:ar");

        Assert.True(explanation.Matched);
        Assert.True(explanation.Rule!.Holds);
        Assert.Equal("ar", explanation.Language);
        Assert.Equal("هجوم", Assert.Single(explanation.Hits).Text);
    }

    [Fact]
    public void a_different_arabic_derivation_is_a_different_form()
    {
        // انسحب (a verb) is not انسحاب (the noun) to the matcher; one letter apart, it is shown as a similar word.
        var miss = MissOf("وقال إن الجيش انسحب القوات من المدينة", "انسحاب القوات");

        Assert.Equal(MissReason.DifferentForm, miss.Reason);
        Assert.Equal("انسحب", Assert.Single(miss.SimilarWords).At.Text);
    }

    [Fact]
    public void an_article_of_five_thousand_words_is_explained_whole()
    {
        var text = string.Join(' ', Enumerable.Repeat("the troop numbers fell after a long and bitter winter", 500));
        var explanation = Explain(text + ". The withdrawal began.", "troop withdrawal");

        Assert.Equal(5003, explanation.Tokens.Count);
        Assert.Equal(MissReason.Scattered, explanation.Phrases[0].Miss!.Reason);
    }

    [Fact]
    public void every_place_of_a_word_repeated_up_to_the_cap_is_weighed()
    {
        // The last troop, next to withdrawal across a sentence end, is place 2,000 of 2,000.
        var text = string.Join(' ', Enumerable.Repeat("troop", WordPlaces.MaxPlaces)) + ". withdrawal";

        var miss = Explain(text, "troop withdrawal").Phrases[0].Miss!;

        Assert.Equal(MissReason.SentenceBoundary, miss.Reason);
        Assert.Equal(text.Length - "troop. withdrawal".Length, miss.Closest!.Start);
    }

    [Fact]
    public void the_tightest_chain_is_found_when_the_nearest_words_are_not_it()
    {
        // Through the withdrawal next to plan the widest gap is 9 (troop to it); through the first one, 5 (it to plan).
        const string text = "troop a b c d withdrawal e f g h withdrawal plan";
        var miss = MissOf(text, "troop withdrawal plan");

        Assert.Equal(MissReason.GapTooLong, miss.Reason);
        Assert.Equal(5, miss.Gap);
        Assert.Equal(text, miss.Closest!.Text);
    }

    [Theory]
    [InlineData("withdrawal", "withdrawl", true)]
    [InlineData("withdrawal", "withdrawals", true)]
    [InlineData("withdrawal", "withdarwal", true)]
    [InlineData("withdrawal", "withdrawn", false)]
    [InlineData("انسحاب", "انسحب", true)]
    [InlineData("انسحاب", "انسحاب", false)]
    public void one_edit_apart_counts_an_added_dropped_changed_or_swapped_letter(string a, string b, bool expected)
    {
        Assert.Equal(expected, SimilarWords.OneEditApart(a, b));
        Assert.Equal(expected, SimilarWords.OneEditApart(b, a));
    }

    [Fact]
    public void a_rule_word_of_marks_alone_is_a_missing_word_not_an_error()
    {
        var explanation = MatchExplainer.Explain(new ArticleText(null, "A rocket attack hit the base."), [], "\uFC5E\uFC5E\uFC5E OR rocket");

        Assert.True(explanation.Matched);
        var marks = explanation.Phrases[0];
        Assert.Empty(marks.Phrase.Words);
        Assert.Equal(MissReason.MissingWord, marks.Miss!.Reason);
    }

    [Fact]
    public void a_word_that_many_phrases_share_is_looked_up_once_and_each_phrase_explained()
    {
        var text = string.Join(' ', Enumerable.Repeat("the drone flew over the town", 4_000));
        var terms = Enumerable.Range(0, 100).Select(i => new TermDefinition($"drone strike{i}")).ToArray();

        var explanation = MatchExplainer.Explain(new ArticleText(null, text), terms, null);

        Assert.Equal(100, explanation.Phrases.Count);
        Assert.All(explanation.Phrases, p => Assert.Equal(MissReason.MissingWord, p.Miss!.Reason));
    }
}
