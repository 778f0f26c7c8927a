using System.Text.Json.Serialization;
using JasperFx;
using MediaMonitor.Access;
using MediaMonitor.Alerts;
using MediaMonitor.Infrastructure;
using MediaMonitor.Ingestion;
using MediaMonitor.Matching;
using Wolverine;
using Wolverine.Http;

var builder = WebApplication.CreateBuilder(args);
var (connectionString, localPostgres) = await PostgresLocator.LocateAsync(builder.Configuration, builder.Environment.ContentRootPath);
if (localPostgres is not null) builder.Services.AddSingleton(localPostgres);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
    o.SerializerOptions.MaxDepth = 16;
    // A misspelt field is an error the client hears about, not data silently dropped.
    o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
});
builder.Services.AddHttpErrors();
builder.Services.AddOpenApi();
builder.Services.AddHealthChecks().AddCheck<PostgresReady>("postgres", tags: ["ready"]);
builder.Services.AddAccess(builder.Configuration, builder.Environment);
builder.Services.AddPersistence(connectionString);
builder.Services.AddMatching();
builder.Services.AddIngestion();
builder.Host.UseWolverine(opts => opts.UseMediaMonitorMessaging(builder.Configuration));
builder.Services.AddWolverineHttp();

var app = builder.Build();
app.UseHttpErrors();
app.UseAuthentication();
app.UseAuthorization();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") });
app.MapWolverineEndpoints(opts =>
{
    opts.RejectUnparseableQueryValues = true;
    opts.MapConcurrencyFailuresToConflict();
});

return await app.RunJasperFxCommands(args);

public partial class Program;
