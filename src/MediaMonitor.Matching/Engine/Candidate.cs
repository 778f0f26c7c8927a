namespace MediaMonitor.Matching.Engine;

/// <summary>A word of the current article's token, ending at token <see cref="End"/> (the next one for a compound).</summary>
internal readonly struct Candidate(in CandidateWord word, int end)
{
    public readonly CandidateWord Word = word;
    public readonly int End = end;
}
