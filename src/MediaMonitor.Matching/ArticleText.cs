namespace MediaMonitor.Matching;

public sealed record ArticleText(string? Title, string Body, string? Lang = null);
