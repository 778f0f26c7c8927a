namespace MediaMonitor.Audit;

public static class Configuration
{
    public static IServiceCollection AddAudit(this IServiceCollection services) => services.AddSingleton<ProjectionRebuilds>();
}
