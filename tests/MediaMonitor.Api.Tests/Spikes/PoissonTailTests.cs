using MediaMonitor.Spikes;

namespace MediaMonitor.Api.Tests.Spikes;

public sealed class PoissonTailTests
{
    /// <summary>Reference values: 1 − Σ_{k&lt;x} e^−λ λ^k / k!, summed in 60-digit decimal arithmetic.</summary>
    [Theory]
    [InlineData(1, 2.0, 0.864664716763387308)]
    [InlineData(5, 1.0, 0.003659846827343712)]
    [InlineData(10, 2.0, 4.6498075017263808e-05)]
    [InlineData(3, 10.0, 0.997230604284488424)]
    [InlineData(40, 50.0, 0.935429631078867024)]
    [InlineData(80, 50.0, 5.6650355286474506e-05)]
    [InlineData(12, 0.5, 3.2146973033451845e-13)]
    [InlineData(30, 0.5, 2.1644672981498645e-42)]
    public void the_upper_tail_matches_the_exact_sum_to_twelve_digits(int x, double lambda, double expected) =>
        Assert.Equal(1, PoissonTail.Upper(x, lambda) / expected, 12);

    [Fact]
    public void a_tail_too_small_for_a_double_still_has_its_exact_logarithm()
    {
        // ln Σ_{k≥200} e^−1 / k! = −864.22699977464…: the probability itself underflows to 0.
        Assert.Equal(0, PoissonTail.Upper(200, 1.0));
        Assert.Equal(-864.2269997746446, PoissonTail.LogUpper(200, 1.0), 9);
    }

    [Fact]
    public void at_least_nothing_is_certain_and_something_against_a_rate_of_zero_is_impossible()
    {
        Assert.Equal(0, PoissonTail.LogUpper(0, 3.0));
        Assert.Equal(double.NegativeInfinity, PoissonTail.LogUpper(1, 0));
    }

    [Fact]
    public void the_tail_falls_as_the_count_rises()
    {
        var previous = 0.0;
        for (var x = 1; x < 60; x++)
        {
            var log = PoissonTail.LogUpper(x, 7.3);
            Assert.True(log < previous, $"P(X ≥ {x}) is not below P(X ≥ {x - 1})");
            previous = log;
        }
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(5.0, 3.1780538303479458)]          // ln 4!
    [InlineData(0.5, 0.5723649429247001)]          // ln √π
    [InlineData(201.0, 863.2319871924054)]         // ln 200!
    public void log_gamma_matches_known_values(double z, double expected) =>
        Assert.Equal(expected, PoissonTail.LogGamma(z), 10);
}
