namespace MediaMonitor.Feeds;

/// <summary>A feed listed in an OPML file. Category: the titles of its enclosing outlines joined with "/".</summary>
public sealed record OpmlOutline(string Url, string? Title, string? Lang, string? Category);
