namespace MediaMonitor.Matching.Analysis;

/// <summary>A growable char array: the normalised forms of all tokens of a field live in one of these, not in one string each.</summary>
internal sealed class CharBuffer(int capacity = 256)
{
    private char[] chars = new char[Math.Max(16, capacity)];

    public int Length { get; set; }

    public char this[int index]
    {
        get => chars[index];
        set => chars[index] = value;
    }

    public char Last
    {
        get => chars[Length - 1];
        set => chars[Length - 1] = value;
    }

    public void Append(char c)
    {
        if (Length == chars.Length) Array.Resize(ref chars, chars.Length * 2);
        chars[Length++] = c;
    }

    public void Append(ReadOnlySpan<char> s)
    {
        if (Length + s.Length > chars.Length) Array.Resize(ref chars, Math.Max(chars.Length * 2, Length + s.Length));
        s.CopyTo(chars.AsSpan(Length));
        Length += s.Length;
    }

    public ReadOnlySpan<char> Slice(int start, int length) => chars.AsSpan(start, length);

    public void Clear() => Length = 0;

    public override string ToString() => new(chars, 0, Length);
}
