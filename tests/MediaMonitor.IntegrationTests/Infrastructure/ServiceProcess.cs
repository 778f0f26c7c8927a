using System.Diagnostics;
using MediaMonitor.IntegrationTests.Webhooks;
using MediaMonitor.Postgres;

namespace MediaMonitor.IntegrationTests.Infrastructure;

/// <summary>
/// The service as a process of its own, with the fixture's settings but not solo (nodes elect a leader through
/// PostgreSQL and share the agents): what a test kills with SIGKILL, which an in-process host cannot be.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServiceProcess(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    public HttpClient AdminClient()
    {
        var client = new HttpClient { BaseAddress = new Uri(Url) };
        client.DefaultRequestHeaders.Add("X-Api-Key", AppFixture.AdminKey);
        return client;
    }

    /// <summary>Starts the service on <paramref name="connectionString"/> and waits until it says it is ready.</summary>
    public static async Task<ServiceProcess> StartAsync(string connectionString)
    {
        var url = $"http://127.0.0.1:{TestReceiver.FreePort()}";
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "MediaMonitor.Api.exe" : "MediaMonitor.Api"))
        {
            // Where the service reads its appsettings.
            WorkingDirectory = Path.Combine(PostgresLocator.DataRoot(AppContext.BaseDirectory), "..", "src", "MediaMonitor.Api"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = url;
        start.Environment["ConnectionStrings__Postgres"] = connectionString;
        start.Environment["MediaMonitor__Solo"] = "false";
        start.Environment["MediaMonitor__Seeds__Enabled"] = "false";
        start.Environment["MediaMonitor__Webhooks__AllowHttp"] = "true";
        start.Environment["MediaMonitor__Webhooks__AllowPrivateNetworks"] = "true";
        start.Environment["MediaMonitor__Webhooks__RetrySchedule"] = AppFixture.RetrySchedule;
        start.Environment["MediaMonitor__ApiKeys__0__Name"] = "admin";
        start.Environment["MediaMonitor__ApiKeys__0__Key"] = AppFixture.AdminKey;
        start.Environment["MediaMonitor__ApiKeys__0__Scopes"] = "admin";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
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
                if ((await probe.GetAsync("/health/ready")).IsSuccessStatusCode) return new ServiceProcess(process, url);
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

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
