using System.Text;

namespace MediaMonitor.Fuzz.Generators;

/// <summary>
/// Strings an attacker would send: every plane, noncharacters, lone surrogates, controls, bidi and format characters,
/// characters whose normalisation or case mapping changes their length, long tokens, mixed scripts; mixed with real
/// words so that the text also gets past validation into matching and storage.
/// </summary>
public static class HostileText
{
    /// <summary>U+FDD0–U+FDEF and the last two code points of every plane.</summary>
    public static readonly int[] Noncharacters =
        Enumerable.Range(0xFDD0, 32).Concat(Enumerable.Range(0, 17).SelectMany(p => new[] { p * 0x10000 + 0xFFFE, p * 0x10000 + 0xFFFF })).ToArray();

    private static readonly string[] FormatAndBidi =
    [
        "\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066",
        "\u2067", "\u2068", "\u2069", "\uFEFF", "\u061C", "\u00AD", "\u034F", "\u180E", "\u2060", "\u2061", "\uFE0F",
        "\U000E0001", "\U000E0041", "\U000E007F", "\U000E0100", "\u0600", "\u06DD", "\u070F", "\U000110BD",
    ];

    /// <summary>Characters whose NFKC form, case mapping or folding is longer or shorter than they are: the classic
    /// source of highlight offsets that point at the wrong characters.</summary>
    private static readonly string[] LengthChanging =
    [
        "\uFDFA", "\uFDFB", "\uFDFD", "\u3392", "\uFB03", "\uFB00", "\u0130", "\u0131", "\u00DF", "\u1E9E", "\u0390",
        "\u01C4", "\u2126", "\u212A", "\u00C5", "A\u030A", "\uFE8D", "\uFEFB", "\uFDF2", "\u0622", "\u0627\u0653",
        "\u0640\u0640\u0640", "\u0661\u0662\u0663", "\u06F4", "\U0001D400", "\u2460", "\u33FF", "\uFF21\uFF22",
    ];

    private static readonly string[] Spaces =
        [" ", "\t", "\n", "\r\n", "\u000B", "\u000C", "\u0085", "\u00A0", "\u1680", "\u2000", "\u2028", "\u2029", "\u3000", "\u205F"];

    private static readonly string[] Syntax = ["|", "\"", "*", "~", "(", ")", ":", "-", "'", "\\", "/", "<mark>", "&amp;", "<script>", "%00", "{{", "${x}"];

    /// <summary>Text up to <paramref name="maxLength"/> UTF-16 units (a surrogate pair may be cut, on purpose).</summary>
    public static string Next(Rng r, int maxLength)
    {
        var target = r.Length(maxLength);
        var sb = new StringBuilder(target + 16);
        while (sb.Length < target) sb.Append(Fragment(r));
        if (sb.Length > target) sb.Length = target;
        return sb.ToString();
    }

    /// <summary>Like <see cref="Next"/> but mostly real words, with a hostile piece or two: text that passes validation
    /// when the piece is harmless and is refused for the right reason when it is not.</summary>
    public static string MostlyWords(Rng r, int maxLength)
    {
        var target = r.Length(maxLength);
        var sb = new StringBuilder();
        while (sb.Length < target)
        {
            sb.Append(r.Chance(0.85) ? Words.Sentence(r) : Fragment(r));
            sb.Append(' ');
        }
        if (sb.Length > target) sb.Length = target;
        return sb.ToString();
    }

    public static string Fragment(Rng r) => r.Next(17) switch
    {
        0 => Words.Any(r),
        1 => Words.Sentence(r),
        2 => r.Pick(Spaces),
        3 => char.ConvertFromUtf32(AnyScalar(r)),
        4 => char.ConvertFromUtf32(r.Pick(Noncharacters)),
        5 => LoneSurrogate(r),
        6 => ((char)r.Between(0, 0x1F)).ToString(),
        7 => ((char)r.Between(0x7F, 0x9F)).ToString(),
        8 => r.Pick(FormatAndBidi),
        9 => r.Pick(LengthChanging),
        10 => CombiningStack(r),
        11 => LongToken(r),
        12 => r.Pick(Syntax),
        13 => "\0",
        14 => char.ConvertFromUtf32(r.Between(0x1F300, 0x1FAFF)) + (r.Chance(0.5) ? "\u200D" + char.ConvertFromUtf32(r.Between(0x1F300, 0x1F5FF)) : ""),
        15 => ((char)r.Between(0xFB50, 0xFEFC)).ToString(),
        _ => r.Pick(Words.WatchedPhrases),
    };

