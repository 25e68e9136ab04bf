namespace ArticleApi.Health;

/// <summary>
/// <c>ArticleApi health [url]</c>: asks a running service whether it is ready and exits 0 (ready) or 1 (not ready or no
/// answer within five seconds). The container health check, since the runtime image has no curl or wget. Without a URL
/// it asks <c>/health/ready</c> on loopback at the first port of <c>ASPNETCORE_HTTP_PORTS</c> (Kestrel's 5000 when unset).
/// </summary>
internal static class HealthProbeCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(string[] args)
    {
        var url = args.FirstOrDefault() ?? DefaultUrl(Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS"));
        using var client = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await client.GetAsync(new Uri(url));
            var body = await response.Content.ReadAsStringAsync();
            await Console.Out.WriteLineAsync($"{(int)response.StatusCode} {url} {body}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            await Console.Error.WriteLineAsync($"no answer from {url}: {exception.Message}");
            return 1;
        }
    }

    internal static string DefaultUrl(string? httpPorts)
    {
        var port = httpPorts?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "5000";
        return $"http://127.0.0.1:{port}{HealthEndpoints.ReadyPath}";
    }
}
