using ArticleApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArticleApi.Articles;

/// <summary>Collections resolved at read time: a collection's members, and the collections an item belongs to.</summary>
internal static class CollectionEndpoints
{
    public static IEndpointRouteBuilder MapCollectionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/articles").WithTags("Articles");
        group.MapGet("/{id}/items", GetItemsAsync)
            .WithName("GetCollectionItems")
            .WithSummary("A collection's items in file order, each with the imported item it names (articleId and article null while that item is not imported).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/collections", GetCollectionsAsync)
            .WithName("GetArticleCollections")
            .WithSummary("The collections whose items name this article, by id.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static async Task<Results<Ok<ItemList<CollectionEntry>>, ProblemHttpResult>> GetItemsAsync(
        string id, CollectionReader reader, CancellationToken cancellationToken) =>
        await reader.EntriesAsync(id, cancellationToken) is { } entries
            ? TypedResults.Ok(new ItemList<CollectionEntry>(entries))
            : Problems.NotFound("Collection", "id", id);

    internal static async Task<Results<Ok<ItemList<ArticleListItem>>, ProblemHttpResult>> GetCollectionsAsync(
        string id, CollectionReader reader, CancellationToken cancellationToken) =>
        await reader.CollectionsOfAsync(id, cancellationToken) is { } collections
            ? TypedResults.Ok(new ItemList<ArticleListItem>(collections))
            : Problems.NotFound("Article", "id", id);
}
