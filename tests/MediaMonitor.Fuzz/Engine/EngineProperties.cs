using System.Net;
using MediaMonitor.Fuzz.Generators;
using MediaMonitor.Matching;
using MediaMonitor.Matching.Rules;
using MediaMonitor.Infrastructure;
using MediaMonitor.Webhooks;

namespace MediaMonitor.Fuzz.Engine;

/// <summary>
/// Properties of the text analysis, the rule parser and the webhook target policy, over hostile input, through their
/// public API only. Each is a test of <see cref="EngineFuzzTests"/> (short) and part of the <c>engine</c> pass (long).
/// </summary>
public static class EngineProperties
{
    public sealed record Case(IReadOnlyList<WatchlistDefinition> Watchlists, ArticleText Article);

    /// <summary>Watchlists that match the generated articles often, so hits are plentiful.</summary>
    private static readonly WatchlistDefinition[] Realistic =
        Words.WatchedPhrases.Select((p, i) => new WatchlistDefinition($"real{i}", 1, [new TermDefinition(p, i < 5 ? "en" : "ar")]))
            .Append(new WatchlistDefinition("rule", 1, [], "\"troop withdrawal\" OR (انسحاب NEAR/3 القوات) OR title:ceasefire* OR rocket ONEAR/2 attack"))
            .ToArray();

    private static readonly Matcher RealisticMatcher = Matcher.Compile(Realistic);

    public static readonly IProperty MatchingRandomWatchlists = new Property<Case>(
        "matching random watchlists against a hostile article never throws and every hit is its field's exact slice",
        r => new Case(RandomWatchlists(r), Article(r)), c => c.Article.Body.Length + (c.Article.Title?.Length ?? 0) + c.Watchlists.Count,
        c => CheckHits(Matcher.Compile(c.Watchlists), c.Article), Print);

    public static readonly IProperty MatchingRealisticWatchlists = new Property<ArticleText>(
        "matching the watched phrases against a hostile article never throws and every hit is its field's exact slice",
        Article, a => a.Body.Length + (a.Title?.Length ?? 0), a => CheckHits(RealisticMatcher, a), a => Print(new Case([], a)));

    public static readonly IProperty TermValidation = new Property<TermDefinition>(
        "term validation never throws",
        r => new TermDefinition(r.Chance(0.5) ? HostileText.Next(r, 260) : HostileText.MostlyWords(r, 60), r.Pick("ar", "en", null, "fr", "")),
        t => t.Phrase.Length, t => TermRules.Validate(t), t => Escape(t.Phrase));

    public static readonly IProperty RuleParsing = new Property<string>(
        "the rule parser throws nothing but RuleSyntaxException",
        r => r.Chance(0.6) ? HostileValues.Rule(r) : HostileText.Next(r, 500), s => s.Length, ParseRule, Escape);

    public static readonly IProperty TextTools = new Property<(string Text, int Start, int Length, int Context)>(
        "fingerprint, language detection and snippets never throw",
        r => (HostileText.Next(r, 2_000), r.Between(-5, 2_100), r.Between(-5, 300), r.Between(-3, 200)), v => v.Text.Length,
        v =>
        {
            ContentFingerprint.Of(v.Text.Length % 2 == 0 ? null : v.Text[..(v.Text.Length / 2)], v.Text);
            LanguageDetector.Detect(v.Text);
            Snippet.Around(v.Text, v.Start, v.Length, v.Context);
        },
        v => $"{Escape(v.Text)} start {v.Start} length {v.Length} context {v.Context}");

    public static readonly IProperty WebhookTargetPolicy = new Property<(IPAddress Address, IPAddress Embedded, string Form)>(
        "every spelling of a loopback, private or link-local IPv4 address is refused as a webhook target",
        NonPublicInSomeSpelling, _ => 1, CheckRefused, v => $"{v.Address} ({v.Form} of {v.Embedded})");

    public static readonly IReadOnlyList<IProperty> All =
        [MatchingRandomWatchlists, MatchingRealisticWatchlists, TermValidation, RuleParsing, TextTools, WebhookTargetPolicy];

