namespace MediaMonitor.Feeds;

/// <summary>A document that is not a feed at all. The message is shown to the user on the feed: one clear sentence.</summary>
public sealed class FeedFormatException(string message, Exception? inner = null) : Exception(message, inner);
