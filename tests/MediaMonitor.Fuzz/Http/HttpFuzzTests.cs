using System.Globalization;
using Xunit.Abstractions;

namespace MediaMonitor.Fuzz.Http;

/// <summary>
/// The short HTTP pass of CI: a fixed seed, about a minute of requests against the service on Kestrel and a real
/// PostgreSQL. MEDIAMONITOR_FUZZ_SEED, _COUNT, _CONCURRENCY and _BOUND (seconds) change it; the long pass is
/// <c>dotnet run -c Release --project tests/MediaMonitor.Fuzz -- http --count 100000</c>.
/// </summary>
public sealed class HttpFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public async Task hostile_requests_to_every_operation_get_no_server_error_no_slow_answer_no_lost_write_and_no_error_log()
    {
        var options = new HttpFuzzOptions
        {
            Seed = Setting("SEED", 20251201UL),
            Count = (int)Setting("COUNT", 1_500UL),
            Concurrency = (int)Setting("CONCURRENCY", 2UL),
            // Generous for CI noise on two shared cores; the long pass holds the service to 5 s.
            Bound = TimeSpan.FromSeconds(Setting("BOUND", 10UL)),
        };
        var log = new StringWriter();
        await using var service = await InProcessService.StartAsync();
        var report = await new HttpFuzzer(service, options, log).RunAsync();
        output.WriteLine(log.ToString());
        output.WriteLine(report.Text);
        Assert.True(report.Passed, report.Findings.Summary());
    }

    private static ulong Setting(string name, ulong fallback) =>
        Environment.GetEnvironmentVariable($"MEDIAMONITOR_FUZZ_{name}") is { Length: > 0 } value
            ? ulong.Parse(value, CultureInfo.InvariantCulture)
            : fallback;
}
