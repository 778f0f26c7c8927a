using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace MediaMonitor.Infrastructure;

/// <summary>
/// The connect step of every outbound HTTP client (<see cref="SocketsHttpHandler.ConnectCallback"/>): the host is
/// resolved here and each of its addresses judged by <see cref="OutboundTargets"/> before a socket opens, so DNS
/// cannot send a checked URL somewhere private afterwards (DNS rebinding).
/// </summary>
public sealed class OutboundConnector(IOptionsMonitor<OutboundOptions> options)
{
    public OutboundOptions Current => options.CurrentValue;

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var allowPrivate = options.CurrentValue.AllowPrivateNetworks;
        var addresses = await OutboundTargets.ResolveAsync(host, ct);
        var allowed = new List<IPAddress>();
        string? refusal = null;
        foreach (var address in addresses)
        {
            if (OutboundTargets.Refusal(address, allowPrivate) is { } why) refusal ??= $"{host} resolves to {address}, {why}: refused.";
            else allowed.Add(address);
        }
        // One refused address is enough to refuse the host: a name that answers both a public and a private
        // address is a rebinding trick more often than a mistake.
        if (refusal is not null || allowed.Count == 0) throw new OutboundTargetRefusedException(refusal ?? $"{host} does not resolve.");

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed.ToArray(), context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>How long an answer asks to be left alone (<c>Retry-After</c>, seconds or a date), if it says.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date - now;
        return null;
    }

    /// <summary>Why a request failed, in a sentence for the user: the refusal itself when the target was refused.</summary>
    public static string Describe(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is OutboundTargetRefusedException refused) return refused.Message;
        }
        return e.InnerException is SocketException s ? $"{e.Message} ({s.SocketErrorCode})" : e.Message;
    }
}

public sealed class OutboundTargetRefusedException(string message) : Exception(message);
