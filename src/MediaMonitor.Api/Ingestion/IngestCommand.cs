using JasperFx.CommandLine;
using MediaMonitor.Infrastructure;

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
        var report = await ingestion.IngestAsync(ShellPath.Resolve(input.Path), CancellationToken.None);
        Console.WriteLine($"Read {report.Read} articles: {report.Created} created, {report.Duplicates} duplicates, " +
                          $"{report.Invalid} invalid; {report.Alerts} alerts raised; {report.Elapsed.TotalSeconds:F1} s " +
                          $"({report.ArticlesPerSecond:F0} articles/s).");
        return report.Invalid == 0;
    }
}
