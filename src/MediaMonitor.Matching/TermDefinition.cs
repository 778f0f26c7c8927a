namespace MediaMonitor.Matching;

/// <summary>
/// One watched phrase. It matches wherever its words occur, in an article of any language; <see cref="Lang"/>
/// ("ar", "en" or null) says how the phrase is meant and is kept for the user, not a filter on articles (each word is
/// analysed by its script). A word may list alternatives with <c>|</c>: <c>هجوم|هجمة صاروخي</c> (see <see cref="TermRules"/>).
/// </summary>
public sealed record TermDefinition(string Phrase, string? Lang = null);
