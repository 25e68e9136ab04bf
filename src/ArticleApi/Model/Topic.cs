using ArticleApi.Import.Reading;
namespace ArticleApi.Model;

/// <summary>A topic name and its URL slug; many articles share one topic.</summary>
internal sealed class Topic
{
    public int Id { get; set; }

    public required string Slug { get; set; }

    public required string Name { get; set; }
}
