using JasperFx.CommandLine;

namespace MediaMonitor.Ingestion;

public sealed class IngestInput : NetCoreInput
{
    [Description("A file (.txt, .json, .jsonl) or a folder of them")]
    public string Path { get; set; } = "";
}

[Description("Ingest articles from a file or folder, with matching and alerts, then exit", Name = "ingest")]
public sealed class IngestCommand : JasperFxAsyncCommand<IngestInput>
{
    public override async Task<bool> Execute(IngestInput input)
    {
        using var host = input.BuildHost();
        var ingestion = host.Services.GetRequiredService<FileIngestion>();
        var report = await ingestion.IngestAsync(Resolve(input.Path), CancellationToken.None);
        Console.WriteLine($"Read {report.Read} articles: {report.Created} created, {report.Duplicates} duplicates, " +
                          $"{report.Invalid} invalid; {report.Alerts} alerts raised; {report.Elapsed.TotalSeconds:F1} s " +
                          $"({report.ArticlesPerSecond:F0} articles/s).");
        return report.Invalid == 0;
    }

    /// <summary>
    /// `dotnet run` with a launch profile starts the program in the project folder, not where the user typed
    /// the command; the shell's PWD says where that was.
    /// </summary>
    private static string Resolve(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path) || Directory.Exists(path)) return path;
        var shell = Environment.GetEnvironmentVariable("PWD");
        return shell is null ? path : Path.GetFullPath(Path.Combine(shell, path));
    }
}