    /// <summary>Runs every property for <paramref name="count"/> cases; returns how many failed.</summary>
    public static int RunAll(ulong seed, long count, TextWriter output)
    {
        var failed = 0;
        foreach (var property in All)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var failure = property.Run(seed, count);
            output.WriteLine(failure is null ? $"ok   {property.Name} ({count} cases, {clock.Elapsed.TotalSeconds:0.0} s)" : $"FAIL {failure}");
            if (failure is not null) failed++;
        }
        return failed;
    }

    private static void CheckHits(Matcher matcher, ArticleText article)
    {
        foreach (var match in matcher.Match(article))
        {
            foreach (var hit in match.Hits)
            {
                var field = hit.Field == ArticleField.Title ? article.Title ?? "" : article.Body;
                if (hit.Start < 0 || hit.Length < 0 || hit.Start + hit.Length > field.Length)
                    throw new InvalidOperationException($"Hit {hit.Start}+{hit.Length} of '{hit.Term}' lies outside the {hit.Field} ({field.Length} units).");
                var slice = field.Substring(hit.Start, hit.Length);
                if (hit.Text != slice) throw new InvalidOperationException($"Hit text '{Escape(hit.Text)}' is not the slice '{Escape(slice)}'.");
            }
        }
    }

    private static void ParseRule(string rule)
    {
        try
        {
            RuleParser.Parse(rule);
        }
        catch (RuleSyntaxException)
        {
        }
    }

    private static IReadOnlyList<WatchlistDefinition> RandomWatchlists(Rng r) =>
        Enumerable.Range(0, r.Between(1, 4)).Select(i => new WatchlistDefinition($"w{i}", r.Between(1, 3),
            Enumerable.Range(0, r.Between(0, 5)).Select(_ => new TermDefinition(
                r.Weighted((3, r.Pick(Words.WatchedPhrases)), (2, HostileText.Next(r, 60)), (2, HostileText.MostlyWords(r, 30))),
                r.Pick("ar", "en", null))).ToList(),
            r.Chance(0.4) ? HostileValues.Rule(r) : null)).ToList();

    private static ArticleText Article(Rng r) => new(
        r.Chance(0.2) ? null : r.Chance(0.7) ? HostileText.MostlyWords(r, 200) : HostileText.Next(r, 200),
        r.Chance(0.7) ? HostileText.MostlyWords(r, 3_000) : HostileText.Next(r, 3_000),
        r.Pick("ar", "en", null));

    /// <summary>An IPv4 address that is not public, alone or carried in an IPv6 address by one of the standard ways.</summary>
    private static (IPAddress, IPAddress, string) NonPublicInSomeSpelling(Rng r)
    {
        var v4 = r.Next(5) switch
        {
            0 => new byte[] { 127, (byte)r.Next(256), (byte)r.Next(256), (byte)r.Between(1, 254) },
            1 => [10, (byte)r.Next(256), (byte)r.Next(256), (byte)r.Between(1, 254)],
            2 => [192, 168, (byte)r.Next(256), (byte)r.Between(1, 254)],
            3 => [172, (byte)r.Between(16, 31), (byte)r.Next(256), (byte)r.Between(1, 254)],
            _ => [169, 254, (byte)r.Next(256), (byte)r.Between(1, 254)],
        };
        var embedded = new IPAddress(v4);
        var v6 = new byte[16];
        string form;
        switch (r.Next(5))
        {
            case 0:
                return (embedded, embedded, "plain");
            case 1:
                v6[10] = v6[11] = 0xFF;
                v4.CopyTo(v6, 12);
                form = "IPv4-mapped (::ffff:0:0/96)";
                break;
            case 2:
                v6[8] = v6[9] = 0xFF;
                v4.CopyTo(v6, 12);
                form = "IPv4-translated (::ffff:0:0:0/96)";
                break;
            case 3:
                v6[0] = 0x00;
                v6[1] = 0x64;
                v6[2] = 0xFF;
                v6[3] = 0x9B;
                v4.CopyTo(v6, 12);
                form = "NAT64 (64:ff9b::/96)";
                break;
            default:
                v6[0] = 0x20;
                v6[1] = 0x02;
                v4.CopyTo(v6, 2);
                v6[15] = (byte)r.Next(256);
                form = "6to4 (2002::/16)";
                break;
        }
        return (new IPAddress(v6), embedded, form);
    }

    private static void CheckRefused((IPAddress Address, IPAddress Embedded, string Form) v)
    {
        if (OutboundTargets.Refusal(v.Address, allowPrivateNetworks: false) is null)
            throw new InvalidOperationException($"{v.Address} was allowed with private networks refused, but it carries {v.Embedded}.");
        if (v.Embedded.GetAddressBytes() is [169, 254, ..] && OutboundTargets.Refusal(v.Address, allowPrivateNetworks: true) is null)
            throw new InvalidOperationException($"{v.Address} was allowed with private networks allowed, but it carries the link-local {v.Embedded}.");
    }

    private static string Print(Case c) =>
        $"watchlists [{string.Join("; ", c.Watchlists.Select(w => $"{w.Id}: {string.Join(" | ", w.Terms.Select(t => Escape(t.Phrase)))} rule {Escape(w.Rule ?? "-")}"))}] " +
        $"title {Escape(c.Article.Title ?? "null")} body {Escape(c.Article.Body)}";

    /// <summary>The text as a C# literal would write it, so controls, surrogates and format characters are visible.</summary>
    public static string Escape(string s)
    {
        var shown = s.Length > 400 ? s[..400] : s;
        var sb = new System.Text.StringBuilder("\"");
        foreach (var c in shown)
        {
            if (c is >= ' ' and < '\u007F' and not '"' and not '\\' || char.IsLetter(c) && !char.IsSurrogate(c)) sb.Append(c);
            else sb.Append($"\\u{(int)c:X4}");
        }
        sb.Append('"');
        if (s.Length > 400) sb.Append($"…(+{s.Length - 400} chars)");
        return sb.ToString();
    }
}
