using System.Text;

namespace MediaMonitor.Fuzz.Generators;

/// <summary>A JSON tree that can hold what a serializer refuses to write: duplicate keys, strings with lone
/// surrogates, raw tokens such as 1e400 or NaN.</summary>
public abstract record J
{
    public static J Str(string s) => new JString(s);

    public static J Raw(string token) => new JRaw(token);

    public static readonly J Null = new JRaw("null");
}

public sealed record JObject(List<(string Key, J Value)> Members) : J
{
    public JObject() : this(new List<(string, J)>())
    {
    }

    public JObject With(string key, J value)
    {
        Members.Add((key, value));
        return this;
    }
}

public sealed record JArray(List<J> Items) : J;

public sealed record JString(string Value) : J;

public sealed record JRaw(string Token) : J;

/// <summary>How strings are put into bytes: raw UTF-8 writes a lone surrogate as its three-byte form (invalid UTF-8,
/// as a careless client would send it); escaped writes every non-ASCII unit as \uXXXX (valid JSON whatever the text).</summary>
public enum StringEncoding { Raw, Escaped, EscapedWhereInvalid }

public static class JsonWriter
{
    public static byte[] Write(J node, StringEncoding encoding)
    {
        var bytes = new List<byte>(256);
        Write(node, encoding, bytes);
        return bytes.ToArray();
    }

    private static void Write(J node, StringEncoding encoding, List<byte> o)
    {
        switch (node)
        {
            case JRaw raw:
                o.AddRange(Encoding.UTF8.GetBytes(raw.Token));
                break;
            case JString s:
                WriteString(s.Value, encoding, o);
                break;
            case JArray a:
                o.Add((byte)'[');
                for (var i = 0; i < a.Items.Count; i++)
                {
                    if (i > 0) o.Add((byte)',');
                    Write(a.Items[i], encoding, o);
                }
                o.Add((byte)']');
                break;
            case JObject obj:
                o.Add((byte)'{');
                for (var i = 0; i < obj.Members.Count; i++)
                {
                    if (i > 0) o.Add((byte)',');
                    WriteString(obj.Members[i].Key, encoding, o);
                    o.Add((byte)':');
                    Write(obj.Members[i].Value, encoding, o);
                }
                o.Add((byte)'}');
                break;
        }
    }

    public static void WriteString(string s, StringEncoding encoding, List<byte> o)
    {
        o.Add((byte)'"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);
            var lone = char.IsSurrogate(c) && !pair;
            if (c is '"' or '\\')
            {
                o.Add((byte)'\\');
                o.Add((byte)c);
            }
            else if (c < 0x20 || encoding == StringEncoding.Escaped && c > 0x7E || encoding == StringEncoding.EscapedWhereInvalid && lone)
            {
                o.AddRange(Encoding.ASCII.GetBytes($"\\u{(int)c:X4}"));
            }
            else if (pair)
            {
                if (encoding == StringEncoding.Escaped) o.AddRange(Encoding.ASCII.GetBytes($"\\u{(int)c:X4}\\u{(int)s[i + 1]:X4}"));
                else o.AddRange(Encoding.UTF8.GetBytes(s.Substring(i, 2)));
                i++;
            }
            else if (lone)
            {
                // The generalised UTF-8 of a surrogate code unit (WTF-8): what a sloppy encoder emits, never valid UTF-8.
                o.Add((byte)(0xE0 | (c >> 12)));
                o.Add((byte)(0x80 | ((c >> 6) & 0x3F)));
                o.Add((byte)(0x80 | (c & 0x3F)));
            }
            else
            {
                o.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }
        o.Add((byte)'"');
    }

    /// <summary>JSON of a plain string value, escaped where needed, for a query value or a log line.</summary>
    public static string Quote(string s) => Encoding.UTF8.GetString(Write(J.Str(s), StringEncoding.EscapedWhereInvalid));
}
