using MediaMonitor.Infrastructure;

namespace MediaMonitor.Api.Tests.Infrastructure;

public sealed class SequentialGuidTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static int CompareAsPostgreSqlDoes(Guid a, Guid b) =>
        a.ToByteArray(bigEndian: true).AsSpan().SequenceCompareTo(b.ToByteArray(bigEndian: true));

    [Fact]
    public void ids_made_in_one_millisecond_sort_in_the_order_made_even_past_the_counter()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => SequentialGuid.Next(Now)).ToList();

        for (var i = 1; i < ids.Count; i++) Assert.True(CompareAsPostgreSqlDoes(ids[i - 1], ids[i]) < 0, $"id {i} sorts before id {i - 1}");
    }

    [Fact]
    public void ids_made_with_an_earlier_time_still_sort_after_those_made_before()
    {
        var first = SequentialGuid.Next(Now.AddSeconds(5));

        var second = SequentialGuid.Next(Now);

        Assert.True(CompareAsPostgreSqlDoes(first, second) < 0);
    }

    [Fact]
    public void an_id_is_a_version_7_uuid_carrying_its_time()
    {
        var at = Now.AddDays(30);

        var id = SequentialGuid.Next(at);

        Assert.Equal(7, id.Version);
        Assert.Equal(0b10, id.Variant >> 2);
        var bytes = id.ToByteArray(bigEndian: true);
        var milliseconds = ((long)bytes[0] << 40) | ((long)bytes[1] << 32) | ((long)bytes[2] << 24) | ((long)bytes[3] << 16) | ((long)bytes[4] << 8) | bytes[5];
        Assert.Equal(at.ToUnixTimeMilliseconds(), milliseconds);
    }
}
