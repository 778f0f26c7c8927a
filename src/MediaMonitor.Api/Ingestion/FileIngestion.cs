using System.Diagnostics;

namespace MediaMonitor.Ingestion;

public sealed record FileIngestionReport(int Read, int Created, int Duplicates, int Invalid, int Alerts, TimeSpan Elapsed)
{
    public double ArticlesPerSecond => Elapsed.TotalSeconds > 0 ? Read / Elapsed.TotalSeconds : 0;
}

/// <summary>Ingests article files in batches through the same path as HTTP batches (used by seeds and the ingest command).</summary>
public sealed class FileIngestion(ArticleIngestor ingestor, ILogger<FileIngestion> logger)
{
    public async Task<FileIngestionReport> IngestAsync(string path, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        int read = 0, created = 0, duplicates = 0, invalid = 0, alerts = 0;
        var pending = new List<ArticleCandidate>(ArticleIngestor.ChunkSize);

        async Task FlushAsync()
        {
            foreach (var outcome in await ingestor.IngestAsync(pending, requester: null, ct))
            {
                if (outcome is IngestOutcome.Created c) { created++; alerts += c.Alerts.Count; }
                else duplicates++;
            }
            pending.Clear();
        }

        foreach (var file in ArticleFiles.Find(path))
        {
            foreach (var item in ArticleFiles.Read(file))
            {
                read++;
                var (candidate, errors) = item.Article is null ? (null, null) : ArticleIntake.Check(item.Article);
                if (candidate is null)
                {
                    invalid++;
                    logger.LogWarning("Skipped {Origin}: {Reason}", item.Origin, item.Error ?? errors!.Summary());
                    continue;
                }
                pending.Add(candidate);
                if (pending.Count == ArticleIngestor.ChunkSize) await FlushAsync();
            }
        }
        if (pending.Count > 0) await FlushAsync();
        return new FileIngestionReport(read, created, duplicates, invalid, alerts, stopwatch.Elapsed);
    }
}
