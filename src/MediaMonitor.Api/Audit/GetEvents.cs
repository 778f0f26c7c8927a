using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace MediaMonitor.Audit;

public static class GetEventsEndpoint
{
    public static readonly TimeSpan FirstEventWait = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The global event log as NDJSON (application/x-ndjson), in sequence order, one <see cref="EventRecord"/> a line,
    /// streamed: any size in constant memory. Filters: <c>fromSequence</c>, <c>toSequence</c> (inclusive), <c>from</c>
    /// (inclusive) and <c>to</c> (exclusive) on the event's timestamp, <c>type</c> (event type names such as
    /// <c>alert_raised</c>, comma-separated or repeated), <c>streamId</c>. Resume an interrupted read with
    /// <c>fromSequence</c> one past the last line received.
    /// </summary>
    [WolverineGet("/api/events"), Authorize(Policy = Scopes.Admin), Tags("Audit")]
    [ProducesResponseType(200), ProducesResponseType<ProblemDetails>(400)]
    public static async Task<IResult> Get(
        HttpContext http, IQuerySession session, IOptions<JsonOptions> json, long? fromSequence, long? toSequence,
        DateTimeOffset? from, DateTimeOffset? to, string[]? type, Guid? streamId, CancellationToken ct)
    {
        if (fromSequence is not null && toSequence is not null && fromSequence > toSequence)
            return Problems.BadRequest("Invalid sequence range.", "fromSequence must not be after toSequence.");
        if (from is not null && to is not null && from >= to) return Problems.BadRequest("Invalid time range.", "from must be before to.");
        var types = (type ?? []).SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

        http.Response.ContentType = "application/x-ndjson; charset=utf-8";
        // The answer starts within a second even while the database looks for the first event the filters keep; the
        // events follow as they are found.
        var events = EventLog.Read(session, new EventFilter(fromSequence, toSequence, from, to, types, streamId), ct)
            .Promptly(FirstEventWait, () => http.Response.StartAsync(ct), ct);
        await EventLog.WriteNdjsonAsync(events, http.Response.Body, json.Value.SerializerOptions, ct);
        return Results.Empty;
    }
}
