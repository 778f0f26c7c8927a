using System.Diagnostics;
using MediaMonitor.Matching.Rules;
using static MediaMonitor.Matching.Tests.Rules.Ast;

namespace MediaMonitor.Matching.Tests.Rules;

/// <summary>Rules typed by mistake or by an attacker: every one must end in a <see cref="RuleSyntaxException"/>
/// (or a tree), quickly, and never in a stack overflow or another exception.</summary>
public class RuleHostileInputTests
{
    private static string Repeat(string s, int times) => string.Concat(Enumerable.Repeat(s, times));

    [Fact]
    public void when_ten_thousand_parentheses_open_the_error_is_the_depth_at_the_eleventh() =>
        RefusedAt(new string('(', 10_000), 10, "at most 10 nested parentheses and NOTs");

    [Fact]
    public void when_ten_thousand_parentheses_wrap_a_word_the_error_is_the_depth() =>
        RefusedAt(new string('(', 10_000) + "troops" + new string(')', 10_000), 10, "at most 10 nested parentheses and NOTs");

    [Fact]
    public void when_ten_thousand_nots_follow_a_word_the_error_is_the_depth() =>
        RefusedAt("troops " + Repeat("NOT ", 10_000) + "gaza", 47, "at most 10 nested parentheses and NOTs");

    [Fact]
    public void when_ten_thousand_closing_parentheses_follow_a_word_the_first_is_the_error() =>
        RefusedAt("troops" + new string(')', 10_000), 6, "an operator or the end of the rule");

    [Fact]
    public void when_a_megabyte_of_letters_arrives_the_length_is_the_error_without_reading_it_all()
    {
        var watch = Stopwatch.StartNew();
        RefusedAt(new string('x', 1_000_000), RuleLimits.MaxRuleLength);
        Assert.True(watch.ElapsedMilliseconds < 1_000);
    }

    [Fact]
    public void when_a_megabyte_of_spaces_arrives_the_length_is_the_error() =>
        RefusedAt(new string(' ', 1_000_000), RuleLimits.MaxRuleLength);

    [Fact]
    public void when_operators_repeat_thousands_of_times_the_second_is_the_error() =>
        RefusedAt("troops " + Repeat("AND ", 1_000), 11, Operand);

    [Fact]
    public void when_a_rule_is_only_operators_the_first_is_the_error() =>
        RefusedAt(Repeat("OR ", 1_000), 0, Operand);

    [Fact]
    public void when_a_long_chain_of_ands_stays_under_the_limits_it_is_one_flat_node()
    {
        var node = Assert.IsType<AndNode>(RuleParser.Parse(string.Join(" AND ", Enumerable.Repeat("troops", 200))));
        Assert.Equal(200, node.Operands.Count);
    }

    [Fact]
    public void when_a_long_chain_passes_the_phrase_limit_the_error_is_at_the_phrase_past_it() =>
        RefusedAt(Repeat("troops ", 600), 200 * 7, "at most 200 words and phrases");

    [Fact]
    public void when_many_quotes_are_unbalanced_the_error_is_at_the_last_opening_one() =>
        RefusedAt(Repeat("\"troop withdrawal\" ", 100) + "\"troop", 1_900, "a closing '\"'");

    [Fact]
    public void when_a_rule_fills_the_length_with_small_groups_it_parses_quickly()
    {
        var rule = Repeat("(aa OR bb) ", 100);
        var watch = Stopwatch.StartNew();
        var node = Assert.IsType<AndNode>(RuleParser.Parse(rule));
        Assert.Equal(100, node.Operands.Count);
        Assert.True(watch.ElapsedMilliseconds < 1_000);
    }

    [Fact]
    public void when_random_rules_are_parsed_each_gives_a_tree_or_a_syntax_error_within_the_text()
    {
        string[] pieces =
        [
            "(", ")", "\"", "\\\"", " ", "AND ", "OR ", "NOT ", "NEAR/3 ", "ONEAR/", "NEAR ", "title:", "body:", "lang:ar ",
            "lang:", "troops", "غزة", "*", "~2", "~", ":", "10:30", "-", "+", "?", "\u201C", "\u00BB", "\u200F", "ab",
        ];
        var random = new Random(20_240_601);
        var parsed = 0;
        for (var round = 0; round < 20_000; round++)
        {
            var length = random.Next(1, 30);
            var rule = string.Concat(Enumerable.Range(0, length).Select(_ => pieces[random.Next(pieces.Length)]));
            try
            {
                var node = RuleParser.Parse(rule);
                parsed++;
                AssertPositionsWithin(node, rule.Length);
            }
            catch (RuleSyntaxException e)
            {
                Assert.InRange(e.Position, 0, rule.Length);
                Assert.False(string.IsNullOrWhiteSpace(e.Expected), rule);
                Assert.False(string.IsNullOrWhiteSpace(e.Message), rule);
            }
        }
        Assert.True(parsed > 100, $"only {parsed} random rules parsed");
    }

    private static void AssertPositionsWithin(RuleNode node, int length)
    {
        Assert.InRange(node.Position, 0, length - 1);
        switch (node)
        {
            case AndNode a:
                Assert.True(a.Operands.Count >= 2);
                Assert.DoesNotContain(a.Operands, o => o is AndNode);
                foreach (var o in a.Operands) AssertPositionsWithin(o, length);
                break;
            case OrNode o:
                Assert.True(o.Operands.Count >= 2);
                Assert.DoesNotContain(o.Operands, x => x is OrNode);
                foreach (var x in o.Operands) AssertPositionsWithin(x, length);
                break;
            case NotNode n:
                AssertPositionsWithin(n.Operand, length);
                break;
            case NearNode n:
                AssertPositionsWithin(n.Left, length);
                AssertPositionsWithin(n.Right, length);
                break;
            case PhraseNode p:
                Assert.False(string.IsNullOrWhiteSpace(p.Text));
                Assert.DoesNotContain('*', p.Text);
                break;
        }
    }
}
