using ArticleApi.Articles;
using ArticleApi.Articles.Counting;
using ArticleApi.Changes;
using ArticleApi.Data;
using ArticleApi.Feeds;
using ArticleApi.Http;
using ArticleApi.OpenApi;
using ArticleApi.Providers;
using ArticleApi.Topics;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Swashbuckle.AspNetCore.Swagger;
using Swashbuckle.AspNetCore.SwaggerUI;

namespace ArticleApi;

internal static class ArticleApiServiceCollectionExtensions
{
    /// <summary>Everything the read API needs: readers (full-text search comes with the database), CORS, compression and the Swagger documentation.</summary>
    public static IServiceCollection AddArticleQueries(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ArticleListReader>();
        services.AddSingleton<SearchFrequency>();
        services.AddSingleton<ScopeExistence>();
        services.AddSingleton<FilterSizes>();
        services.AddSingleton<FilterResults>();
        services.AddSingleton<ArticleColumnsCache>();
        services.AddSingleton<SearchRowsCache>();
        services.AddHttpContextAccessor();
        services.AddSingleton<RenderedItems>();
        services.AddScoped<ArticleDetailReader>();
        services.AddSingleton<ArticleRowStatements>();
        services.AddSingleton<LookupStatements>();
        services.AddSingleton<Providers.ProviderDirectory>();
        services.AddSingleton<TimedReads>();
        services.AddScoped<RelatedLinkReader>();
        services.AddScoped<CollectionReader>();
        services.AddScoped<ChangeReader>();
        services.AddArticleFeeds();

        services.AddOptions<ApiCorsOptions>().BindConfiguration(ApiCorsOptions.SectionName)
            .Validate(o => o.IsValid(), "Cors:AllowedOrigins must hold origins like https://news.example (scheme, host, optional port; no path or trailing slash).")
            .ValidateOnStart();
        services.AddCors();
        services.AddOptions<PublicUrlOptions>().BindConfiguration(PublicUrlOptions.SectionName)
            .Validate(o => o.IsValid(), "Api:PublicBaseUrl must be an absolute http or https URL such as https://api.news.example (no query).")
            .ValidateOnStart();
        services.AddOptions<CorsOptions>().Configure<IOptions<ApiCorsOptions>>((cors, api) =>
        {
            if (api.Value.AllowedOrigins.Length > 0)
            {
                // Read-only API: GET and HEAD; Link and ETag exposed so browser clients can page and revalidate.
                cors.AddDefaultPolicy(policy => policy.WithOrigins(api.Value.AllowedOrigins).WithMethods("GET", "HEAD")
                    .AllowAnyHeader().WithExposedHeaders("Link", "ETag"));
            }
        });

        services.AddResponseCompression(options =>
        {
            // Responses carry no secrets mixed with attacker-chosen text, so BREACH does not apply.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "application/problem+json", .. ResponseFormat.OtherMediaTypes];
        });

        services.AddOptions<ResponseCacheOptions>().BindConfiguration(ResponseCacheOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ListOptions>().BindConfiguration(ListOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DataVersionCachePolicy>();
        services.AddOutputCache();
        services.AddOptions<Microsoft.AspNetCore.OutputCaching.OutputCacheOptions>().Configure<IOptions<ResponseCacheOptions>>((cache, settings) =>
        {
            cache.SizeLimit = settings.Value.SizeLimitMegabytes * 1024L * 1024L;
            cache.AddPolicy(DataVersionCachePolicy.Name, policy => policy.AddPolicy<DataVersionCachePolicy>(), excludeDefaultPolicy: true);
        });

        services.AddArticleRateLimiting();
        services.ConfigureSwaggerGen(ApiDocumentation.Configure);
        services.Configure<SwaggerOptions>(ApiDocumentation.Configure);
        services.Configure<SwaggerUIOptions>(ApiDocumentation.Configure);
        return services;
    }

    /// <summary>The middleware of the read API; call before mapping endpoints.</summary>
    public static IApplicationBuilder UseArticleApi(this IApplicationBuilder app) =>
        app.UseResponseCompression().UseCors().UseRateLimiter().UseOutputCache();

    /// <summary>The read endpoints, all behind the one ETag filter.</summary>
    public static IEndpointRouteBuilder MapArticleApi(this IEndpointRouteBuilder app)
    {
        var api = ConditionalGet.Apply(app.MapGroup("")).RequireRateLimiting(RateLimitOptions.PolicyName);
        if (app.ServiceProvider.GetRequiredService<IOptions<ResponseCacheOptions>>().Value.Enabled)
        {
            api.CacheOutput(DataVersionCachePolicy.Name);
        }

        api.MapArticleEndpoints();
        api.MapTopicEndpoints();
        api.MapProviderEndpoints();
        api.MapRelatedEndpoints();
        api.MapCollectionEndpoints();
        api.MapChangeEndpoints();
        return app;
    }
}
