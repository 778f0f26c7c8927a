namespace MediaMonitor.Matching;

public static class LanguageDetector
{
    /// <summary>"ar" or "en" from the letters' scripts, or null when the text has too few letters to tell.</summary>
    public static string? Detect(string text) => throw new NotImplementedException();
}

public static class ContentFingerprint
{
    /// <summary>A stable hash of the normalised title and body: the same article re-sent with other spacing,
    /// case, diacritics or Unicode forms gets the same fingerprint.</summary>
    public static string Of(string? title, string body) => throw new NotImplementedException();
}

public static class Snippet
{
    /// <summary>The hit with about <paramref name="context"/> characters each side, cut at word boundaries.</summary>
    public static string Around(string text, int start, int length, int context = 80) => throw new NotImplementedException();
}
