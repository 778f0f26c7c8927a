using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using JasperFx.Events;
using Marten;

namespace MediaMonitor.Audit;

/// <summary>Which events of the global log to read. Sequence bounds inclusive; time bounds: from inclusive, to exclusive.</summary>
public sealed record EventFilter(
    long? FromSequence = null, long? ToSequence = null, DateTimeOffset? From = null, DateTimeOffset? To = null,
    IReadOnlyList<string>? Types = null, Guid? StreamId = null);

/// <summary>
/// The global event log read as a stream, one event at a time from a data reader, written as NDJSON: memory stays
/// flat whether it is a hundred events or ten million.
/// </summary>
public static class EventLog
{
    public static IAsyncEnumerable<IEvent> Read(IQuerySession session, EventFilter filter, CancellationToken ct)
    {
        IQueryable<IEvent> query = session.Events.QueryAllRawEvents();
        if (filter.FromSequence is { } fromSequence) query = query.Where(e => e.Sequence >= fromSequence);
        if (filter.ToSequence is { } toSequence) query = query.Where(e => e.Sequence <= toSequence);
        if (filter.From is { } from) query = query.Where(e => e.Timestamp >= from);
        if (filter.To is { } to) query = query.Where(e => e.Timestamp < to);
        if (filter.Types is { Count: > 0 } types)
        {
            var names = types.ToArray();
            query = query.Where(e => names.Contains(e.EventTypeName));
        }
        if (filter.StreamId is { } stream) query = query.Where(e => e.StreamId == stream);
        return query.OrderBy(e => e.Sequence).ToAsyncEnumerable(ct);
    }

    /// <summary>
    /// The events, calling <paramref name="waiting"/> once if the first has not come within <paramref name="wait"/>:
    /// filters that keep few events of a long log (a time range, a rare type) are applied as PostgreSQL reads the
    /// log, so the first match can take a while. An error before that (the database down) is thrown as usual.
    /// </summary>
    public static async IAsyncEnumerable<IEvent> Promptly(
        this IAsyncEnumerable<IEvent> events, TimeSpan wait, Func<Task> waiting, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var reader = events.GetAsyncEnumerator(ct);
        var first = reader.MoveNextAsync().AsTask();
        if (await Task.WhenAny(first, Task.Delay(wait, ct)) != first) await waiting();
        if (!await first) yield break;
        yield return reader.Current;
        while (await reader.MoveNextAsync()) yield return reader.Current;
    }

    /// <summary>Writes the events as NDJSON; returns how many. Each line is built in memory and written
    /// asynchronously (Kestrel refuses synchronous writes); the output is flushed every few hundred lines, so a reader
    /// sees them as they come.</summary>
    public static async Task<long> WriteNdjsonAsync(IAsyncEnumerable<IEvent> events, Stream output, JsonSerializerOptions json, CancellationToken ct)
    {
        long count = 0;
        var line = new ArrayBufferWriter<byte>(4096);
        await using var writer = new Utf8JsonWriter(line, new JsonWriterOptions { Encoder = json.Encoder, SkipValidation = true });
        await foreach (var e in events.WithCancellation(ct))
        {
            JsonSerializer.Serialize(writer, EventRecord.From(e), json);
            writer.Flush();
            line.Write("\n"u8);
            await output.WriteAsync(line.WrittenMemory, ct);
            line.ResetWrittenCount();
            writer.Reset(line);
            if (++count % 500 == 0) await output.FlushAsync(ct);
        }
        await output.FlushAsync(ct);
        return count;
    }
}
