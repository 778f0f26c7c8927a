using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MediaMonitor.Matching.Stories;

/// <summary>
/// The MinHash signature of an article's body (not its title: syndicated copies change headlines) over 4-word shingles
/// of normalised text (<see cref="ShingleWords"/>), for grouping near-duplicates and syndicated copies into stories.
/// </summary>
/// <remarks>
/// <para><b>Method.</b> Each distinct shingle is hashed once to 64 bits (seeded by the language, so bodies of different
/// languages never match); <see cref="Hashes"/> independent-looking 32-bit hashes are then derived from it by fixed
/// multiply-add-xorshift mixes (8 lanes at a time), and the signature keeps the minimum of each over the body. Two bodies
/// agree on one value with probability equal to their shingle Jaccard similarity J, so the share of equal values
/// estimates J with standard error √(J(1−J)/64): at most 0.0625 (at J = 0.5), 0.054 at J = 0.3 or 0.7, 0.04 at J = 0.9.</para>
/// <para><b>Candidates (LSH).</b> <see cref="BandKeys"/> cuts the 64 values into <see cref="Bands"/> = 32 bands of 2 rows;
/// two bodies share at least one band key with probability 1 − (1 − J²)³², an S-curve with its midpoint near
/// J = (1/32)^(1/2) ≈ 0.18: 0.27 at J = 0.1, 0.73 at J = 0.2, 0.95 at J = 0.3, 0.9999 at J = 0.5. It sits that low on
/// purpose: a trimmed copy of a long article has a low Jaccard but a high containment (a third of the text kept gives
/// J ≈ 0.33), and such a pair must still become a candidate; the false candidates this lets in cost one
/// <see cref="CompareTo"/> each (tens of nanoseconds), and <see cref="CompareTo"/> decides.</para>
/// <para><b>Decision.</b> Same story when the estimated Jaccard is at least <see cref="JaccardThreshold"/> (0.5), or when
/// the estimated containment of the smaller body in the larger is at least <see cref="ContainmentThreshold"/> (0.8), the
/// smaller has at least <see cref="MinContainmentShingles"/> (30) shingles and the larger at most
/// <see cref="MaxContainmentSizeRatio"/> (4) times as many. Copies with a new headline, dateline, byline, agency prefix
/// or footer have J ≈ 0.8–1; different reports in similar words ("two rockets hit ... base", another place, day and toll)
/// stay under J ≈ 0.1 with 4-word shingles because each changed word alters four shingles (the tests' two attacks, which
/// share stock sentences: 0.08 in Arabic, 0.09 in English). J = 0.5 lies four standard errors or more from both: with 64 values a pair of true J = 0.35 passes with
/// probability 1%, of J = 0.3 0.06%, and a copy of J = 0.7 fails with probability 0.03%. Containment catches a trimmed or extended copy (J from
/// 0.25 up, containment ≈ 1); it is estimated as J(|A|+|B|)/(1+J)/min(|A|,|B|), whose error grows with the size ratio.
/// The size bound keeps the estimate usable (at ratio 4, containment 0.8 means J ≥ 0.19, 12 or more equal values of 64,
/// which a pair of true J = 0.1 reaches with probability 2.4%, of J = 0.08 0.4%), and it keeps a short report from joining a
/// digest page or round-up that quotes it among other reports (the corpus has such pages: without the bound two different
/// reports quoted by one digest became one story through it). A short body (under 30 shingles) could be "contained" by
/// sharing one stock paragraph, so it must meet the Jaccard rule.</para>
/// <para><b>Misses.</b> Rewrites (the same facts in other words), translations, and copies cut to under a quarter of the
/// original (a feed item carrying only the lead paragraph of a long report). Bodies under <see cref="MinShingles"/> shingles get no signature and start their own story.</para>
/// </remarks>
public sealed class StorySignature
{
    /// <summary>Number of MinHash values: standard error of the Jaccard estimate ≤ 0.0625, 256 bytes a signature.</summary>
    public const int Hashes = 64;

    /// <summary>LSH bands of <see cref="RowsPerBand"/> rows: the candidate curve 1 − (1 − J²)³² (see remarks).</summary>
    public const int Bands = 32;

    public const int RowsPerBand = Hashes / Bands;

    /// <summary>Words per shingle (see remarks of the type).</summary>
    public const int ShingleWords = ShingleHashes.K;

    /// <summary>Bodies with fewer distinct shingles (13 words) are too short to call a copy: <see cref="Of"/> returns null.</summary>
    public const int MinShingles = 10;

    public const double JaccardThreshold = 0.5;
    public const double ContainmentThreshold = 0.8;
    public const int MinContainmentShingles = 30;
    public const int MaxContainmentSizeRatio = 4;

    /// <summary>Changes whenever normalisation, shingling or hashing changes: stored signatures of another version
    /// must be recomputed, they would not match this version's.</summary>
    public const int Version = 1;

    private const int Lanes = 8;
    private static readonly uint[] MulLow = new uint[Hashes];
    private static readonly uint[] MulHigh = new uint[Hashes];
    private static readonly uint[] Add = new uint[Hashes];

    private readonly uint[] values;

    static StorySignature()
    {
        // A fixed splitmix64 sequence: the same constants in every process, so stored signatures and band keys stay valid.
        var state = 0x5354_4f52_5953_0001UL;   // "STORYS" v1
        for (var i = 0; i < Hashes; i++)
        {
            state += 0x9e3779b97f4a7c15;
            var a = ShingleHashes.Mix(state);
            state += 0x9e3779b97f4a7c15;
            var b = ShingleHashes.Mix(state);
            MulLow[i] = (uint)a | 1;
            MulHigh[i] = (uint)(a >> 32) | 1;
            Add[i] = (uint)b;
        }
    }

