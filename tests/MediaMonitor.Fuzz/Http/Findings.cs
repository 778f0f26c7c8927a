using System.Collections.Concurrent;
using System.Text;

namespace MediaMonitor.Fuzz.Http;

/// <summary>One distinct failure: the first request that showed it, how to send it again, and how often it recurred.</summary>
public sealed class Finding(string kind, string operation, string signature, string detail, string? repro)
{
    private int _occurrences = 1;

    public string Kind { get; } = kind;

    public string Operation { get; } = operation;

    public string Signature { get; } = signature;

    public string Detail { get; } = detail;

    public string? Repro { get; } = repro;

    public int Occurrences => _occurrences;

    public void Again() => Interlocked.Increment(ref _occurrences);
}

/// <summary>Every failure of a pass, deduplicated by kind, operation and signature (a status and the exception the
/// service logged for it), so one bug met a thousand times is reported once, with the first request that met it.</summary>
/// <param name="announce">Told of each distinct failure when first met, so that a long pass cut short still says what it found.</param>
public sealed class Findings(HttpFuzzOptions options, Uri baseAddress, TextWriter? announce = null)
{
    private readonly ConcurrentDictionary<(string, string, string), Finding> _distinct = new();
    private int _dropped;

    public IReadOnlyList<Finding> All => _distinct.Values.OrderBy(f => f.Kind, StringComparer.Ordinal).ThenBy(f => f.Operation, StringComparer.Ordinal).ToList();

    public bool Any => !_distinct.IsEmpty;

    public void Add(string kind, string operation, string signature, string detail, FuzzRequest? request = null)
    {
        var key = (kind, operation, signature);
        if (_distinct.TryGetValue(key, out var known))
        {
            known.Again();
            return;
        }
        if (_distinct.Count >= options.MaxDistinctFailures)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }
        var finding = new Finding(kind, operation, signature, detail, request is null ? null : Repro(request));
        if (_distinct.TryAdd(key, finding))
            announce?.WriteLine($"  new failure: {kind} {operation} {signature}\n{finding.Repro ?? $"    {detail}"}");
    }

    private string Repro(FuzzRequest request)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"    request {request.Summary}");
        sb.AppendLine($"    {request.ToCurl(baseAddress, options.ReproFolder, options.Seed)}");
        if (request.Copies > 1) sb.AppendLine($"    (sent {request.Copies} times at once: run that command {request.Copies} times in parallel)");
        sb.Append($"    seed {options.Seed}, request {request.Number}: {options.RerunCommand(request.Number)}");
        return sb.ToString();
    }

    public string Summary()
    {
        var sb = new StringBuilder();
        var all = All;
        sb.AppendLine($"{all.Count} distinct failure(s){(_dropped > 0 ? $", and {_dropped} more not kept" : "")}:");
        foreach (var f in all)
        {
            sb.AppendLine($"- [{f.Kind}] {f.Operation} {f.Signature} (x{f.Occurrences}): {f.Detail}");
            if (f.Repro is not null) sb.AppendLine(f.Repro);
        }
        return sb.ToString();
    }
}
