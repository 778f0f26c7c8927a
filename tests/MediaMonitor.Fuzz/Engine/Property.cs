using CsCheck;
using MediaMonitor.Fuzz.Generators;

namespace MediaMonitor.Fuzz.Engine;

/// <summary>
/// A property over generated values. Cases are generated deterministically from (seed, case number), so a pass
/// repeats exactly; the first failing case is handed to CsCheck, which shrinks it to a small example and prints the
/// CsCheck seed that reproduces it.
/// </summary>
public sealed class Property<T>(string name, Func<Rng, T> generate, Func<T, int> size, Action<T> check, Func<T, string> print) : IProperty
{
    public string Name => name;

    public string? Run(ulong seed, long count)
    {
        for (long i = 0; i < count; i++)
        {
            var pcg = new PCG((uint)i, seed);
            var start = pcg.ToString();
            var value = generate(new Rng(pcg));
            try
            {
                check(value);
            }
            catch (Exception e)
            {
                return $"{name}: case {i} of seed {seed} failed: {e.GetType().Name}: {e.Message}\n  input: {print(value)}\n{Shrunk(start)}";
            }
        }
        return null;
    }

    private string Shrunk(string failingSeed)
    {
        try
        {
            new RngGen<T>(generate, size).Sample(check, seed: failingSeed, iter: 2_000, threads: 1, print: print);
            return "  (CsCheck did not fail it again)";
        }
        catch (Exception e)
        {
            return "  shrunk by CsCheck: " + e.Message;
        }
    }
}

public interface IProperty
{
    string Name { get; }

    /// <summary>Null when every case holds, else the failure with its input.</summary>
    string? Run(ulong seed, long count);
}
