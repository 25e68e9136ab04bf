namespace ArticleApi.Import;

internal static class ImportServiceCollectionExtensions
{
    public static IServiceCollection AddArticleImport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ImportTelemetry>();
        services.AddSingleton<ArticleImporter>();
        services.AddSingleton<ImportCoordinator>();
        // Read leniently here: a bad value must reach start-up validation, which names the key, not crash the builder.
        if (!bool.TryParse(configuration[$"{ImportOptions.SectionName}:{nameof(ImportOptions.Enabled)}"], out var enabled) || enabled)
        {
            services.AddHostedService<ImportWorker>();
        }

        return services;
    }
}
