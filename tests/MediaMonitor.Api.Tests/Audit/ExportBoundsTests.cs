using MediaMonitor.Audit;

namespace MediaMonitor.Api.Tests.Audit;

public sealed class ExportBoundsTests
{
    [Fact]
    public void a_number_is_a_sequence() => Assert.Equal((1234L, (DateTimeOffset?)null), ExportCommand.Bound("1234", "--from"));

    [Fact]
    public void a_time_is_a_time_and_without_an_offset_it_is_utc() =>
        Assert.Equal((null, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)), ExportCommand.Bound("2026-11-01T00:00:00", "--from"));

    [Fact]
    public void nothing_is_no_bound() => Assert.Equal((null, null), ExportCommand.Bound(null, "--to"));

    [Theory]
    [InlineData("-5")]
    [InlineData("yesterday")]
    public void anything_else_is_refused_naming_the_flag(string text) =>
        Assert.Contains("--to", Assert.Throws<FormatException>(() => ExportCommand.Bound(text, "--to")).Message);

    [Theory]
    [InlineData("abc-DEF_1.2:3", true)]
    [InlineData("has space", false)]
    [InlineData("", false)]
    [InlineData("<x>", false)]
    public void a_correlation_id_is_taken_from_the_caller_only_when_it_is_plain(string id, bool acceptable) =>
        Assert.Equal(acceptable, CorrelationMiddleware.IsAcceptable(id));

    [Fact]
    public void a_correlation_id_longer_than_128_characters_is_not_taken() =>
        Assert.False(CorrelationMiddleware.IsAcceptable(new string('a', 129)));
}
