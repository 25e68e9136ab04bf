using System.Globalization;
using ArticleApi.Telemetry;
using Microsoft.AspNetCore.OutputCaching;

namespace ArticleApi.Http;

/// <summary>
/// Caches whole GET responses under a key that includes the data version: a response can only be reused while the
/// data it was computed from is unchanged, so the cache never serves stale data and needs no eviction on import
/// (entries of old versions simply stop being asked for and age out). Errors are not cached.
/// </summary>
internal sealed class DataVersionCachePolicy(Data.DataVersion dataVersion, ResponseCacheMetrics metrics) : IOutputCachePolicy
{
    public const string Name = "data-version";

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var format = ResponseFormat.Of(request);
        // An export is streamed whole: keeping it would hold up to the cache's size in memory per request.
        var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && !format.IsExport;
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        // Concurrent misses for one key wait for the first instead of all running the query.
        context.AllowLocking = true;
        context.CacheVaryByRules.QueryKeys = "*";
        // CORS headers depend on the caller's origin.
        context.CacheVaryByRules.HeaderNames = "Origin";
        // A list's representation follows Accept: key on the format it chooses, not on every Accept string a client sends.
        context.CacheVaryByRules.VaryByValues["format"] = format.Name;
        var version = await dataVersion.GetAsync(cancellation);
        context.CacheVaryByRules.VaryByValues["dataVersion"] = version.ToString(CultureInfo.InvariantCulture);
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        metrics.ServedFromCache();
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        metrics.Computed();
        if (context.HttpContext.Response.StatusCode != StatusCodes.Status200OK)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
