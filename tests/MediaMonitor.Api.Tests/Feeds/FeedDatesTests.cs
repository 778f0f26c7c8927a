using MediaMonitor.Feeds;

namespace MediaMonitor.Api.Tests.Feeds;

public sealed class FeedDatesTests
{
    [Theory]
    [InlineData("Sun, 18 Dec 2011 07:45:00 GMT", "2011-12-18T07:45:00Z")]
    [InlineData("Sun, 18 Dec 2011 07:45:00 +0300", "2011-12-18T04:45:00Z")]
    [InlineData("18 Dec 2011 07:45 EST", "2011-12-18T12:45:00Z")]
    [InlineData("Sun, 18 Dec 11 07:45:00 PDT", "2011-12-18T14:45:00Z")]
    [InlineData("Mon, 6 Jan 2020 22:10:00 -0130", "2020-01-06T23:40:00Z")]
    [InlineData("Sun, 18 Dec 2011 07:45:00 UT", "2011-12-18T07:45:00Z")]
    [InlineData("2011-12-18T07:45:00+03:00", "2011-12-18T04:45:00Z")]
    [InlineData("2011-12-18T07:45:00Z", "2011-12-18T07:45:00Z")]
    [InlineData("2011-12-18T07:45:00.123Z", "2011-12-18T07:45:00.123Z")]
    [InlineData("2011-12-18", "2011-12-18T00:00:00Z")]
    public void when_a_date_is_rfc_822_or_iso_8601_it_is_read_in_utc(string text, string expected)
    {
        var date = FeedDates.Parse(text);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date);
        Assert.Equal(TimeSpan.Zero, date!.Value.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("Sun, 32 Dec 2011 07:45:00 GMT")]
    [InlineData("Sun, 18 Dec 2011 25:45:00 GMT")]
    [InlineData("Sun, 18 Dec 2011 07:45:00 XYZ")]
    [InlineData("2011-13-45T07:45:00Z")]
    [InlineData(null)]
    public void when_a_date_cannot_be_read_it_is_null(string? text) => Assert.Null(FeedDates.Parse(text));
}
