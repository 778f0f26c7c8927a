using System.Text;

namespace MediaMonitor.Feeds;

/// <summary>
/// robots.txt per RFC 9309: the group of the most specific product token that matches (case-insensitively), else
/// "*"; the longest matching rule wins and Allow wins a tie; '*' and '$' wildcards; percent-encoding normalised on
/// both sides. An empty or missing file allows everything.
/// </summary>
public sealed class RobotsRules
{
    // RFC 9309 2.5: crawlers must parse at least 500 KiB; what lies beyond may be ignored.
    private const int MaxLength = 500 * 1024;

    private readonly record struct Rule(bool Allow, string Pattern);

    private readonly Dictionary<string, List<Rule>> _groups;

    private RobotsRules(Dictionary<string, List<Rule>> groups) => _groups = groups;

    public static RobotsRules AllowAll { get; } = new(new Dictionary<string, List<Rule>>());

    /// <summary>What a site whose robots.txt cannot be had (5xx, no answer) is taken to say (RFC 9309 2.3.1.4).</summary>
    public static RobotsRules DisallowAll { get; } = Parse("User-agent: *\nDisallow: /");

    public static RobotsRules Parse(string text)
    {
        if (text.Length > MaxLength) text = text[..MaxLength];
        var groups = new Dictionary<string, List<Rule>>(StringComparer.OrdinalIgnoreCase);
        var agents = new List<string>();
        var inRules = false;
        foreach (var raw in text.Split('\n'))
        {
            var hash = raw.IndexOf('#');
            var line = (hash >= 0 ? raw[..hash] : raw).Trim();
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent":
                    // A user-agent line after rules starts a new group; consecutive ones share the group that follows.
                    if (inRules) agents.Clear();
                    inRules = false;
                    var token = value.Split('/', ' ')[0];
                    agents.Add(token);
                    if (!groups.ContainsKey(token)) groups[token] = [];
                    break;
                case "allow" or "disallow":
                    inRules = true;
                    if (value.Length == 0) continue;
                    foreach (var agent in agents) groups[agent].Add(new Rule(key == "allow", Normalise(value)));
                    break;
            }
        }
        return new RobotsRules(groups);
    }

    public bool Allows(string productToken, string pathAndQuery)
    {
        var rules = RulesFor(productToken);
        if (rules is null || rules.Count == 0) return true;
        var path = Normalise(pathAndQuery.Length == 0 ? "/" : pathAndQuery);
        if (path == "/robots.txt") return true;
        Rule? best = null;
        foreach (var rule in rules)
        {
            if (!Matches(rule.Pattern, path)) continue;
            if (best is not { } current || rule.Pattern.Length > current.Pattern.Length
                || (rule.Pattern.Length == current.Pattern.Length && rule.Allow))
            {
                best = rule;
            }
        }
        return best?.Allow ?? true;
    }

    // The longest group token that the crawler's product token starts with ("googlebot" for "Googlebot-News").
    private List<Rule>? RulesFor(string productToken)
    {
        var match = _groups.Keys
            .Where(k => k != "*" && productToken.StartsWith(k, StringComparison.OrdinalIgnoreCase))
            .MaxBy(k => k.Length);
        return match is not null ? _groups[match] : _groups.GetValueOrDefault("*");
    }

    /// <summary>'*' matches any run of characters, a final '$' the end of the path; otherwise a prefix match.</summary>
    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        if (anchored) pattern = pattern[..^1];
        int p = 0, s = 0, star = -1, resume = 0;
        while (s < path.Length)
        {
            if (p == pattern.Length && !anchored) return true;
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = s;
            }
            else if (p < pattern.Length && pattern[p] == path[s])
            {
                p++;
                s++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                s = ++resume;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }

    /// <summary>
    /// RFC 9309 2.2.2: non-ASCII characters percent-encoded (UTF-8), percent-encoded unreserved characters decoded,
    /// the remaining escapes in upper case, so "/caf%c3%a9", "/café" and "/%63af%C3%A9" compare equal.
    /// </summary>
    private static string Normalise(string path)
    {
        var result = new StringBuilder(path.Length);
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '%' && i + 2 < path.Length && Uri.IsHexDigit(path[i + 1]) && Uri.IsHexDigit(path[i + 2]))
            {
                var decoded = (char)Convert.ToInt32(path.Substring(i + 1, 2), 16);
                if (char.IsAsciiLetterOrDigit(decoded) || decoded is '-' or '.' or '_' or '~') result.Append(decoded);
                else result.Append('%').Append(char.ToUpperInvariant(path[i + 1])).Append(char.ToUpperInvariant(path[i + 2]));
                i += 2;
            }
            else if (c > 0x7F)
            {
                var length = char.IsSurrogatePair(path, i) ? 2 : 1;
                foreach (var b in Encoding.UTF8.GetBytes(path.Substring(i, length))) result.Append('%').Append(b.ToString("X2"));
                i += length - 1;
            }
            else
            {
                result.Append(c);
            }
        }
        return result.ToString();
    }
}
