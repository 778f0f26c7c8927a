using System.Security.Cryptography;
using System.Text;
using MediaMonitor.Infrastructure;
using MediaMonitor.Matching;

namespace MediaMonitor.Ingestion;

/// <summary>An article that passed validation, with its language decided and its duplicate keys computed.</summary>
public sealed record ArticleCandidate(
    string? Title, string Body, string Lang, string? Source, string? Url, string? UrlHash,
    DateTimeOffset? PublishedAt, string ContentHash);

/// <summary>Validation and normalisation of incoming articles: pure, shared by HTTP, batch, seeds and the ingest command.</summary>
public static class ArticleIntake
{
    public const int MaxBodyLength = 500_000;
    public const int MaxTitleLength = 1_000;
    public const int MaxSourceLength = 200;
    public const int MaxUrlLength = 2_048;
    public static readonly string[] Languages = ["ar", "en"];

    /// <summary>A given language, lower case, or null when none is given; an unsupported one is an error on <c>lang</c>.</summary>
    public static string? CheckLang(string? given, ValidationErrors errors)
    {
        if (NullIfBlank(given) is null) return null;
        var lang = given!.Trim().ToLowerInvariant();
        if (!Languages.Contains(lang)) errors.Add("lang", $"'{given}' is not a supported language; use one of: {string.Join(", ", Languages)}.");
        return lang;
    }

    public static (ArticleCandidate? Candidate, ValidationErrors Errors) Check(IngestArticle input)
    {
        var errors = new ValidationErrors();
        var body = input.Body;
        if (string.IsNullOrWhiteSpace(body)) errors.Add("body", "A body is required.");
        else if (body.Length > MaxBodyLength) errors.Add("body", $"A body has at most {MaxBodyLength:N0} characters.");

        var title = NullIfBlank(input.Title)?.Trim();
        if (title?.Length > MaxTitleLength) errors.Add("title", $"A title has at most {MaxTitleLength:N0} characters.");
        var source = NullIfBlank(input.Source)?.Trim();
        if (source?.Length > MaxSourceLength) errors.Add("source", $"A source has at most {MaxSourceLength} characters.");

        var url = NullIfBlank(input.Url)?.Trim();
        if (url is not null && (url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
                                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add("url", $"A url is an absolute http or https address of at most {MaxUrlLength:N0} characters.");
        }

        foreach (var (field, value) in new[] { ("title", title), ("body", body), ("source", source), ("url", url), ("lang", input.Lang) })
        {
            TextRules.Check(field, value, errors);
        }

        var lang = CheckLang(input.Lang, errors);
        if (lang is null && !errors.Any)
        {
            lang = LanguageDetector.Detect($"{title} {body}");
            if (lang is null) errors.Add("lang", "The language could not be detected from the text; give lang (ar or en).");
        }

        if (errors.Any) return (null, errors);
        return (new ArticleCandidate(title, body!, lang!, source, url, UrlHash(url), input.PublishedAt?.ToUniversalTime(),
            ContentFingerprint.Of(title, body!)), errors);
    }

    /// <summary>
    /// The url as compared for duplicates: scheme and host in lower case, default port, fragment and
    /// utm_* tracking parameters dropped, no trailing slash. Two urls with the same key are the same article.
    /// </summary>
    public static string? UrlKey(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        var query = string.Join('&', uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("utm_", StringComparison.OrdinalIgnoreCase)));
        var path = uri.AbsolutePath.Length > 1 ? uri.AbsolutePath.TrimEnd('/') : "";
        var port = uri.IsDefaultPort ? "" : $":{uri.Port}";
        return $"{uri.Scheme}://{uri.Host.ToLowerInvariant()}{port}{path}{(query.Length > 0 ? "?" + query : "")}";
    }

    /// <summary>
    /// SHA-256 of <see cref="UrlKey"/>: what the unique index holds, since a long url with non-ASCII characters
    /// percent-encodes past what a btree index row may hold.
    /// </summary>
    public static string? UrlHash(string? url) =>
        UrlKey(url) is { } key ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))) : null;

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
