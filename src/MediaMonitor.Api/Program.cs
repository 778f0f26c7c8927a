using JasperFx;
using MediaMonitor.Access;
using MediaMonitor.Alerts;
using MediaMonitor.Audit;
using MediaMonitor.Feeds;
using MediaMonitor.Infrastructure;
using MediaMonitor.Ingestion;
using MediaMonitor.Matchers;
using MediaMonitor.Observability;
using MediaMonitor.Postgres;
using MediaMonitor.Spikes;
using MediaMonitor.Stories;
using MediaMonitor.Watchlists;
using MediaMonitor.Webhooks;
using Wolverine;
using Wolverine.Http;
using Wolverine.Http.Marten;

// Our commands (ingest, export) are found wherever the process starts, not only when this is the entry assembly.
[assembly: JasperFxAssembly]

// The offline matcher needs no database, so it runs before any host (and any PostgreSQL) is set up.
if (args is ["match", ..]) return await OfflineMatch.RunAsync(args[1..], Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(args);
string connectionString;
LocalPostgres? localPostgres;
try
{
    (connectionString, localPostgres) = await PostgresLocator.LocateAsync(builder.Configuration, builder.Environment.ContentRootPath);
}
catch (PostgresUnavailableException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
if (localPostgres is not null) builder.Services.AddSingleton(localPostgres);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddApiJson();
builder.Services.AddHttpErrors();
builder.Services.AddOpenApi();
builder.Services.AddHealthChecks().AddCheck<PostgresReady>("postgres", tags: ["ready"]);
builder.Services.AddAccess(builder.Configuration, builder.Environment);
builder.Services.AddPersistence(connectionString);
builder.Services.AddMatching();
builder.Services.AddIngestion();
builder.Services.AddStories();
builder.Services.AddOutbound();
builder.Services.AddWebhooks(builder.Configuration);
builder.Services.AddAudit();
builder.Services.AddFeeds(builder.Configuration);
builder.Services.AddObservability(builder.Configuration);
builder.Host.UseWolverine(opts =>
{
    opts.UseMediaMonitorMessaging(builder.Configuration);
    opts.UseWatchlistMessaging();
    opts.UseAuditMessaging();
    opts.UseWebhookMessaging(builder.Configuration);
    opts.UseSpikeMessaging();
    opts.UseFeedMessaging();
});
builder.Services.AddWolverineHttp();

var app = builder.Build();
app.UseCorrelation();
app.UseHttpErrors();
app.UseAuthentication();
app.UseAuthorization();
app.UseRequestGuards();
app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
app.MapMetrics();
app.MapWolverineEndpoints(opts =>
{
    opts.RejectUnparseableQueryValues = true;
    // The correlation id UseCorrelation settles on, for Wolverine's sessions and messages too.
    opts.ApplyCorrelationIdHeaderToAllEndpoints = true;
    // A command that lost a race for its stream (another change committed first) answers 409, not 500.
    opts.MapMartenConcurrencyFailuresToConflict();
});

return await app.RunJasperFxCommands(args);

public partial class Program;
