using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MediaMonitor.IntegrationTests.Webhooks;

/// <summary>
/// A real webhook endpoint: Kestrel on 127.0.0.1, answering each request with the next scripted answer (200 once
/// the script is used up) and keeping every request it got (or, for long runs, only counting them).
/// </summary>
public sealed class TestReceiver : IAsyncDisposable
{
    public sealed record Received(DateTimeOffset At, IReadOnlyDictionary<string, string> Headers, byte[] Body)
    {
        public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";

        public string Text => System.Text.Encoding.UTF8.GetString(Body);
    }

    public sealed record Answer(int Status, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default, string? Body = null);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Answer> _script = new();
    private readonly Channel<Received> _arrivals = Channel.CreateUnbounded<Received>();
    private readonly Channel<Received> _inHand = Channel.CreateUnbounded<Received>();
    private readonly List<Received> _received = [];
    private readonly bool _keeps;
    private int _count;

    private TestReceiver(WebApplication app, int port, bool keeps)
    {
        _app = app;
        Port = port;
        _keeps = keeps;
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/hook";

    public IReadOnlyList<Received> All
    {
        get { lock (_received) return _received.ToList(); }
    }

    /// <summary>How many requests it got.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Starts on <paramref name="port"/>, or on a free port.</summary>
    public static Task<TestReceiver> StartAsync(int port = 0, params Answer[] script) => StartAsync(port, keeps: true, script);

    /// <summary>Starts on a free port, answering 200 to everything and keeping no request, only their count: a
    /// receiver for hours of webhooks.</summary>
    public static Task<TestReceiver> StartCountingAsync() => StartAsync(0, keeps: false, []);

    private static async Task<TestReceiver> StartAsync(int port, bool keeps, Answer[] script)
    {
        if (port == 0) port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var receiver = new TestReceiver(app, port, keeps);
        receiver.Then(script);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Then(params Answer[] answers)
    {
        foreach (var answer in answers) _script.Enqueue(answer);
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _count);
        if (!_keeps)
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            return;
        }
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var received = new Received(DateTimeOffset.UtcNow,
            context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()), body.ToArray());
        var answer = _script.TryDequeue(out var next) ? next : new Answer(200);
        _inHand.Writer.TryWrite(received);
        if (answer.Delay > TimeSpan.Zero) await Task.Delay(answer.Delay);
        lock (_received) _received.Add(received);
        _arrivals.Writer.TryWrite(received);
        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>()) context.Response.Headers[name] = value;
        if (answer.Body is not null) await context.Response.WriteAsync(answer.Body);
    }

    /// <summary>The next request to arrive, once answered, waiting up to 30 seconds.</summary>
    public Task<Received> NextAsync(TimeSpan? timeout = null) => ReadAsync(_arrivals, timeout);

    /// <summary>The next request as soon as it is in hand, before its (perhaps delayed) answer: the attempt is under way.</summary>
    public Task<Received> InHandAsync(TimeSpan? timeout = null) => ReadAsync(_inHand, timeout);

    private async Task<Received> ReadAsync(Channel<Received> channel, TimeSpan? timeout)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            return await channel.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No webhook arrived at {Url} within {(timeout ?? TimeSpan.FromSeconds(30)).TotalSeconds} s.");
        }
    }

    /// <summary>Asserts that nothing more arrives within <paramref name="wait"/>.</summary>
    public async Task NothingMoreAsync(TimeSpan wait)
    {
        using var cts = new CancellationTokenSource(wait);
        try
        {
            var extra = await _arrivals.Reader.ReadAsync(cts.Token);
            Assert.Fail($"Did not expect another webhook, got one at {extra.At:O}: {extra.Text}");
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
