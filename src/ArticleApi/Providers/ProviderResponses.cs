using ArticleApi.Articles;
using ArticleApi.Http;

namespace ArticleApi.Providers;

/// <summary>A publisher with its logo (when a file gave one) and how many articles it has.</summary>
internal sealed record ProviderResponse(string Domain, string Name, ImageSummary? Logo, int ArticleCount);
