using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Options;

namespace MediaMonitor.Feeds;

/// <summary>
/// Each site's robots.txt, read when an article page of it is first wanted and kept for
/// <see cref="FeedOptions.RobotsCacheTime"/>: a cache of this node, which is all it needs to be. Per RFC 9309, a
/// missing file (4xx) allows everything, and a site that cannot say (5xx, 429, no answer) allows nothing for now.
/// Feeds themselves are fetched whatever robots.txt says: a feed is published to be polled.
/// </summary>
public sealed class RobotsCache(FeedFetcher fetcher, IOptionsMonitor<FeedOptions> options, TimeProvider clock)
{
    public const string ProductToken = "MediaMonitor-Feeds";

    private readonly ConcurrentDictionary<string, (RobotsRules Rules, DateTimeOffset Until)> _sites = new(StringComparer.OrdinalIgnoreCase);

    public async Task<bool> AllowsAsync(Uri page, CancellationToken ct)
    {
        var site = page.GetLeftPart(UriPartial.Authority);
        var now = clock.GetUtcNow();
        if (!_sites.TryGetValue(site, out var known) || known.Until <= now)
        {
            if (_sites.Count > FeedFetcher.KeptHosts)
            {
                foreach (var (stale, entry) in _sites)
                {
                    if (entry.Until <= now) _sites.TryRemove(stale, out _);
                }
            }
            known = (await ReadAsync(new Uri(site + "/robots.txt"), ct), now + options.CurrentValue.RobotsCacheTime);
            _sites[site] = known;
        }
        return known.Rules.Allows(ProductToken, page.PathAndQuery);
    }

    private async Task<RobotsRules> ReadAsync(Uri robots, CancellationToken ct)
    {
        var fetched = await fetcher.GetAsync(robots, "text/plain", null, null, null, ct);
        if (fetched.Ok) return RobotsRules.Parse(Encoding.UTF8.GetString(fetched.Body!));
        // 429 asks us to come back later, which is no permission.
        return fetched.Status is >= 400 and < 500 and not 429 ? RobotsRules.AllowAll : RobotsRules.DisallowAll;
    }
}
