using System.Collections.Concurrent;
using System.Net;
using System.Text;
using MediaMonitor.IntegrationTests.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MediaMonitor.IntegrationTests.Feeds;

/// <summary>
/// A news site for the feed tests: Kestrel on 127.0.0.1 serving the documents a test puts at each path, with an
/// ETag per version and conditional GET as a real server does it (304 when the client's validator still holds), or
/// a scripted failure; it keeps every request it got.
/// </summary>
public sealed class FeedServer : IAsyncDisposable
{
    public sealed record Request(DateTimeOffset At, string Path, string? IfNoneMatch, string? UserAgent, string? AcceptEncoding);

    private sealed record Document(byte[] Body, string ContentType, string ETag, int Status, IReadOnlyDictionary<string, string> Headers);

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Document> _documents = new();
    private readonly ConcurrentQueue<Request> _requests = new();
    private int _versions;

    private FeedServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public IReadOnlyList<Request> Requests => _requests.ToList();

    public IReadOnlyList<Request> RequestsFor(string path) => _requests.Where(r => r.Path == path).ToList();

    public static async Task<FeedServer> StartAsync()
    {
        var port = TestReceiver.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var server = new FeedServer(app, port);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        return server;
    }

    /// <summary>Serves <paramref name="body"/> at <paramref name="path"/> under a new ETag.</summary>
    public void Serve(string path, string body, string contentType = "application/rss+xml; charset=utf-8") =>
        Serve(path, Encoding.UTF8.GetBytes(body), contentType);

    public void Serve(string path, byte[] body, string contentType, IReadOnlyDictionary<string, string>? headers = null) =>
        _documents[path] = new Document(body, contentType, $"\"v{Interlocked.Increment(ref _versions)}\"", 200, headers ?? new Dictionary<string, string>());

    /// <summary>Answers <paramref name="status"/> at <paramref name="path"/>, with these headers and no body.</summary>
    public void Fail(string path, int status, IReadOnlyDictionary<string, string>? headers = null) =>
        _documents[path] = new Document([], "text/plain", "", status, headers ?? new Dictionary<string, string>());

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
        _requests.Enqueue(new Request(DateTimeOffset.UtcNow, path, ifNoneMatch.Length == 0 ? null : ifNoneMatch, context.Request.Headers.UserAgent.ToString(),
            context.Request.Headers.AcceptEncoding.ToString()));
        if (!_documents.TryGetValue(path, out var document))
        {
            context.Response.StatusCode = 404;
            return;
        }
        foreach (var (name, value) in document.Headers) context.Response.Headers[name] = value;
        context.Response.StatusCode = document.Status;
        if (document.Status != 200) return;
        context.Response.Headers.ETag = document.ETag;
        if (ifNoneMatch == document.ETag)
        {
            context.Response.StatusCode = 304;
            return;
        }
        context.Response.ContentType = document.ContentType;
        await context.Response.Body.WriteAsync(document.Body);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
