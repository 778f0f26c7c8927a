using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using MediaMonitor.Infrastructure;
using Microsoft.Extensions.Options;

namespace MediaMonitor.Webhooks;

/// <summary>
/// Makes one webhook POST and reports what came of it; never throws for the endpoint's sake. Redirects are not
/// followed (a redirect could lead anywhere, past the address checks), and every connection is checked against
/// <see cref="OutboundTargets"/> after DNS, at connect time (<see cref="OutboundConnector"/>), so a name that resolves somewhere private is refused.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    public const int ExcerptBytes = 1024;
    public const string UserAgent = "MediaMonitor-Webhooks/1";

    private readonly HttpClient _client;
    private readonly IOptionsMonitor<WebhookOptions> _options;

    public WebhookSender(IOptionsMonitor<WebhookOptions> options, OutboundConnector connector)
    {
        _options = options;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            ConnectCallback = connector.ConnectAsync,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
    }

    public async Task<AttemptResult> SendAsync(
        Uri url, string webhookId, DateTimeOffset now, byte[] body, IEnumerable<string> secrets, CancellationToken ct)
    {
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("webhook-id", webhookId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Header(secrets, webhookId, timestamp, body));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.CurrentValue.Timeout);
        var clock = Stopwatch.StartNew();
        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new AttemptResult(null, clock.Elapsed, $"No answer within {_options.CurrentValue.Timeout.TotalSeconds:0.###} s.", null, null);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return new AttemptResult(null, clock.Elapsed, OutboundConnector.Describe(e), null, null);
        }
        using (response)
        {
            // The status decides the attempt; the body is only a clue for the delivery log, read for a moment at most
            // and never a reason to call a 2xx a failure (that would send it again).
            var latency = clock.Elapsed;
            var excerpt = await ExcerptAsync(response, ct);
            return new AttemptResult((int)response.StatusCode, latency, null, excerpt, OutboundConnector.RetryAfter(response, now));
        }
    }

    public static readonly TimeSpan ExcerptTime = TimeSpan.FromSeconds(2);

    /// <summary>The start of the body, for the delivery log: enough to see an error message, never the whole of a
    /// huge answer.</summary>
    private static async Task<string?> ExcerptAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var buffer = new byte[ExcerptBytes];
        var read = 0;
        using var time = CancellationTokenSource.CreateLinkedTokenSource(ct);
        time.CancelAfter(ExcerptTime);
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(time.Token);
            while (read < buffer.Length)
            {
                var n = await stream.ReadAsync(buffer.AsMemory(read), time.Token);
                if (n == 0) break;
                read += n;
            }
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // A body cut short or too slow: keep what came.
        }
        if (read == 0) return null;
        var text = Encoding.UTF8.GetString(buffer, 0, read).Replace('\0', '\uFFFD');
        // A cut in the middle of a character leaves a lone surrogate half at most; jsonb refuses those.
        if (text.Length > 0 && char.IsHighSurrogate(text[^1])) text = text[..^1];
        return text;
    }

    public void Dispose() => _client.Dispose();
}

