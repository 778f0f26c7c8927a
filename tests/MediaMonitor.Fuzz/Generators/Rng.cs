using CsCheck;

namespace MediaMonitor.Fuzz.Generators;

/// <summary>
/// The one source of randomness of every generator: CsCheck's PCG, so a (seed, stream) pair replays a value exactly,
/// and the same generators serve CsCheck properties (through <see cref="RngGen{T}"/>) and the HTTP fuzzer.
/// </summary>
public sealed class Rng(PCG pcg)
{
    /// <summary>The generator of request (or case) <paramref name="number"/> of a pass seeded with <paramref name="seed"/>.</summary>
    public static Rng For(ulong seed, long number) => new(new PCG((uint)number, seed));

    public int Next(int exclusiveMax) => exclusiveMax <= 1 ? 0 : (int)pcg.Next((uint)exclusiveMax);

    public int Between(int min, int inclusiveMax) => min + Next(inclusiveMax - min + 1);

    public long NextLong() => (long)pcg.Next64();

    public bool Chance(double probability) => pcg.Next() < probability * uint.MaxValue;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public T Pick<T>(params T[] items) => items[Next(items.Length)];

    /// <summary>Chooses by weight: the pairs are (weight, value).</summary>
    public T Weighted<T>(params (int Weight, T Value)[] choices)
    {
        var roll = Next(choices.Sum(c => c.Weight));
        foreach (var (weight, value) in choices)
        {
            if (roll < weight) return value;
            roll -= weight;
        }
        return choices[^1].Value;
    }

    /// <summary>Mostly small lengths, sometimes up to <paramref name="max"/>: most bugs need little input, some need a lot.</summary>
    public int Length(int max) => Weighted((6, Between(0, Math.Min(max, 8))), (3, Between(0, Math.Min(max, 80))), (1, Between(0, max)));
}
