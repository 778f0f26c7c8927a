using System.Globalization;
using MediaMonitor.Fuzz.Engine;
using MediaMonitor.Fuzz.Http;

namespace MediaMonitor.Fuzz;

/// <summary>
/// The long passes, on demand (the short ones run as tests):
/// <code>
/// dotnet run -c Release --project tests/MediaMonitor.Fuzz -- http [--seed S] [--count N] [--concurrency C] [--bound SECONDS] [--url URL --key KEY] [--out DIR]
/// dotnet run -c Release --project tests/MediaMonitor.Fuzz -- engine [--seed S] [--count N]
/// </code>
/// Exit code 0 when the pass found nothing, 1 when it found failures, 2 for a usage error.
/// </summary>
public static class Entry
{
    public static async Task<int> Main(string[] args)
    {
        var options = Options(args.Skip(1).ToArray());
        if (options is null) return Usage();
        switch (args.FirstOrDefault())
        {
            case "http":
                return await Http(options);
            case "engine":
                return Engine(options);
            default:
                return Usage();
        }
    }

    private static async Task<int> Http(Dictionary<string, string> o)
    {
        var settings = new HttpFuzzOptions
        {
            Seed = ulong.Parse(o.GetValueOrDefault("seed", "20251201"), CultureInfo.InvariantCulture),
            Count = int.Parse(o.GetValueOrDefault("count", "2000"), CultureInfo.InvariantCulture),
            Concurrency = int.Parse(o.GetValueOrDefault("concurrency", "4"), CultureInfo.InvariantCulture),
            Bound = TimeSpan.FromSeconds(double.Parse(o.GetValueOrDefault("bound", "5"), CultureInfo.InvariantCulture)),
            Trace = o.GetValueOrDefault("trace"),
            ReproFolder = Path.GetFullPath(o.GetValueOrDefault("out", new HttpFuzzOptions().ReproFolder)),
        };
        // The test host finds the service's content root through a manifest it looks for in the current directory,
        // which dotnet test sets to the output folder and dotnet run does not.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        await using IServiceUnderTest service = o.TryGetValue("url", out var url)
            ? new RemoteService(new Uri(url), o.GetValueOrDefault("key") ?? throw new ArgumentException("--url needs --key"))
            : await InProcessService.StartAsync();
        var report = await new HttpFuzzer(service, settings, Console.Out).RunAsync();
        Console.WriteLine(report.Text);
        return report.Passed ? 0 : 1;
    }

    private static int Engine(Dictionary<string, string> o)
    {
        var seed = ulong.Parse(o.GetValueOrDefault("seed", "20251201"), CultureInfo.InvariantCulture);
        var count = long.Parse(o.GetValueOrDefault("count", "100000"), CultureInfo.InvariantCulture);
        var failures = EngineProperties.RunAll(seed, count, Console.Out);
        Console.WriteLine(LinearityReport.Measure(seed));
        return failures == 0 ? 0 : 1;
    }

    private static Dictionary<string, string>? Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length) return null;
            options[args[i][2..]] = args[i + 1];
        }
        return options;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: http [--seed S] [--count N] [--concurrency C] [--bound SECONDS] [--url URL --key KEY] [--out DIR]");
        Console.Error.WriteLine("       engine [--seed S] [--count N]");
        return 2;
    }
}
