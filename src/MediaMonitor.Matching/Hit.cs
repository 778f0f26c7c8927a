namespace MediaMonitor.Matching;

public enum ArticleField { Title, Body }

/// <summary>
/// One watched phrase. It matches wherever its words occur, in an article of any language; <see cref="Lang"/>
/// ("ar", "en" or null) says how the phrase is meant and is kept for the user, not a filter on articles (each word is
/// analysed by its script). A word may list alternatives with <c>|</c>: <c>هجوم|هجمة صاروخي</c> (see <see cref="TermRules"/>).
/// </summary>
public sealed record TermDefinition(string Phrase, string? Lang = null);

/// <summary>
/// A watchlist as the matcher sees it: the version is the one a match cites. It matches when any of its terms does,
/// or when its <see cref="Rule"/> (boolean syntax, see <see cref="Rules.RuleParser"/>) holds.
/// </summary>
public sealed record WatchlistDefinition(string Id, int Version, IReadOnlyList<TermDefinition> Terms, string? Rule = null);

public sealed record ArticleText(string? Title, string Body, string? Lang = null);

/// <summary>
/// Start and Length index the original (not normalised) field text; <see cref="Text"/> is that exact slice. A value,
/// and the slice is cut when read: at 100,000 terms an article has hundreds of hits, and most callers want only some.
/// </summary>
public readonly record struct Hit(string Term, ArticleField Field, int Start, int Length)
{
    private readonly string? fieldText;

    /// <param name="fieldText">The whole field the hit lies in (not copied).</param>
    public Hit(string term, ArticleField field, int start, int length, string fieldText) : this(term, field, start, length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)start + (uint)length, (uint)fieldText.Length, nameof(length));
        this.fieldText = fieldText;
    }

    public string Text => fieldText?.Substring(Start, Length) ?? "";

    public bool Equals(Hit other) =>
        Term == other.Term && Field == other.Field && Start == other.Start && Length == other.Length && Text == other.Text;

    public override int GetHashCode() => HashCode.Combine(Term, Field, Start, Length);
}

/// <summary>
/// A value; its hits are a slice of one array shared by all the matches of an article. <see cref="Hits"/> holds the
/// first hits of each phrase in text order (at most <see cref="Matcher.MaxHitsPerTerm"/> a phrase and
/// <see cref="Matcher.MaxHitsPerMatch"/> in all); <see cref="HitsOmitted"/> counts the others found.
/// </summary>
public readonly record struct WatchlistMatch(string WatchlistId, int Version, ArraySegment<Hit> Hits, int HitsOmitted = 0);
