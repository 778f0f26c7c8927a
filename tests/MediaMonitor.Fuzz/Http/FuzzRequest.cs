using System.Text;

namespace MediaMonitor.Fuzz.Http;

/// <summary>What the fuzz of one request aims at, beyond "no 5xx": decides the extra checks on its answer.</summary>
public enum Intent { Plain, NoKey, LesserKey, SsrfProbe, LeavingUrlProbe }

/// <summary>One generated request, exactly as sent, so that it can be printed as a command that sends it again.</summary>
public sealed record FuzzRequest(
    long Number, Operation Operation, string Method, string PathAndQuery, IReadOnlyList<(string Name, string Value)> Headers,
    byte[]? Body, string? ContentType, Intent Intent, int Copies, string Note)
{
    public string? Header(string name) => Headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>
    /// A curl command line that sends this request again; a body that is large or not plain printable ASCII is written
    /// to a file in <paramref name="folder"/> and sent from there byte for byte.
    /// </summary>
    public string ToCurl(Uri baseAddress, string folder, ulong seed)
    {
        var sb = new StringBuilder("curl -sS -i --globoff --path-as-is");
        sb.Append(" -X ").Append(Method).Append(' ').Append(Quote(new Uri(baseAddress, "/").ToString().TrimEnd('/') + PathAndQuery));
        foreach (var (name, value) in Headers) sb.Append(" -H ").Append(Quote($"{name}: {value}"));
        if (Body is not null)
        {
            sb.Append(" -H ").Append(Quote(ContentType is null ? "Content-Type:" : $"Content-Type: {ContentType}"));
            if (Body.Length <= 1500 && Body.All(b => b is >= 0x20 and < 0x7F))
            {
                sb.Append(" --data-binary ").Append(Quote(Encoding.ASCII.GetString(Body)));
            }
            else
            {
                Directory.CreateDirectory(folder);
                var file = Path.GetFullPath(Path.Combine(folder, $"seed{seed}-request{Number}.body"));
                File.WriteAllBytes(file, Body);
                sb.Append(" --data-binary @").Append(Quote(file));
            }
        }
        return sb.ToString();
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";

    public string Summary => $"#{Number} {Method} {Shorten(PathAndQuery, 160)}{(Note.Length > 0 ? $" [{Note}]" : "")}";

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..max] + $"…(+{s.Length - max})";
}
