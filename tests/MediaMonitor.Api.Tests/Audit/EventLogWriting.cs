using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using JasperFx.Events;
using MediaMonitor.Audit;

namespace MediaMonitor.Api.Tests.Audit;

/// <summary>The NDJSON writer: one line per event in the order read, the reading's failure thrown as it was, and a
/// writer that fails lets go of the reading (a database reader) before it returns.</summary>
public sealed class EventLogWriting
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Happened(int Number);

    private static IEvent Event(int number) => new Event<Happened>(new Happened(number)) { Sequence = number, EventTypeName = "happened" };

    private static async IAsyncEnumerable<IEvent> Events(int count, Exception? then = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var i = 1; i <= count; i++)
        {
            ct.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return Event(i);
        }
        if (then is not null) throw then;
    }

    [Fact]
    public async Task every_event_is_written_as_one_line_in_the_order_read()
    {
        using var output = new MemoryStream();

        var written = await EventLog.WriteNdjsonAsync(Events(2_500), output, Json, CancellationToken.None);

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2_500, written);
        Assert.Equal(Enumerable.Range(1, 2_500), lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("sequence").GetInt32()));
    }

    [Fact]
    public async Task a_failure_while_reading_is_thrown_to_the_caller_as_it_was_after_the_lines_before_it()
    {
        using var output = new MemoryStream();
        var failure = new TimeoutException("the database went away");

        var thrown = await Assert.ThrowsAsync<TimeoutException>(() => EventLog.WriteNdjsonAsync(Events(3, failure), output, Json, CancellationToken.None));

        Assert.Same(failure, thrown);
        Assert.Equal(3, Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task a_writer_that_fails_stops_the_reading_before_it_returns()
    {
        var readingEnded = false;
        async IAsyncEnumerable<IEvent> Endless([EnumeratorCancellation] CancellationToken ct = default)
        {
            try
            {
                for (var i = 1; ; i++)
                {
                    ct.ThrowIfCancellationRequested();
                    await Task.Yield();
                    yield return Event(i);
                }
            }
            finally
            {
                // A reader that takes a while to let go, as a database reader draining its rows does.
                await Task.Delay(200, CancellationToken.None);
                readingEnded = true;
            }
        }

        await Assert.ThrowsAsync<IOException>(() => EventLog.WriteNdjsonAsync(Endless(), new FailingStream(), Json, CancellationToken.None));

        Assert.True(readingEnded);
    }

    private sealed class FailingStream : MemoryStream
    {
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromException(new IOException("the client went away"));
    }
}
