using System.Globalization;
using JasperFx.CommandLine;
using MediaMonitor.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace MediaMonitor.Audit;

public sealed class ExportInput : NetCoreInput
{
    [Description("Start: a sequence number (inclusive) or a time (inclusive, ISO 8601)"), FlagAlias("from")]
    public string? FromFlag { get; set; }

    [Description("End: a sequence number (inclusive) or a time (exclusive, ISO 8601)"), FlagAlias("to")]
    public string? ToFlag { get; set; }

    [Description("Event type names to keep, comma-separated (e.g. alert_raised,article_ingested)"), FlagAlias("types")]
    public string? TypesFlag { get; set; }

    [Description("The NDJSON file to write"), FlagAlias("out")]
    public string OutFlag { get; set; } = "";
}

[Description("Export the event log (or a range of it) as NDJSON, as GET /api/events streams it, then exit", Name = "export")]
public sealed class ExportCommand : JasperFxAsyncCommand<ExportInput>
{
    public override async Task<bool> Execute(ExportInput input)
    {
        if (string.IsNullOrWhiteSpace(input.OutFlag))
        {
            Console.Error.WriteLine("--out FILE is required.");
            return false;
        }
        EventFilter filter;
        try
        {
            var (fromSequence, from) = Bound(input.FromFlag, "--from");
            var (toSequence, to) = Bound(input.ToFlag, "--to");
            var types = input.TypesFlag?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            filter = new EventFilter(fromSequence, toSequence, from, to, types);
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine(e.Message);
            return false;
        }

        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var json = host.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var path = ShellPath.Resolve(input.OutFlag);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var session = store.QuerySession();
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        var count = await EventLog.WriteNdjsonAsync(EventLog.Read(session, filter, CancellationToken.None), file, json, CancellationToken.None);
        Console.WriteLine($"Wrote {count:N0} events to {path} in {clock.Elapsed.TotalSeconds:F1} s ({count / Math.Max(clock.Elapsed.TotalSeconds, 1e-9):N0} events/s).");
        return true;
    }

    /// <summary>A number is a sequence, anything else must be a time.</summary>
    public static (long? Sequence, DateTimeOffset? Time) Bound(string? text, string flag)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)) return (sequence, null);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)) return (null, time);
        throw new FormatException($"{flag} '{text}' is neither a sequence number nor a time.");
    }
}
