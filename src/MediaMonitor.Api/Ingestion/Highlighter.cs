using System.Net;
using System.Text;

namespace MediaMonitor.Ingestion;

public static class Highlighter
{
    /// <summary>HTML-escapes <paramref name="text"/> and wraps each range in &lt;mark&gt;; overlapping ranges merge.</summary>
    public static string Mark(string text, IEnumerable<(int Start, int Length)> ranges)
    {
        var merged = new List<(int Start, int End)>();
        foreach (var (start, length) in ranges.Where(r => r.Start >= 0 && r.Length > 0 && r.Start + r.Length <= text.Length).OrderBy(r => r.Start))
        {
            var end = start + length;
            if (merged.Count > 0 && start <= merged[^1].End) merged[^1] = (merged[^1].Start, Math.Max(end, merged[^1].End));
            else merged.Add((start, end));
        }

        var html = new StringBuilder(text.Length + merged.Count * 13);
        var at = 0;
        foreach (var (start, end) in merged)
        {
            html.Append(WebUtility.HtmlEncode(text[at..start])).Append("<mark>")
                .Append(WebUtility.HtmlEncode(text[start..end])).Append("</mark>");
            at = end;
        }
        return html.Append(WebUtility.HtmlEncode(text[at..])).ToString();
    }
}
