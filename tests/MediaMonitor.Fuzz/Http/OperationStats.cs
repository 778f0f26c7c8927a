using System.Collections.Concurrent;
using System.Text;

namespace MediaMonitor.Fuzz.Http;

/// <summary>Per operation: how many requests, which statuses came back, the slowest answer.</summary>
public sealed class OperationStats(IEnumerable<Operation> operations)
{
    private sealed class Row
    {
        public int Requests;
        public long MaxTicks;
        public readonly ConcurrentDictionary<string, int> Statuses = new();
    }

    private readonly Dictionary<string, Row> _rows = operations.ToDictionary(o => o.Name, _ => new Row());

    public void Record(Operation op, int? status, TimeSpan latency)
    {
        var row = _rows[op.Name];
        Interlocked.Increment(ref row.Requests);
        row.Statuses.AddOrUpdate(status?.ToString() ?? "none", 1, (_, n) => n + 1);
        long seen;
        while (latency.Ticks > (seen = Interlocked.Read(ref row.MaxTicks)) && Interlocked.CompareExchange(ref row.MaxTicks, latency.Ticks, seen) != seen)
        {
        }
    }

    public IEnumerable<string> NeverExercised => _rows.Where(r => r.Value.Requests == 0).Select(r => r.Key);

    public int Total => _rows.Values.Sum(r => r.Requests);

    public string Table()
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{"operation",-52} {"requests",8} {"max ms",8}  statuses");
        foreach (var (name, row) in _rows.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var statuses = string.Join(' ', row.Statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}x{s.Value}"));
            sb.AppendLine($"{name,-52} {row.Requests,8} {TimeSpan.FromTicks(row.MaxTicks).TotalMilliseconds,8:0}  {statuses}");
        }
        return sb.ToString();
    }
}
