using System.Text.Json;

namespace MediaMonitor.Infrastructure;

public static class JsonErrors
{
    /// <summary>A message a client can act on: what is wrong and where (JSON path, line, byte).</summary>
    public static string Describe(JsonException e)
    {
        var message = e.Message;
        // The serializer appends its own location in a form that differs between its exceptions; keep one form.
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        var where = e.Path is { Length: > 0 } path ? $" at {path}" : "";
        var position = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
        return $"{message.TrimEnd('.')}{where}{position}.";
    }
}
