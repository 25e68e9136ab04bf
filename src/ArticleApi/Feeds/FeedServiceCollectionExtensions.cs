using ArticleApi.Articles;

namespace ArticleApi.Feeds;

internal static class FeedServiceCollectionExtensions
{
    /// <summary>Feeds and exports of the article lists, behind the list handler's <see cref="IArticleListWriter"/>.</summary>
    public static IServiceCollection AddArticleFeeds(this IServiceCollection services)
    {
        services.AddScoped<FeedPageReader>();
        services.AddScoped<ArticleExport>();
        services.AddScoped<IArticleListWriter, ArticleListWriter>();
        services.ConfigureSwaggerGen(options => options.OperationFilter<FormatDocumentation>());
        return services;
    }
}
