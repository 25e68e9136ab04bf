namespace ArticleApi.Import;

internal static class ImportServiceCollectionExtensions
{
    public static IServiceCollection AddArticleImport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ArticleImporter>();
        services.AddSingleton<ImportCoordinator>();
        if (configuration.GetValue($"{ImportOptions.SectionName}:{nameof(ImportOptions.Enabled)}", defaultValue: true))
        {
            services.AddHostedService<ImportWorker>();
        }

        return services;
    }
}
