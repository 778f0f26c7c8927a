namespace MediaMonitor.Matching.Stories;

/// <summary>
/// How alike two bodies are, estimated from their signatures: <paramref name="Jaccard"/> = shared shingles / all shingles,
/// <paramref name="Containment"/> = shared shingles / the smaller body's shingles, and whether the pair is one story by
/// the thresholds of <see cref="StorySignature"/> (<see cref="StorySignature.JaccardThreshold"/>,
/// <see cref="StorySignature.ContainmentThreshold"/>).
/// </summary>
public readonly record struct StorySimilarity(double Jaccard, double Containment, bool SameStory);
