namespace MediaMonitor.Matching.Engine;

/// <summary>A hit past its entry's quota: counted, and compared with the next one of the entry, but not kept.</summary>
internal record struct CountedHit(int Entry, int Watchlist, int EndToken);
