namespace MediaMonitor.Infrastructure;

public static class StorableText
{
    public const string Refusal = "The text contains a NUL character or an unpaired UTF-16 surrogate, which cannot be stored.";

    /// <summary>PostgreSQL's jsonb, where events and documents live, refuses NUL and unpaired surrogates.</summary>
    public static bool IsStorable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') return false;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return false;
                i++;
            }
            else if (char.IsLowSurrogate(c)) return false;
        }
        return true;
    }
}
