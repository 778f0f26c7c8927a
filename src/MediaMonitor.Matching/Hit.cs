namespace MediaMonitor.Matching;

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
