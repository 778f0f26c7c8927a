namespace MediaMonitor.Fuzz.Http;

/// <summary>How one HTTP pass runs. The same seed and count replay the same requests.</summary>
public sealed record HttpFuzzOptions
{
    public ulong Seed { get; init; } = 20251201;

    public int Count { get; init; } = 2_000;

    public int Concurrency { get; init; } = 2;

    /// <summary>The longest a request may take to its response headers.</summary>
    public TimeSpan Bound { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Past this the request is abandoned: what never answers must not stall the pass.</summary>
    public TimeSpan GiveUpAfter => Bound * 2 + TimeSpan.FromSeconds(5);

    /// <summary>How much of an answer is read (the event log streams without end).</summary>
    public int ReadAtMost { get; init; } = 1024 * 1024;

    /// <summary>Distinct failures kept with a reproduction; more are only counted.</summary>
    public int MaxDistinctFailures { get; init; } = 60;

    /// <summary>Operations whose every request and answer are printed (a substring of "METHOD /path"), to see what the
    /// generator sends; null prints none.</summary>
    public string? Trace { get; init; }

    public string ReproFolder { get; init; } = Path.Combine(Path.GetTempPath(), "mediamonitor-fuzz");

    public string RerunCommand(long request) =>
        $"dotnet run --project tests/MediaMonitor.Fuzz -- http --seed {Seed} --count {request + 1} --concurrency 1";
}
