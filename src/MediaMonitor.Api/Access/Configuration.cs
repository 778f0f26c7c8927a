using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace MediaMonitor.Access;

public static class Configuration
{
    public static IServiceCollection AddAccess(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = ApiKeys.FromConfiguration(configuration.GetSection("MediaMonitor:ApiKeys").Get<List<ApiKeyConfig>>() ?? []);
        var keys = new ApiKeys();
        foreach (var key in configured) keys.Add(key);
        services.AddSingleton(keys);
        if (configured.Count == 0)
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    "No API keys are configured, so every request would be refused. Configure at least one, e.g. " +
                    "MediaMonitor__ApiKeys__0__Name=ops MediaMonitor__ApiKeys__0__Key=<16+ characters> MediaMonitor__ApiKeys__0__Scopes=admin " +
                    "(in Development the service makes one itself).");
            }
            services.AddHostedService<DevelopmentApiKey>();
        }

        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            // A key is needed everywhere but where an endpoint says otherwise (health, OpenAPI): also at the endpoints
            // routing puts in for a request no endpoint takes for its media type or method, which carry no policy of
            // their own, so a request without a key hears 401 before anything about its form. A path no endpoint has
            // stays 404 for everyone.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder()
                .RequireAssertion(c => c.User.Identity?.IsAuthenticated == true || c.Resource is HttpContext { } http && http.GetEndpoint() is null)
                .Build())
            .AddPolicy(Scopes.Read, p => p.RequireClaim(Scopes.ClaimType, Scopes.Read))
            .AddPolicy(Scopes.Ingest, p => p.RequireClaim(Scopes.ClaimType, Scopes.Ingest))
            .AddPolicy(Scopes.Admin, p => p.RequireClaim(Scopes.ClaimType, Scopes.Admin));
        return services;
    }
}