    private StorySignature(uint[] values, int shingles)
    {
        this.values = values;
        Shingles = shingles;
    }

    /// <summary>Number of distinct shingles of the body (for containment estimates).</summary>
    public int Shingles { get; }

    public IReadOnlyList<uint> Values => values;

    /// <summary>The signature of <paramref name="body"/> in language <paramref name="lang"/> (its primary subtag counts,
    /// case-insensitively: ar-IQ = ar), or null when the body has fewer than <see cref="MinShingles"/> distinct shingles.</summary>
    public static StorySignature? Of(string body, string lang)
    {
        var mins = new uint[Hashes];
        mins.AsSpan().Fill(uint.MaxValue);
        var sink = new MinHashSink(mins);
        var count = ShingleHashes.Distinct(body ?? "", LanguageSeed(lang), ref sink);
        return count < MinShingles ? null : new StorySignature(mins, count);
    }

    /// <summary>One key per band (band index mixed in, so equal rows in different bands do not meet), stable across
    /// processes and versions of the same <see cref="Version"/>: stored as bigint[] and looked up with &amp;&amp;.</summary>
    public long[] BandKeys()
    {
        var keys = new long[Bands];
        for (var b = 0; b < Bands; b++)
        {
            var rows = ((ulong)values[b * RowsPerBand + 1] << 32) | values[b * RowsPerBand];
            keys[b] = (long)ShingleHashes.Mix(rows ^ ((ulong)(b + 1) * 0x9e3779b97f4a7c15));
        }
        return keys;
    }

    /// <summary>The values, little-endian, 4 bytes each (<see cref="Hashes"/> × 4 bytes).</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Hashes * sizeof(uint)];
        for (var i = 0; i < Hashes; i++) BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * sizeof(uint)), values[i]);
        return bytes;
    }

    public static StorySignature FromBytes(ReadOnlySpan<byte> bytes, int shingles)
    {
        if (bytes.Length != Hashes * sizeof(uint))
            throw new ArgumentException($"A story signature is {Hashes * sizeof(uint)} bytes, not {bytes.Length}.", nameof(bytes));
        if (shingles < MinShingles)
            throw new ArgumentOutOfRangeException(nameof(shingles), shingles, $"A signature has at least {MinShingles} shingles.");
        var values = new uint[Hashes];
        for (var i = 0; i < Hashes; i++) values[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(i * sizeof(uint))..]);
        return new StorySignature(values, shingles);
    }

    public StorySimilarity CompareTo(StorySignature other)
    {
        var matches = 0;
        ref var a = ref MemoryMarshal.GetArrayDataReference(values);
        ref var b = ref MemoryMarshal.GetArrayDataReference(other.values);
        for (var i = 0; i < Hashes; i += Lanes)
            matches += BitOperations.PopCount(Vector256.Equals(Vector256.LoadUnsafe(ref a, (nuint)i), Vector256.LoadUnsafe(ref b, (nuint)i)).ExtractMostSignificantBits());

        var jaccard = (double)matches / Hashes;
        var smaller = Math.Min(Shingles, other.Shingles);
        var shared = jaccard * (Shingles + other.Shingles) / (1 + jaccard);
        var containment = Math.Min(1.0, shared / smaller);
        var same = jaccard >= JaccardThreshold ||
                   (containment >= ContainmentThreshold && smaller >= MinContainmentShingles &&
                    Math.Max(Shingles, other.Shingles) <= MaxContainmentSizeRatio * smaller);
        return new StorySimilarity(jaccard, containment, same);
    }

    private static ulong LanguageSeed(string? lang)
    {
        var tag = (lang ?? "").AsSpan().Trim();
        var dash = tag.IndexOfAny('-', '_');
        if (dash >= 0) tag = tag[..dash];
        Span<char> lower = stackalloc char[Math.Min(tag.Length, 16)];
        var n = tag[..lower.Length].ToLowerInvariant(lower);
        return ShingleHashes.Seed(lower[..n]);
    }

    /// <summary>Min-folds the <see cref="Hashes"/> derived hashes of each shingle into the signature, a vector at a time.
    /// Derived hash i of a 64-bit shingle hash (hi, lo) is lowbias-style mixing of lo·MulLow[i] + hi·MulHigh[i] + Add[i]
    /// (mod 2³²): universal in the pair, then xorshift-multiply so the top bits, which decide the minimum, depend on all.</summary>
    private readonly struct MinHashSink(uint[] mins) : IShingleSink
    {
        public void Add(ulong shingle)
        {
            var lo = Vector256.Create((uint)shingle);
            var hi = Vector256.Create((uint)(shingle >> 32));
            var mix = Vector256.Create(0x7feb352dU);
            ref var m = ref MemoryMarshal.GetArrayDataReference(mins);
            ref var ml = ref MemoryMarshal.GetArrayDataReference(MulLow);
            ref var mh = ref MemoryMarshal.GetArrayDataReference(MulHigh);
            ref var ad = ref MemoryMarshal.GetArrayDataReference(StorySignature.Add);
            for (nuint i = 0; i < Hashes; i += Lanes)
            {
                var v = lo * Vector256.LoadUnsafe(ref ml, i) + hi * Vector256.LoadUnsafe(ref mh, i) + Vector256.LoadUnsafe(ref ad, i);
                v ^= Vector256.ShiftRightLogical(v, 16);
                v *= mix;
                v ^= Vector256.ShiftRightLogical(v, 15);
                Vector256.Min(Vector256.LoadUnsafe(ref m, i), v).StoreUnsafe(ref m, i);
            }
        }
    }
}
