using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MediaMonitor.Benchmarks;

/// <summary>The webhook receivers of the benchmarks: Kestrel on a free loopback port, logging nothing.</summary>
internal static class LocalReceiver
{
    /// <summary>Starts one answering every request with <paramref name="handle"/>; returns it and the URL to subscribe.</summary>
    public static async Task<(WebApplication App, string Url)> StartAsync(RequestDelegate handle)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(handle);
        await app.StartAsync();
        return (app, app.Urls.Single().Replace("localhost", "127.0.0.1") + "/hook");
    }
}
