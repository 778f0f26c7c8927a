using MediaMonitor.Matching.Tests.Support;

namespace MediaMonitor.Matching.Tests;

public class EnglishInflectionTests
{
    [Theory]
    [InlineData("rocket attack", "Two rocket attacks hit the base overnight", "rocket attacks")]
    [InlineData("rocket attacks", "A rocket attack hit the base overnight", "rocket attack")]
    [InlineData("troop withdrawal", "Talks on troops withdrawals resumed", "troops withdrawals")]
    [InlineData("refugee camp", "Aid reached the refugees' camps on Monday", "refugees' camps")]
    [InlineData("coronavirus", "Most coronaviruses cause mild colds", "coronaviruses")]
    [InlineData("city", "Several cities imposed curfews", "cities")]
    [InlineData("suicide bombing", "A wave of suicide bombings hit the city", "suicide bombings")]
    [InlineData("killings", "The killing of protesters", "killing")]
    public void when_an_english_noun_is_plural(string phrase, string text, string expected)
    {
        Assert.Equal([expected], Watch.Found(phrase, text));
    }

    [Fact]
    public void when_an_english_noun_is_possessive()
    {
        Assert.Equal(["ISIS's"], Watch.Found("ISIS", "ISIS's fighters retreated from the town"));
        Assert.Equal(["Iraq’s election"], Watch.Found("Iraq election", "Iraq’s election is due in October"));
    }

    [Theory]
    [InlineData("The US withdraws troops from Syria", "withdraws troops")]
    [InlineData("The US withdrew troops from Syria", "withdrew troops")]
    [InlineData("The US has withdrawn troops from Syria", "withdrawn troops")]
    [InlineData("The US is withdrawing troops from Syria", "withdrawing troops")]
    public void when_an_english_verb_is_inflected(string text, string expected)
    {
        Assert.Equal([expected], Watch.Found("withdraw troops", text));
    }

    [Theory]
    [InlineData("Rebels attacked the convoy", "attacked")]
    [InlineData("Rebels are attacking the convoy", "attacking")]
    [InlineData("Gunmen stopped the convoy", "stopped")]
    [InlineData("Studies of the virus continue", "Studies")]
    public void when_regular_verb_and_noun_endings_change_the_spelling(string text, string expected)
    {
        var phrase = expected.ToLowerInvariant() switch
        {
            "attacked" or "attacking" => "attack",
            "stopped" => "stop",
            _ => "study",
        };
        Assert.Equal([expected], Watch.Found(phrase, text));
    }

    [Theory]
    [InlineData("election", "The electoral commission met on Monday")]
    [InlineData("election", "She was elected mayor in 2019")]
    [InlineData("hospital", "The hotel is known for its hospitality")]
    [InlineData("attack", "The attacker was arrested")]
    [InlineData("refugee", "Civilians took refuge in the mosque")]
    public void when_a_word_is_derived_rather_than_inflected(string phrase, string text)
    {
        Assert.Empty(Watch.Found(phrase, text));
    }

    [Fact]
    public void when_a_plural_has_a_derived_base_both_keep_the_derivation()
    {
        Assert.Equal(["elections"], Watch.Found("election", "Parliament called early elections"));
        Assert.Equal(["withdrawals"], Watch.Found("withdrawal", "Both withdrawals were delayed"));
    }

    [Theory]
    [InlineData("evacuate", "Residents were evacuated overnight", "evacuated")]
    [InlineData("evacuate", "Troops are evacuating the town", "evacuating")]
    [InlineData("evacuated", "They evacuate the town", "evacuate")]
    [InlineData("criticize", "Ministers criticized the plan", "criticized")]
    [InlineData("negotiate", "Both sides negotiated for days", "negotiated")]
    [InlineData("vaccinate", "Nurses vaccinated 500 people", "vaccinated")]
    [InlineData("escalate", "The conflict escalates", "escalates")]
    [InlineData("hospitalize", "Two were hospitalized", "hospitalized")]
    [InlineData("organize", "They organized a march", "organized")]
    public void when_a_verb_ending_in_a_derivational_suffix_is_inflected(string phrase, string text, string expected)
    {
        Assert.Equal([expected], Watch.Found(phrase, text));
    }

    [Theory]
    [InlineData("lead", "The army led the offensive", "led")]
    [InlineData("find", "Investigators found the wreck", "found")]
    [InlineData("rise", "Prices rose sharply", "rose")]
    [InlineData("overthrow", "The president was overthrown", "overthrown")]
    [InlineData("crisis", "Two crises at once", "crises")]
    [InlineData("go home", "They are going home", "going home")]
    [InlineData("go home", "They went home", "went home")]
    [InlineData("do business", "Doing business there is hard", "Doing business")]
    public void when_an_english_form_is_irregular(string phrase, string text, string expected)
    {
        Assert.Equal([expected], Watch.Found(phrase, text));
    }
}
