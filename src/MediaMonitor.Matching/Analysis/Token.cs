namespace MediaMonitor.Matching.Analysis;

internal enum TokenKind : byte { Arabic, Latin, Number }

/// <summary>One word of a text: where it sits in the original, and where its analysis form sits in the token list's buffer.</summary>
internal struct Token
{
    public int Start;
    public int End;

    /// <summary>Increases at sentence ends: a phrase lies within one sentence. Commas, colons, semicolons, dashes,
    /// brackets and quotes end no sentence: تنظيم (داعش) and "rockets, then an attack" are still one sentence.</summary>
    public int Sentence;
    public int NormStart;
    public int NormLength;
    public TokenKind Kind;

    /// <summary>The next token is a Latin word after only spaces or one hyphen (air strike, air-strike → airstrike).</summary>
    public bool JoinsNext;

    /// <summary>That join is a hyphen (e-mail, x-ray): a one-letter first part is a compound only then.</summary>
    public bool JoinsByHyphen;
}

/// <summary>The tokens of one text, reusable across texts to keep analysis allocation-light.</summary>
internal sealed class TokenList
{
    private Token[] items = new Token[64];

    public int Count { get; private set; }

    public CharBuffer Norm { get; } = new(1024);

    public ref Token this[int index] => ref items[index];

    public ReadOnlySpan<char> NormOf(in Token t) => Norm.Slice(t.NormStart, t.NormLength);

    public void Add(in Token t)
    {
        if (Count == items.Length) Array.Resize(ref items, items.Length * 2);
        items[Count++] = t;
    }

    public void Clear()
    {
        Count = 0;
        Norm.Clear();
    }
}