    /// <summary>Any Unicode scalar value, from any plane, with the BMP favoured.</summary>
    public static int AnyScalar(Rng r)
    {
        var plane = r.Weighted((8, 0), (2, 1), (1, 2), (1, r.Between(3, 16)));
        int cp;
        do cp = plane * 0x10000 + r.Next(0x10000);
        while (cp is >= 0xD800 and <= 0xDFFF);
        return cp;
    }

    public static string LoneSurrogate(Rng r) => r.Next(4) switch
    {
        0 => ((char)r.Between(0xD800, 0xDBFF)).ToString(),
        1 => ((char)r.Between(0xDC00, 0xDFFF)).ToString(),
        2 => new string([(char)r.Between(0xDC00, 0xDFFF), (char)r.Between(0xD800, 0xDBFF)]),
        _ => "a" + (char)r.Between(0xD800, 0xDBFF),
    };

    /// <summary>One refused character of each kind the service's text policy names, for seeding the refusals.</summary>
    public static string RefusedCharacter(Rng r) => r.Next(5) switch
    {
        0 => "\0",
        1 => char.ConvertFromUtf32(r.Pick(Noncharacters)),
        2 => LoneSurrogate(r),
        3 => ((char)r.Pick(Enumerable.Range(1, 0x1F).Where(c => c is not (9 or 10 or 11 or 12 or 13)).ToArray())).ToString(),
        _ => "\u007F",
    };

    /// <summary>A character at the edge of the text policy: the refused kinds, and their neighbours that are kept
    /// (the controls TAB LF VT FF CR, C1 controls, format characters, U+FFFD, private use, unassigned).</summary>
    public static string EdgeCharacter(Rng r) => r.Weighted<Func<string>>(
        // The BMP's two noncharacters and the byte order mark (kept) are the ones real text carries, by a swapped or
        // misread byte order: they come up more often than the other 64 noncharacters.
        (3, () => r.Pick("\uFFFE", "\uFFFF", "\uFEFF")),
        (2, () => "\0"),
        (3, () => RefusedCharacter(r)),
        (1, () => char.ConvertFromUtf32(r.Pick(Noncharacters))),
        (2, () => ((char)r.Pick(9, 10, 11, 12, 13, 0x85, r.Between(0x80, 0x9F))).ToString()),
        (1, () => r.Pick(FormatAndBidi)),
        (1, () => r.Pick("\uFFFD", "\uE000", "\U000F0000", "\U0010FFFD", "\u0378", "\uFFFC", "\uFFFB")),
        (1, () => char.ConvertFromUtf32(AnyScalar(r))))();

    private static string CombiningStack(Rng r)
    {
        var sb = new StringBuilder(r.Chance(0.5) ? "e" : "\u0647");
        var marks = r.Between(1, r.Chance(0.1) ? 400 : 12);
        for (var i = 0; i < marks; i++) sb.Append(r.Chance(0.5) ? (char)r.Between(0x0300, 0x036F) : (char)r.Between(0x064B, 0x0652));
        return sb.ToString();
    }

    private static string LongToken(Rng r)
    {
        var length = r.Chance(0.1) ? r.Between(1_000, 20_000) : r.Between(40, 300);
        return r.Next(4) switch
        {
            0 => new string('a', length),
            1 => new string('\u0647', length),
            2 => string.Concat(Enumerable.Repeat("rocket", length / 6 + 1)),
            _ => string.Concat(Enumerable.Repeat("وال", length / 3 + 1)),
        };
    }

    /// <summary>A watched phrase repeated to about <paramref name="length"/> characters: every repetition is a hit, for
    /// every watchlist watching it.</summary>
    public static string Amplifying(Rng r, int length)
    {
        var phrase = r.Pick(Words.WatchedPhrases[0], Words.WatchedPhrases[5], "rocket attacks", "الهجمات الصاروخية");
        var separator = r.Pick(" ", ". ", "\n", " و");
        var sb = new StringBuilder(length + phrase.Length + 2);
        while (sb.Length < length) sb.Append(phrase).Append(separator);
        return sb.ToString(0, Math.Min(sb.Length, length));
    }
}
