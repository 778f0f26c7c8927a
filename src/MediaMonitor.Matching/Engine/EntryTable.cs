namespace MediaMonitor.Matching.Engine;

/// <summary>
/// Everything a phrase match must still satisfy, and what its hit reports, for every compiled phrase: the terms of all
/// watchlists and the phrases of their rules. Arrays rather than objects, read by index on the hot path.
/// </summary>
internal sealed class EntryTable
{
    /// <summary>Words allowed between two consecutive words of a term (none for a quoted phrase).</summary>
    public const int DefaultGap = 2;

    /// <summary>The largest gap a rule phrase may ask for (<c>"a b"~n</c>); the parser allows 5.</summary>
    public const int MaxGap = 10;

    public const byte TitleBit = 1;
    public const byte BodyBit = 2;

    public EntryTable(List<Entry> entries)
    {
        var n = entries.Count;
        Info = new EntryInfo[n];
        Phrase = new string[n];
        for (var i = 0; i < n; i++)
        {
            var e = entries[i];
            Phrase[i] = e.Phrase;
            // Span: the most tokens a match can cover, every gap used and a compound read from two words.
            Info[i] = new EntryInfo(e.Watchlist, e.Order, e.Gap, e.LongestPattern * (e.Gap + 1) + 1, e.Leaf, e.Fields);
        }
    }

    public int Count => Info.Length;

    /// <summary>What a match reads of an entry, in one place.</summary>
    public EntryInfo[] Info { get; }

    /// <summary>The text a hit reports as its term.</summary>
    public string[] Phrase { get; }

    public readonly record struct Entry(int Watchlist, int Order, string Phrase, int Gap, byte Fields, int Leaf, int LongestPattern);
}

/// <param name="Watchlist">Index of the watchlist in compile order.</param>
/// <param name="Order">Which of its watchlist's phrases: the term's index, or the term count plus the rule phrase's index.
/// When two phrases match the same words, the lower order names the hit.</param>
/// <param name="Gap">Words allowed between two consecutive words (0 for a quoted phrase).</param>
/// <param name="Span">An upper bound on how many tokens one match covers.</param>
/// <param name="Leaf">-1 for a term; else the index of the phrase among its watchlist rule's phrases.</param>
/// <param name="Fields"><see cref="EntryTable.TitleBit"/> and/or <see cref="EntryTable.BodyBit"/>: where a match may lie.</param>
internal readonly record struct EntryInfo(int Watchlist, int Order, int Gap, int Span, int Leaf, byte Fields);
