using Marten;

namespace MediaMonitor.Access;

/// <summary>
/// On a development machine with no configured key, makes one admin key on first start, stores only its
/// hash, and prints the key once. Later starts load the hash.
/// </summary>
public sealed class DevelopmentApiKey(IDocumentStore store, ApiKeys keys, TimeProvider clock, ILogger<DevelopmentApiKey> logger) : IHostedService
{
    public const string Id = "development-admin";

    public async Task StartAsync(CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var stored = await session.LoadAsync<StoredApiKey>(Id, ct);
        if (stored is null)
        {
            var key = ApiKeys.Generate();
            stored = new StoredApiKey { Id = Id, Hash = Convert.ToHexString(ApiKeys.Hash(key)), Scopes = Scopes.Admin, CreatedAt = clock.GetUtcNow() };
            session.Insert(stored);
            try
            {
                await session.SaveChangesAsync(ct);
            }
            catch (JasperFx.DocumentAlreadyExistsException)
            {
                // Another process made the key at the same moment and printed it; use that one.
                await StartAsync(ct);
                return;
            }
            // Printed, not logged: log sinks keep what they receive, and the key is shown this once only.
            Console.WriteLine();
            Console.WriteLine($"  Generated an admin API key (shown this once; only its hash is stored): {key}");
            Console.WriteLine($"  Send it as the header  {ApiKeyAuthentication.Header}: {key}");
            Console.WriteLine();
        }
        else
        {
            logger.LogInformation("Using the admin API key generated on {CreatedAt:u} (only its hash is stored). " +
                                  "Configure MediaMonitor:ApiKeys to use keys of your own.", stored.CreatedAt);
        }
        keys.Add(new KnownKey(Id, Convert.FromHexString(stored.Hash), Scopes.Parse(stored.Scopes)!));
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
