using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace MediaMonitor.Infrastructure;

public static class RequestBody
{
    /// <summary>Reads the whole body, refusing with 413 past <paramref name="limit"/> bytes whether or not a length was declared.</summary>
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        if (request.ContentLength > limit) throw TooLarge(limit);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit) throw TooLarge(limit);
            buffer.Write(chunk, 0, read);
        }
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    /// <summary>Null when <paramref name="bytes"/> is valid UTF-8, else where the first invalid sequence starts.</summary>
    public static int? FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length;)
        {
            if (Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed) != System.Buffers.OperationStatus.Done) return i;
            i += consumed;
        }
        return null;
    }

    private static RequestRejectedException TooLarge(int limit) =>
        new(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {limit / (1024 * 1024)} MiB.");
}
