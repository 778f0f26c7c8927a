using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MediaMonitor.Matching.Analysis;

namespace MediaMonitor.Matching;

public static class ContentFingerprint
{
    /// <summary>A stable hash of the normalised title and body: the same article re-sent with other spacing,
    /// case, diacritics or Unicode forms gets the same fingerprint.</summary>
    /// <remarks>Letters themselves are not folded (أ stays أ): a different spelling is different content.
    /// Title and body are hashed apart (a newline cannot survive normalisation, so it separates them unambiguously),
    /// and a missing title equals an empty one.</remarks>
    public static string Of(string? title, string body)
    {
        var text = Normalise(title ?? "") + "\n" + Normalise(body ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    internal static string Normalise(string s)
    {
        var kc = Nfkc.Of(s);
        var sb = new StringBuilder(kc.Length);
        var pendingSpace = false;
        foreach (var c in kc)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (c == CharFolding.Tatweel) continue;
            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format) continue;
            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }
            sb.Append(c);
        }
        return sb.ToString().ToLowerInvariant();
    }
}
