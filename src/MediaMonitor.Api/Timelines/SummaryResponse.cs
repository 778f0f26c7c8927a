namespace MediaMonitor.Timelines;

public sealed record SourceCount(string? Source, long Articles);

public sealed record LangCount(string Lang, long Articles);

public sealed record CoOccurrence(Guid WatchlistId, string Name, long Articles);

public sealed record FormCount(string Text, long Articles);

/// <summary>The texts that matched a term, most frequent first; <paramref name="FormsOmitted"/> counts those past the
/// first <see cref="GetSummaryEndpoint.MaxForms"/>.</summary>
public sealed record TermForms(string Term, IReadOnlyList<FormCount> Forms, int FormsOmitted);

/// <summary>A watchlist's matched articles over [<paramref name="From"/>, <paramref name="To"/>) (the range asked for,
/// widened to whole UTC hours): by source (null: articles without one), by language, the watchlists that matched the
/// same articles most, and the texts that matched each term.</summary>
public sealed record SummaryResponse(
    Guid WatchlistId, DateTimeOffset From, DateTimeOffset To, long Articles, long Alerts, IReadOnlyList<SourceCount> BySource,
    IReadOnlyList<LangCount> ByLang, IReadOnlyList<CoOccurrence> CoOccurring, IReadOnlyList<TermForms> Terms);
