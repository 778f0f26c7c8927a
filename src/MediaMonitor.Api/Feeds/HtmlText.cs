using System.Text;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;

namespace MediaMonitor.Feeds;

/// <summary>
/// Plain text of HTML, through AngleSharp's HTML5 tokenizer. Its tree builder is not used: checking an element's
/// scope walks the stack of open elements, so 100,000 nested elements took minutes; the token stream holds all that
/// text needs (tags, decoded character data) and costs linear time and no depth.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> Dropped = ["script", "style", "noscript", "template", "iframe", "object", "svg", "title"];

    private static readonly HashSet<string> Void =
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];

    private static readonly HashSet<string> Paragraphs =
        ["p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol", "dl", "figure", "hr", "address"];

    private static readonly HashSet<string> Lines =
    [
        "br", "div", "li", "tr", "dt", "dd", "section", "article", "header", "footer", "main", "aside", "nav",
        "figcaption", "caption", "form", "fieldset", "details", "summary",
    ];

    private static readonly HashSet<string> Spaced = ["td", "th"];

    /// <summary>
    /// Scripts, styles and embedded objects dropped, entities decoded, block elements as line breaks (a blank line
    /// between paragraphs), spaces collapsed, trimmed; at most maxLength characters, cut at a word boundary when one
    /// is near. The input is capped at four times maxLength, so an HTML bomb costs bounded time.
    /// </summary>
    public static string ToText(string html, int maxLength = 500_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        var cap = (int)Math.Min(int.MaxValue / 2, 4L * maxLength);
        if (html.Length > cap) html = html[..cap];
        var tokenizer = new HtmlTokenizer(new TextSource(html), HtmlEntityProvider.Resolver);
        var output = new TextOutput(maxLength);
        string? dropping = null;
        var depth = 0;
        for (var token = tokenizer.Get(); token.Type != HtmlTokenType.EndOfFile && !output.Full; token = tokenizer.Get())
        {
            if (token.Type == HtmlTokenType.Character)
            {
                if (dropping is null) output.Append(token.Data);
                continue;
            }
            if (token.Type is not (HtmlTokenType.StartTag or HtmlTokenType.EndTag)) continue;
            var tag = (HtmlTagToken)token;
            var name = tag.Name;
            var opens = tag.Type == HtmlTokenType.StartTag && !tag.IsSelfClosing && !Void.Contains(name);
            if (tag.Type == HtmlTokenType.StartTag) tokenizer.State = ContentMode(name);
            if (dropping is not null)
            {
                if (name == dropping) depth += opens ? 1 : tag.Type == HtmlTokenType.EndTag ? -1 : 0;
                if (depth == 0) dropping = null;
                continue;
            }
            if (Dropped.Contains(name))
            {
                if (opens) (dropping, depth) = (name, 1);
                continue;
            }
            output.Break(Paragraphs.Contains(name) ? 2 : Lines.Contains(name) ? 1 : 0);
            if (Spaced.Contains(name)) output.Space();
        }
        return output.ToString();
    }

    // What the HTML5 tree builder tells the tokenizer after these start tags: their content is not markup.
    private static HtmlParseMode ContentMode(string name) => name switch
    {
        "script" => HtmlParseMode.Script,
        "style" or "xmp" or "iframe" or "noembed" or "noframes" or "noscript" => HtmlParseMode.Rawtext,
        "textarea" or "title" => HtmlParseMode.RCData,
        "plaintext" => HtmlParseMode.Plaintext,
        _ => HtmlParseMode.PCData,
    };

    private sealed class TextOutput(int maxLength)
    {
        private readonly StringBuilder _text = new();
        private int _breaks;
        private bool _space;

        public bool Full => _text.Length > maxLength;

        public void Break(int lines) => _breaks = Math.Max(_breaks, lines);

        public void Space() => _space = true;

        public void Append(string text)
        {
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    _space = true;
                    continue;
                }
                if (_text.Length > 0)
                {
                    if (_breaks > 0) _text.Append('\n', _breaks);
                    else if (_space) _text.Append(' ');
                }
                _breaks = 0;
                _space = false;
                _text.Append(c);
            }
        }

        public override string ToString()
        {
            if (_text.Length <= maxLength) return _text.ToString();
            var cut = maxLength;
            for (var i = maxLength; i > maxLength / 2; i--)
            {
                if (char.IsWhiteSpace(_text[i]))
                {
                    cut = i;
                    break;
                }
            }
            if (char.IsHighSurrogate(_text[cut - 1])) cut--;
            return _text.ToString(0, cut).TrimEnd();
        }
    }
}
