using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Mvc;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Wolverine;
using Wolverine.Http;

namespace MediaMonitor.Ingestion;

public sealed record BatchItemResult(int Index, string Status, Guid? Id, IReadOnlyList<RaisedAlert>? Alerts, string? Error, Guid? StoryId = null);

public sealed record BatchResponse(int Created, int Duplicates, int Invalid, int Deferred, IReadOnlyList<BatchItemResult> Items);

public static class IngestBatchEndpoint
{
    /// <summary>The time a batch may take by default (<c>MediaMonitor:Ingestion:BatchBudget</c>).</summary>
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(3);

    /// <summary>
    /// A JSON array (application/json) or NDJSON (application/x-ndjson) of up to <see cref="BatchParser.MaxItems"/>
    /// articles and <see cref="BatchParser.MaxBytes"/> bytes. Each item is answered on its own: created,
    /// duplicate, or invalid with the reason; a bad item does not stop the others. The batch is answered within its
    /// time budget whatever it holds: articles are taken in transaction by transaction, and those not reached when the
    /// budget is spent are answered deferred, not stored, to be sent again.
    /// </summary>
    [WolverinePost("/api/articles/batch"), Authorize(Policy = Scopes.Ingest), Tags("Articles")]
    [ProducesResponseType<BatchResponse>(200), ProducesResponseType<ProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(413), ProducesResponseType<ProblemDetails>(415)]
    public static async Task<IResult> Post(
        HttpRequest request, ArticleIngestor ingestor, IMessageContext requester, IOptions<JsonOptions> json, IConfiguration configuration, TimeProvider clock, CancellationToken ct)
    {
        var deadline = clock.GetUtcNow() + configuration.GetValue("MediaMonitor:Ingestion:BatchBudget", DefaultBudget);
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        var ndjson = BatchParser.IsNdjson(mediaType);
        if (!ndjson && !string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Problem(statusCode: 415, title: "Unsupported media type.",
                detail: $"Send a JSON array as application/json or NDJSON as {string.Join(", ", BatchParser.NdjsonMediaTypes)}.");
        }

        IReadOnlyList<BatchItem> items;
        try
        {
            var body = await RequestBody.ReadAsync(request, BatchParser.MaxBytes, ct);
            items = BatchParser.Parse(body, ndjson, json.Value.SerializerOptions);
        }
        catch (RequestRejectedException e)
        {
            return Results.Problem(statusCode: e.StatusCode, title: "The batch was refused.", detail: e.Message);
        }

        var results = new BatchItemResult?[items.Count];
        var accepted = new List<(int Index, ArticleCandidate Candidate)>();
        // The items are checked on all cores: a batch of long articles spends as long here as in its first transaction.
        var checks = items.AsParallel().AsOrdered()
            .Select(item => (item, Check: item.Article is null ? default : ArticleIntake.Check(item.Article)))
            .ToList();
        foreach (var (item, (candidate, errors)) in checks)
        {
            if (item.Article is null) results[item.Index] = new BatchItemResult(item.Index, "invalid", null, null, item.Error);
            else if (candidate is null) results[item.Index] = new BatchItemResult(item.Index, "invalid", null, null, errors.Summary());
            else accepted.Add((item.Index, candidate));
        }

        var outcomes = await ingestor.IngestAsync(accepted.Select(a => a.Candidate).ToList(), deadline, requester, ct);
        for (var i = 0; i < accepted.Count; i++)
        {
            var index = accepted[i].Index;
            results[index] = outcomes[i] switch
            {
                IngestOutcome.Created c => new BatchItemResult(index, "created", c.ArticleId, c.Alerts, null, c.StoryId),
                IngestOutcome.Duplicate d => new BatchItemResult(index, "duplicate", d.ArticleId, [], null),
                null => new BatchItemResult(index, "deferred", null, null, "Not taken in: the batch spent its time budget before this item. Send it again."),
                var other => throw new InvalidOperationException($"Unexpected outcome {other}"),
            };
        }

        var all = results.Select(r => r!).ToList();
        return Results.Ok(new BatchResponse(
            all.Count(r => r.Status == "created"), all.Count(r => r.Status == "duplicate"), all.Count(r => r.Status == "invalid"),
            all.Count(r => r.Status == "deferred"), all));
    }
}
