namespace MediaMonitor.Infrastructure;

/// <summary>A request refused as a whole, with the status to answer (413 too large, 400 unreadable).</summary>
public sealed class RequestRejectedException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
