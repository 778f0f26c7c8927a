using System.Globalization;

namespace MediaMonitor.Fuzz.Engine;

/// <summary>
/// The short engine pass of CI: a fixed seed and a few hundred cases a property (MEDIAMONITOR_FUZZ_SEED and
/// MEDIAMONITOR_FUZZ_ENGINE_COUNT change them); the long pass is <c>dotnet run ... -- engine --count N --seed S</c>.
/// </summary>
public sealed class EngineFuzzTests
{
    private static readonly ulong Seed = Setting("SEED", 20251201UL);
    private static readonly long Count = (long)Setting("ENGINE_COUNT", 400UL);

    [Fact]
    public void matching_random_watchlists_against_hostile_articles_never_throws_and_hits_are_exact_slices() =>
        Holds(EngineProperties.MatchingRandomWatchlists);

    [Fact]
    public void matching_watched_phrases_against_hostile_articles_never_throws_and_hits_are_exact_slices() =>
        Holds(EngineProperties.MatchingRealisticWatchlists);

    [Fact]
    public void validating_hostile_terms_never_throws() => Holds(EngineProperties.TermValidation);

    [Fact]
    public void parsing_hostile_rules_throws_only_rule_syntax_exceptions() => Holds(EngineProperties.RuleParsing);

    [Fact]
    public void fingerprints_snippets_and_language_detection_of_hostile_text_never_throw() => Holds(EngineProperties.TextTools);

    [Fact]
    public void every_spelling_of_a_non_public_ipv4_address_is_refused_as_a_webhook_target() =>
        Holds(EngineProperties.WebhookTargetPolicy);

    private static void Holds(IProperty property)
    {
        var failure = property.Run(Seed, Count);
        Assert.True(failure is null, failure);
    }

    private static ulong Setting(string name, ulong fallback) =>
        Environment.GetEnvironmentVariable($"MEDIAMONITOR_FUZZ_{name}") is { Length: > 0 } value
            ? ulong.Parse(value, CultureInfo.InvariantCulture)
            : fallback;
}
