using System.Collections.Concurrent;
using System.Net;
using MediaMonitor.Infrastructure;
using Microsoft.Extensions.Options;

namespace MediaMonitor.Feeds;

/// <summary>What a GET came to: the answer's status, body and validators, or why there was none.</summary>
/// <param name="Url">Where the answer came from, after redirects.</param>
/// <param name="Moved">Every redirect on the way was permanent (301, 308): the feed lives at <paramref name="Url"/> now.</param>
public sealed record Fetched(
    Uri Url, int? Status, byte[]? Body, string? ContentType, string? ETag, string? LastModified, TimeSpan? RetryAfter,
    bool Moved, string? Error)
{
    public bool NotModified => Status == 304;
    public bool Ok => Status is >= 200 and < 300 && Body is not null;
}

/// <summary>
/// Fetches feeds and article pages politely: one request at a time per host on this node, a conditional GET when the
/// validators are known, gzip, deflate and brotli, a timeout and a size limit, and a <c>User-Agent</c> that names the
/// product. Every connection goes through the outbound policy (<see cref="OutboundConnector"/>), redirects included:
/// they are followed here, hop by hop, so each one is checked like the first URL.
/// </summary>
public sealed class FeedFetcher : IDisposable
{
    public const string UserAgent = "MediaMonitor-Feeds/1 (+https://github.com/mediamonitor/mediamonitor)";
    public const int MaxRedirects = 5;

    private readonly HttpClient _client;
    private readonly IOptionsMonitor<FeedOptions> _options;
    private readonly OutboundConnector _connector;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public FeedFetcher(IOptionsMonitor<FeedOptions> options, OutboundConnector connector, TimeProvider clock)
    {
        _clock = clock;
        _options = options;
        _connector = connector;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            ConnectCallback = connector.ConnectAsync,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
    }

    /// <param name="accept">What is wanted: feeds, pages or robots.txt.</param>
    /// <param name="allowed">Asked of every URL before it is requested, the first and each redirect's (robots.txt, for
    /// article pages); null: all are.</param>
    public async Task<Fetched> GetAsync(
        Uri url, string accept, string? etag, string? lastModified, Func<Uri, CancellationToken, Task<bool>>? allowed, CancellationToken ct)
    {
        var options = _options.CurrentValue;
        var moved = true;
        var current = url;
        try
        {
            for (var hop = 0; ; hop++)
            {
                // The scheme of every hop, the first included, is the outbound policy's; the addresses are the connector's.
                var (checkedUrl, refused) = OutboundTargets.CheckUrl(current.AbsoluteUri, _connector.Current.AllowHttp);
                if (checkedUrl is null) return Failure(current, null, hop == 0 ? $"{current} is refused: {refused}" : $"Redirected to {current}, which is refused: {refused}");
                if (allowed is not null && !await allowed(current, ct)) return Failure(current, null, $"{current} is not allowed by its site's robots.txt.");
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.Accept.ParseAdd(accept);
                // Validators belong to the URL they came from: after a redirect they are not sent.
                if (hop == 0 && etag is not null) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                if (hop == 0 && lastModified is not null) request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
                using var turn = await HostTurnAsync(current, ct);
                // The time of each request starts once it has its turn: waiting behind the site's other feeds is no failure of this one.
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(options.Timeout);
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                var status = (int)response.StatusCode;
                if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
                {
                    if (hop == MaxRedirects) return Failure(current, status, $"More than {MaxRedirects} redirects.");
                    moved &= status is 301 or 308;
                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    continue;
                }
                var body = status is >= 200 and < 300 ? await ReadLimitedAsync(response, options.MaxBytes, timeout.Token) : null;
                if (status is >= 200 and < 300 && body is null)
                    return Failure(current, status, $"The answer is larger than {options.MaxBytes / 1024 / 1024.0:0.#} MiB.");
                return new Fetched(current, status, body, response.Content.Headers.ContentType?.ToString(),
                    response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"), OutboundConnector.RetryAfter(response, _clock.GetUtcNow()),
                    moved && hop > 0, null);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Failure(current, null, $"No complete answer within {options.Timeout.TotalSeconds:0.###} s.");
        }
        // Anything else the answer does (a refused address, a reset, a body that does not decompress) fails this request,
        // not the caller.
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Failure(current, null, OutboundConnector.Describe(e));
        }
    }

    private static Fetched Failure(Uri url, int? status, string error) => new(url, status, null, null, null, null, null, false, error);

    /// <summary>How many sites' turns are kept before the idle ones are let go (item links can name any site).</summary>
    public const int KeptHosts = 10_000;

    /// <summary>This node's turn at the host, held until the answer is read: one request at a time per site.</summary>
    private async Task<IDisposable> HostTurnAsync(Uri url, CancellationToken ct)
    {
        if (_hosts.Count > KeptHosts)
        {
            // A turn nobody holds or waits for; one taken meanwhile is only a turn more for a moment.
            foreach (var (host, idle) in _hosts)
            {
                if (idle.CurrentCount == 1) _hosts.TryRemove(host, out _);
            }
        }
        var turn = _hosts.GetOrAdd(url.IdnHost, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(ct);
        return new Turn(turn);
    }

    private sealed class Turn(SemaphoreSlim semaphore) : IDisposable
    {
        public void Dispose() => semaphore.Release();
    }

    /// <summary>The body, or null when it is larger than <paramref name="limit"/> bytes (decompressed).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(HttpResponseMessage response, int limit, CancellationToken ct)
    {
        if (response.Content.Headers.ContentLength > limit) return null;
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public void Dispose() => _client.Dispose();
}
