namespace MediaMonitor.Matching.Engine;

/// <summary>What the scanner knows of one entry in the current article (valid when <see cref="Stamp"/> is the article's).</summary>
internal struct EntryState
{
    public int Stamp;

    /// <summary>Hits found, kept or not.</summary>
    public int Found;

    /// <summary>The start of the hit found last (position key), so a second match from it is folded in.</summary>
    public int LastStart;

    /// <summary>That hit: an index into the kept hits when <see cref="CurrentKept"/>, else into the counted ones (-1: neither).</summary>
    public int Current;

    public bool CurrentKept;

    /// <summary>Where the hit settled before it ends (position key), and its index if it was kept (else -1).</summary>
    public int PreviousEnd;

    public int Previous;

    /// <summary>Hits reported so far in the match being built.</summary>
    public int Reported;
}
