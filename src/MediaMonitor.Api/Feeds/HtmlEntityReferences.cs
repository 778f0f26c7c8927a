using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html;

namespace MediaMonitor.Feeds;

/// <summary>
/// HTML's named character references (<c>&amp;nbsp;</c>, <c>&amp;eacute;</c>, <c>&amp;rsquo;</c>) rewritten as numeric
/// ones before a feed is read as XML. Old RSS 0.91 feeds declare them through Netscape's DTD, and many feeds use them
/// with no declaration at all; DTDs are never read here (no external entities, no expansion), so XML would refuse the
/// first one and lose every item after it. Names HTML does not know (and XML's own five) are left alone, so an entity a
/// document declares for itself is still refused. Inside CDATA the rewrite means the same to the HTML parser the text
/// goes through later.
/// </summary>
internal static class HtmlEntityReferences
{
    private static readonly Regex Named = new("&([A-Za-z][A-Za-z0-9]{1,31});", RegexOptions.CultureInvariant);
    private static readonly HashSet<string> XmlOwn = ["amp", "lt", "gt", "quot", "apos"];

    public static byte[] ToNumeric(byte[] content)
    {
        // The names are ASCII: read as Latin-1, every byte is one character and comes back unchanged, whatever the
        // document's own ASCII-compatible encoding (UTF-8, windows-1256, ...). UTF-16 documents are left as they are.
        if (content is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] || content.AsSpan().IndexOf((byte)'&') < 0) return content;
        var text = Encoding.Latin1.GetString(content);
        var rewritten = Named.Replace(text, Numeric);
        return rewritten == text ? content : Encoding.Latin1.GetBytes(rewritten);
    }

    private static string Numeric(Match reference)
    {
        var name = reference.Groups[1].Value;
        if (XmlOwn.Contains(name) || HtmlEntityProvider.Resolver.GetSymbol(name + ";") is not { Length: > 0 } symbol) return reference.Value;
        return string.Concat(symbol.EnumerateRunes().Select(r => $"&#x{r.Value:X};"));
    }
}
