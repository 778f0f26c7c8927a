using System.Text;
using System.Xml;

namespace MediaMonitor.Feeds;

/// <summary>
/// How feed and OPML documents are read: never a DTD (no external entities, no entity expansion bombs), and the
/// encoding taken from the BOM or the XML prolog, else from the HTTP charset.
/// </summary>
internal static class SafeXml
{
    static SafeXml() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = 1_024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        // Feeds often carry stray control characters; CodeHollow strips them before its own parse.
        CheckCharacters = false,
    };

    public static XmlReader Open(byte[] content, string? contentType)
    {
        content = HtmlEntityReferences.ToNumeric(content);
        if (!HasBom(content) && !DeclaresEncoding(content) && CharsetOf(contentType) is { } charset)
        {
            return XmlReader.Create(new StringReader(charset.GetString(content)), Settings);
        }
        return XmlReader.Create(new MemoryStream(content, writable: false), Settings);
    }

    /// <summary>An XmlException's reason without the " Line n, position m." the framework appends to it.</summary>
    public static string Reason(XmlException e)
    {
        var message = e.Message;
        var at = message.LastIndexOf(" Line ", StringComparison.Ordinal);
        return (at > 0 ? message[..at] : message).TrimEnd('.', ' ');
    }

    /// <summary>The encoding a Content-Type's charset names, or null (none, or one this runtime does not know).</summary>
    public static Encoding? CharsetOf(string? contentType)
    {
        if (contentType is null) return null;
        foreach (var part in contentType.Split(';').Skip(1))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length == 2 && pair[0].Equals("charset", StringComparison.OrdinalIgnoreCase)) return EncodingNamed(pair[1]);
        }
        return null;
    }

    /// <summary>The encoding of that name (code pages such as windows-1256 included), or null.</summary>
    public static Encoding? EncodingNamed(string name)
    {
        try
        {
            return Encoding.GetEncoding(name.Trim('"', '\''));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool HasBom(byte[] b) =>
        (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        || (b.Length >= 2 && ((b[0] == 0xFE && b[1] == 0xFF) || (b[0] == 0xFF && b[1] == 0xFE)));

    private static bool DeclaresEncoding(byte[] b)
    {
        var head = Encoding.ASCII.GetString(b, 0, Math.Min(b.Length, 200)).TrimStart();
        if (!head.StartsWith("<?xml", StringComparison.Ordinal)) return false;
        var end = head.IndexOf("?>", StringComparison.Ordinal);
        return end > 0 && head[..end].Contains("encoding", StringComparison.Ordinal);
    }
}
