using System.Text;

namespace MediaMonitor.Fuzz.Generators;

/// <summary>Ways to spoil a valid-ish JSON body: in the tree (wrong types, missing, unknown and duplicate members, deep
/// nesting, numbers out of range) and in the bytes (cut short, invalid UTF-8, BOM, trailing garbage).</summary>
public static class JsonMutations
{
    private static readonly string[] OddNumbers =
    [
        "0", "-0", "1e400", "-1e400", "1.0e-400", "123456789012345678901234567890", "9223372036854775808", "2147483648",
        "-2147483649", "1.5", "0.0000001", "1E2", "NaN", "Infinity", "-Infinity", "01", "+1", ".5", "5.", "0x10",
    ];

    /// <summary>Any JSON value, sometimes large or deep.</summary>
    public static J AnyValue(Rng r, int depth = 0) => (depth > 3 ? r.Next(4) : r.Next(7)) switch
    {
        0 => J.Str(HostileText.Next(r, 200)),
        1 => J.Raw(r.Pick(OddNumbers)),
        2 => J.Raw(r.Pick("true", "false", "null")),
        3 => J.Str(r.Pick("", " ", "null", "true", "0", Guid.NewGuid().ToString(), HostileValues.Time(r))),
        4 => new JArray(Enumerable.Range(0, r.Length(20)).Select(_ => AnyValue(r, depth + 1)).ToList()),
        5 => new JObject(Enumerable.Range(0, r.Length(10)).Select(_ => (HostileText.Next(r, 12), AnyValue(r, depth + 1))).ToList()),
        _ => Deep(r, r.Pick(17, 64, 1000, r.Between(2, 20))),
    };

    public static J Deep(Rng r, int depth)
    {
        J node = J.Str("bottom");
        for (var i = 0; i < depth; i++)
        {
            node = r.Chance(0.5) ? new JArray([node]) : new JObject([("x", node)]);
        }
        return node;
    }

    /// <summary>Changes the tree in one or a few places.</summary>
    public static J Mutate(Rng r, J root)
    {
        var times = r.Between(1, 3);
        for (var i = 0; i < times; i++) root = MutateOnce(r, root);
        return root;
    }

    private static J MutateOnce(Rng r, J root)
    {
        switch (r.Next(9))
        {
            case 0:
                return r.Pick(J.Null, new JArray([root]), new JArray([]), J.Raw("0"), J.Str("{}"), new JObject());
            case 1:
                var deep = Deep(r, r.Pick(15, 16, 17, 100, 5000));
                return root is JObject o1 ? o1.With(r.Pick(Keys(o1)), deep) : deep;
        }
        if (root is not JObject obj) return root;
        switch (r.Next(6))
        {
            case 0 when obj.Members.Count > 0:
                obj.Members.RemoveAt(r.Next(obj.Members.Count));
                break;
            case 1:
                obj.Members.Add((r.Pick("unknown", "Title", "BODY", "id", "__proto__", "$type", "", HostileText.Next(r, 20)), AnyValue(r)));
                break;
            case 2 when obj.Members.Count > 0:
                var dup = obj.Members[r.Next(obj.Members.Count)];
                obj.Members.Insert(r.Next(obj.Members.Count + 1), (dup.Key, AnyValue(r)));
                break;
            case 3 when obj.Members.Count > 0:
                var at = r.Next(obj.Members.Count);
                obj.Members[at] = (obj.Members[at].Key, AnyValue(r));
                break;
            case 4 when obj.Members.Count > 0:
                var k = r.Next(obj.Members.Count);
                obj.Members[k] = (obj.Members[k].Key.ToUpperInvariant(), obj.Members[k].Value);
                break;
            default:
                var m = r.Next(Math.Max(1, obj.Members.Count));
                if (obj.Members.Count > 0) obj.Members[m] = (obj.Members[m].Key, J.Raw(r.Pick(OddNumbers)));
                break;
        }
        return obj;
    }

    private static string[] Keys(JObject o) => o.Members.Count == 0 ? ["x"] : o.Members.Select(m => m.Key).ToArray();

    /// <summary>Spoils the bytes of a body.</summary>
    public static byte[] MutateBytes(Rng r, byte[] body)
    {
        var b = body.ToList();
        switch (r.Next(9))
        {
            case 0:
                return body[..r.Next(body.Length + 1)];
            case 1:
                b.InsertRange(0, Encoding.UTF8.GetPreamble());
                break;
            case 2:
                b.InsertRange(r.Next(b.Count + 1), r.Pick<byte[]>([0xC0, 0x80], [0xED, 0xA0, 0x80], [0xFF], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xF4, 0x90, 0x80, 0x80]));
                break;
            case 3:
                b.AddRange(Encoding.UTF8.GetBytes(r.Pick(",", "}", "]", " garbage", "\0", "{}", "\n{\"a\":1}", "//c", "/*", " ")));
                break;
            case 4 when b.Count > 0:
                b[r.Next(b.Count)] = (byte)r.Next(256);
                break;
            case 5:
                return Encoding.UTF8.GetBytes(r.Pick("", " ", "null", "[]", "\"text\"", "42", "{", "}", "{\"a\":}", "{'a':1}", "{a:1}", "\uFEFF{}", "{}{}"));
            case 6:
                return Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(body));
            case 7 when b.Count > 0:
                b.RemoveAt(r.Next(b.Count));
                break;
            default:
                b.InsertRange(r.Next(b.Count + 1), Encoding.UTF8.GetBytes(r.Pick("\"", "\\", "\\u", "\\uZZZZ", "\\uD800", ",", ":")));
                break;
        }
        return b.ToArray();
    }
}
