using System.Text;
using MediaMonitor.Infrastructure;

namespace MediaMonitor.Api.Tests.Infrastructure;

public sealed class CursorBoundTests
{
    private static string Marten(string json) => "v1:" + Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void a_cursor_led_by_a_time_gives_that_instant_in_utc() =>
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 0, 57, 4, TimeSpan.Zero).AddTicks(5631660),
            CursorBound.LeadingTime(Marten("""["2026-12-02T03:57:04.563166+03:00","d59e50dd-f095-49f2-b366-d5bf1f7ea7af"]""")));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v2:WyJ4Il0=")]
    [InlineData("v1:not base64!")]
    [InlineData("v1:bm90IGpzb24=")]
    public void anything_else_gives_no_bound(string? cursor) => Assert.Null(CursorBound.LeadingTime(cursor));

    [Theory]
    [InlineData("[]")]
    [InlineData("[42, \"x\"]")]
    [InlineData("[\"yesterday\"]")]
    [InlineData("{\"at\": \"2026-12-02T03:57:04Z\"}")]
    public void a_cursor_not_led_by_a_time_gives_no_bound(string json) => Assert.Null(CursorBound.LeadingTime(Marten(json)));
}
