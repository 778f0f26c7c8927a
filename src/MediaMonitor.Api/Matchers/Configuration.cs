namespace MediaMonitor.Matchers;

public static class Configuration
{
    public static IServiceCollection AddMatching(this IServiceCollection services) => services.AddSingleton<CurrentMatcher>();
}
