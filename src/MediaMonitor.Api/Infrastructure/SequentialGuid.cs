using System.Buffers.Binary;
using System.Security.Cryptography;

namespace MediaMonitor.Infrastructure;

/// <summary>
/// Version-7 ids that sort in the order they were made in this process, even within one millisecond: RFC 9562 §6.2,
/// method 1, a 12-bit counter in <c>rand_a</c> (which <see cref="Guid.CreateVersion7(DateTimeOffset)"/> fills at random);
/// when the counter runs out within a millisecond, or the time given goes back, the timestamp moves on by one.
/// </summary>
public static class SequentialGuid
{
    private const int MaxCounter = 0xFFF;
    private static readonly Lock Gate = new();
    private static long _lastMilliseconds;
    private static int _counter;

    public static Guid Next(DateTimeOffset at)
    {
        long milliseconds;
        int counter;
        lock (Gate)
        {
            milliseconds = at.ToUnixTimeMilliseconds();
            if (milliseconds > _lastMilliseconds) _counter = 0;
            else if (++_counter <= MaxCounter) milliseconds = _lastMilliseconds;
            else
            {
                milliseconds = _lastMilliseconds + 1;
                _counter = 0;
            }
            _lastMilliseconds = milliseconds;
            counter = _counter;
        }
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(bytes, milliseconds << 16);
        RandomNumberGenerator.Fill(bytes[8..]);
        bytes[6] = (byte)(0x70 | (counter >> 8));
        bytes[7] = (byte)counter;
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
