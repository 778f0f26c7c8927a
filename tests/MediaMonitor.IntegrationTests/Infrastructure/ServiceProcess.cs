using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using MediaMonitor.Postgres;

namespace MediaMonitor.IntegrationTests.Infrastructure;

/// <summary>
/// The service as a process of its own, not solo (nodes elect a leader through PostgreSQL and share the agents): what a
/// test or benchmark kills with SIGKILL, which an in-process host cannot be. The failover benchmark compiles this file too.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _key;

    private ServiceProcess(Process process, string url, string key)
    {
        _process = process;
        _key = key;
        Url = url;
    }

    public string Url { get; }

    /// <summary>A client holding the key the process was started with.</summary>
    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = new Uri(Url) };
        client.DefaultRequestHeaders.Add("X-Api-Key", _key);
        return client;
    }

    /// <summary>Starts the service in <paramref name="environment"/> on <paramref name="connectionString"/>, with an admin
    /// key, webhooks allowed to local http receivers, no seeds and <paramref name="settings"/> (environment variable
    /// names), and waits until it says it is ready.</summary>
    public static async Task<ServiceProcess> StartAsync(
        string environment, string connectionString, string adminKey, IEnumerable<(string Name, string Value)> settings)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "MediaMonitor.Api.exe" : "MediaMonitor.Api"))
        {
            // Where the service reads its appsettings.
            WorkingDirectory = Path.GetFullPath(Path.Combine(PostgresLocator.DataRoot(AppContext.BaseDirectory), "..", "src", "MediaMonitor.Api")),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in new[]
                 {
                     ("ASPNETCORE_ENVIRONMENT", environment), ("ASPNETCORE_URLS", url), ("ConnectionStrings__Postgres", connectionString),
                     ("MediaMonitor__Solo", "false"), ("MediaMonitor__Seeds__Enabled", "false"),
                     ("MediaMonitor__Webhooks__AllowHttp", "true"), ("MediaMonitor__Webhooks__AllowPrivateNetworks", "true"),
                     ("MediaMonitor__ApiKeys__0__Name", "admin"), ("MediaMonitor__ApiKeys__0__Key", adminKey),
                     ("MediaMonitor__ApiKeys__0__Scopes", "admin"), ("Logging__LogLevel__Default", "Warning"),
                 }.Concat(settings))
        {
            start.Environment[name] = value;
        }
        var process = Process.Start(start)!;
        // Read and drop the output: a full pipe would stall the service.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(2) };
        // Another process: nothing to track but its readiness answer.
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!process.HasExited && DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await probe.GetAsync("/health/ready")).IsSuccessStatusCode) return new ServiceProcess(process, url, adminKey);
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        if (!process.HasExited) process.Kill();
        throw new InvalidOperationException($"The service at {url} did not become ready within a minute (exit code {(process.HasExited ? process.ExitCode : -1)}).");
    }

    /// <summary>SIGKILL: no shutdown at all; the node's rows, its agents and the messages in its inbox stay as they were.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>SIGTERM: the graceful stop an orchestrator asks for; the node releases its agents as it goes.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited && kill(_process.Id, SigTerm) != 0)
            throw new InvalidOperationException($"SIGTERM to {_process.Id} failed: errno {Marshal.GetLastPInvokeError()}.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    private const int SigTerm = 15;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
