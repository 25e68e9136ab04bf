using ArticleApi.Http;
using ArticleApi.Import.Reading;

namespace ArticleApi.Topics;

/// <summary>A topic and how many articles carry it (only published or unpublished ones when <c>published</c> is given).</summary>
internal sealed record TopicResponse(string Name, string Slug, int ArticleCount);
