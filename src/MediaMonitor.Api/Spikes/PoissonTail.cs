namespace MediaMonitor.Spikes;

/// <summary>
/// The upper tail of the Poisson distribution, P(X ≥ x) for X ~ Poisson(λ), in log space. P(X ≥ x) equals the
/// regularized lower incomplete gamma function P(x, λ) (x ≥ 1), computed as in Numerical Recipes (§6.2): its series
/// when λ &lt; x + 1, where the tail is small and the series converges fast, and 1 − Q(x, λ) by the Lentz continued
/// fraction otherwise, where the tail is large and needs no log. The series is summed relative to its leading term,
/// so tails far below double's range (10⁻³⁰⁸) still have an exact logarithm: the score of 200 articles against an
/// expected 1 is finite.
/// </summary>
public static class PoissonTail
{
    private const int MaxIterations = 10_000;
    private const double Epsilon = 1e-15;

    /// <summary>ln P(X ≥ x | Poisson(λ)); 0 (certainty) for x ≤ 0.</summary>
    public static double LogUpper(int x, double lambda)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lambda);
        if (x <= 0) return 0;
        if (lambda == 0) return double.NegativeInfinity;
        double a = x;
        // ln of the series' prefactor e^-λ λ^a / Γ(a+1); the series Σ λ^n / ((a+1)…(a+n)) multiplies it.
        var logPrefactor = -lambda + a * Math.Log(lambda) - LogGamma(a + 1);
        if (lambda < a + 1) return logPrefactor + Math.Log(Series(a, lambda));
        // Q(a, λ) = e^-λ λ^a / Γ(a) · CF, and e^-λ λ^a / Γ(a) is the prefactor times a.
        var q = Math.Exp(logPrefactor + Math.Log(a) + Math.Log(ContinuedFraction(a, lambda)));
        return Math.Log(Math.Max(0, 1 - q));
    }

    /// <summary>P(X ≥ x | Poisson(λ)); underflows to 0 below about 10⁻³⁰⁸, where <see cref="LogUpper"/> does not.</summary>
    public static double Upper(int x, double lambda) => Math.Exp(LogUpper(x, lambda));

    /// <summary>Σ λ^n / ((a+1)(a+2)…(a+n)), n ≥ 0.</summary>
    private static double Series(double a, double lambda)
    {
        double sum = 1, term = 1, ap = a;
        for (var n = 0; n < MaxIterations; n++)
        {
            ap++;
            term *= lambda / ap;
            sum += term;
            if (term < sum * Epsilon) return sum;
        }
        return sum;
    }

    /// <summary>The continued fraction 1/(λ+1−a−) 1·(1−a)/(λ+3−a−) … of Q(a, λ), by the modified Lentz method.</summary>
    private static double ContinuedFraction(double a, double lambda)
    {
        const double tiny = 1e-300;
        var b = lambda + 1 - a;
        var c = 1 / tiny;
        var d = 1 / b;
        var h = d;
        for (var i = 1; i < MaxIterations; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.Abs(d) < tiny) d = tiny;
            c = b + an / c;
            if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon) break;
        }
        return h;
    }

    /// <summary>ln Γ(z) for z &gt; 0, by Lanczos' approximation (g = 7, 9 terms; relative error below 10⁻¹⁵).</summary>
    public static double LogGamma(double z)
    {
        if (z < 0.5) return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * z))) - LogGamma(1 - z);
        z -= 1;
        var x = Coefficients[0];
        for (var i = 1; i < Coefficients.Length; i++) x += Coefficients[i] / (z + i);
        var t = z + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (z + 0.5) * Math.Log(t) - t + Math.Log(x);
    }

    private static readonly double[] Coefficients =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];
}
