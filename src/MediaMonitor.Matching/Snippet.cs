using System.Text;

namespace MediaMonitor.Matching;

public static class Snippet
{
    private const string Ellipsis = "\u2026";

    /// <summary>The hit with about <paramref name="context"/> characters each side, cut at word boundaries.</summary>
    /// <remarks>Cuts fall on whitespace where there is some within reach, marked with "…"; line breaks and runs of
    /// whitespace become single spaces so a snippet fits one line.</remarks>
    public static string Around(string text, int start, int length, int context = 80)
    {
        ArgumentNullException.ThrowIfNull(text);
        start = Math.Clamp(start, 0, text.Length);
        var end = Math.Clamp(start + Math.Max(0, length), start, text.Length);
        context = Math.Max(0, context);

        var from = Math.Max(0, start - context);
        if (from > 0 && !char.IsWhiteSpace(text[from - 1]))
        {
            // Mid-word: move to the next word start, unless that would eat into the hit.
            var ws = IndexOfWhiteSpace(text, from, start);
            if (ws >= 0) from = ws;
        }
        var to = Math.Min(text.Length, end + context);
        if (to < text.Length && !char.IsWhiteSpace(text[to]))
        {
            var ws = LastIndexOfWhiteSpace(text, end, to);
            if (ws >= 0) to = ws;
        }
        if (from > 0 && from < text.Length && char.IsLowSurrogate(text[from])) from++;
        if (to < text.Length && to > 0 && char.IsHighSurrogate(text[to - 1])) to--;

        var sb = new StringBuilder(to - from + 4);
        if (from > 0) sb.Append(Ellipsis);
        var pendingSpace = false;
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && sb.Length > (from > 0 ? 1 : 0)) sb.Append(' ');
            pendingSpace = false;
            sb.Append(c);
        }
        if (to < text.Length) sb.Append(Ellipsis);
        return sb.ToString();
    }

    private static int IndexOfWhiteSpace(string text, int from, int limit)
    {
        for (var i = from; i < limit; i++) if (char.IsWhiteSpace(text[i])) return i;
        return -1;
    }

    private static int LastIndexOfWhiteSpace(string text, int limit, int to)
    {
        for (var i = to - 1; i >= limit; i--) if (char.IsWhiteSpace(text[i])) return i;
        return -1;
    }
}
