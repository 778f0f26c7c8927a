using System.Text;

namespace MediaMonitor.Matching.Analysis;

/// <summary>
/// NFKC that takes any string. .NET's normalisation throws on unpaired surrogates and on U+FFFE; the service refuses
/// them at intake, but the engine is a library any caller may hand anything, so here they become U+FFFD first.
/// </summary>
internal static class Nfkc
{
    public static string Of(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '\uFFFE') return Of(Repaired(s));
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (char.IsSurrogate(c)) return Of(Repaired(s));
        }
        return s.Normalize(NormalizationForm.FormKC);
    }

    private static string Repaired(string s)
    {
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (char.IsHighSurrogate(c) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) i++;
            else if (c == '\uFFFE' || char.IsSurrogate(c)) chars[i] = '\uFFFD';
        }
        return new string(chars);
    }
}
