namespace MediaMonitor.Infrastructure;

/// <summary>Field errors gathered by a pure validation, turned into one 422 problem.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(x => x.Key, x => x.Value.ToArray());

    public string Summary() => string.Join("; ", _errors.Select(x => $"{x.Key}: {string.Join(" ", x.Value)}"));
}
