using CsCheck;

namespace MediaMonitor.Fuzz.Generators;

/// <summary>A generator written against <see cref="Rng"/> as a CsCheck <see cref="Gen{T}"/>: CsCheck shrinks towards the
/// smaller sizes it sees, so the size is the value's length.</summary>
public sealed class RngGen<T>(Func<Rng, T> make, Func<T, int> size) : Gen<T>
{
    public override T Generate(PCG pcg, Size? min, out Size size1)
    {
        var value = make(new Rng(pcg));
        size1 = new Size((ulong)Math.Max(0, size(value)));
        return value;
    }
}
