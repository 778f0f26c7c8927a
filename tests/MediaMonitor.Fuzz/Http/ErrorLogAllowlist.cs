namespace MediaMonitor.Fuzz.Http;

/// <summary>
/// Log categories whose Error entries the fuzz pass tolerates, each with the reason. Everything else logged at Error
/// or above fails the pass: a client's mistake (malformed JSON, a duplicate, a lost race) must be answered, not logged
/// as a server error with a stack trace.
/// </summary>
/// <remarks>Empty on purpose: every category seen so far logged something the service can avoid or should decide
/// about. An entry needs a reason a reviewer would accept, e.g. "the library logs a retry it then wins at Error, and
/// offers no setting to lower it".</remarks>
public static class ErrorLogAllowlist
{
    public static readonly IReadOnlyDictionary<string, string> Categories = new Dictionary<string, string>(StringComparer.Ordinal);

    public static bool Allows(LoggedError entry) => Categories.ContainsKey(entry.Category);
}
