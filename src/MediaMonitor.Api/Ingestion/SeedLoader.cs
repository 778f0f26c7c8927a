using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MediaMonitor.Postgres;
using MediaMonitor.Watchlists;
using Marten;
using Wolverine.Http;

namespace MediaMonitor.Ingestion;

/// <summary>
/// Loads <c>seeds/</c> at start: the watchlists of <c>watchlists.json</c> (each created once, under an id
/// derived from its slug) and then the seed articles (already ingested ones are duplicates and append nothing).
/// Watchlists go first so the articles are matched against them.
/// </summary>
public sealed class SeedLoader(
    IDocumentStore store, FileIngestion files, IConfiguration configuration, IHostEnvironment environment,
    TimeProvider clock, ILogger<SeedLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (!configuration.GetValue("MediaMonitor:Seeds:Enabled", true)) return;
        var folder = configuration["MediaMonitor:Seeds:Path"] ?? FindSeeds(environment.ContentRootPath) ?? FindSeeds(Directory.GetCurrentDirectory());
        if (folder is null || !Directory.Exists(folder))
        {
            logger.LogInformation("No seeds folder found; nothing seeded.");
            return;
        }

        var created = await SeedWatchlistsAsync(Path.Combine(folder, "watchlists.json"), ct);
        var report = await files.IngestAsync(folder, ct);
        logger.LogInformation("Seeds from {Folder}: {Watchlists} watchlists created; {Created} articles ingested, {Duplicates} already there, {Alerts} alerts raised",
            folder, created, report.Created, report.Duplicates, report.Alerts);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private async Task<int> SeedWatchlistsAsync(string file, CancellationToken ct)
    {
        if (!File.Exists(file)) return 0;
        var seeds = JsonSerializer.Deserialize<SeedFile>(await File.ReadAllTextAsync(file, ct), JsonSerializerOptions.Web)
                    ?? throw new InvalidOperationException($"{file} holds no watchlists.");
        await using var session = store.LightweightSession();
        var created = 0;
        foreach (var seed in seeds.Watchlists)
        {
            var id = SeedId(seed.Id);
            if (await session.Events.FetchStreamStateAsync(id, ct) is not null) continue;

            var command = new CreateWatchlist(seed.Name, (seed.Terms ?? []).Select(t => (WatchTermInput?)new WatchTermInput(t.Phrase, t.Lang)).ToList(), seed.Rule);
            if (CreateWatchlistEndpoint.Validate(command) is var problem && !ReferenceEquals(problem, WolverineContinue.NoProblems))
                throw new InvalidOperationException($"Seed watchlist '{seed.Id}' in {file} is invalid: {problem.Detail}");
            session.Events.StartStream<Watchlist>(id, CreateWatchlistEndpoint.Decide(command, id, clock.GetUtcNow()));
            created++;
        }
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (IsCollision(e) || IsCollision(e.InnerException))
        {
            // Another node seeded them at the same moment.
            return 0;
        }
        return created;
    }

    /// <summary>Marten throws its own collision exception; the event store core has one of the same name.</summary>
    private static bool IsCollision(Exception? e) =>
        e is Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException;

    /// <summary>A stable id per seed slug, so a restart finds the watchlist it created before.</summary>
    public static Guid SeedId(string slug)
    {
        var bytes = MD5.HashData(Encoding.UTF8.GetBytes("mediamonitor-seed:" + slug));
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x30);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private static string? FindSeeds(string start)
    {
        var data = PostgresLocator.DataRoot(start);
        var seeds = Path.Combine(Path.GetDirectoryName(data)!, "seeds");
        return Directory.Exists(seeds) ? seeds : null;
    }

    private sealed record SeedFile(IReadOnlyList<SeedWatchlist> Watchlists);
    private sealed record SeedWatchlist(string Id, string Name, IReadOnlyList<SeedTerm>? Terms, string? Rule);
    private sealed record SeedTerm(string Phrase, string? Lang);
}
