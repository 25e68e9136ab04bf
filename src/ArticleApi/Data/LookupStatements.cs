using ArticleApi.Model;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ArticleApi.Data;

/// <summary>
/// The small lookups of the read path, written by hand and run prepared like <see cref="ArticleRowStatements"/>: the
/// key of the article a cursor stands on, whether a scoped list's topic or provider exists, and an article's backlinks.
/// Through EF each cost a query-cache key, a command and a prepare per request: a quarter of a cursor page's server
/// time and four fifths of a backlinks request's (profiles in BENCHMARKS.md). Each takes its one parameter
/// <c>@p</c>; names come from the EF model. Built once per model.
/// </summary>
internal sealed class LookupStatements(ISqlDialect dialect)
{
    private (IModel Model, string KeyOfId, string Topic, string Provider, string Backlinks)? _built;

    /// <summary>The key (<c>Key</c>) of the article whose id is <c>@p</c>; no row when there is none.</summary>
    public string KeyOfId(IModel model) => Build(model).KeyOfId;

    /// <summary>One row when a topic has the slug <c>@p</c>.</summary>
    public string TopicExists(IModel model) => Build(model).Topic;

    /// <summary>One row when a provider has the domain <c>@p</c>.</summary>
    public string ProviderExists(IModel model) => Build(model).Provider;

    /// <summary>
    /// No row when no article has the id <c>@p</c>; else one row per backlink (<c>Key</c>), newest first then by id
    /// descending, and one row whose <c>Key</c> is NULL (somewhere among them) saying the article exists. Only the article its link resolves to (the
    /// smallest id among the articles sharing that link, as everywhere links resolve) has backlinks.
    /// </summary>
    public string Backlinks(IModel model) => Build(model).Backlinks;

    private (IModel Model, string KeyOfId, string Topic, string Provider, string Backlinks) Build(IModel model)
    {
        if (_built is { } built && ReferenceEquals(built.Model, model))
        {
            return built;
        }

        var n = new ModelNames(model);
        string Column(string property) => n.Column<Article>(property);
        var articles = n.Table<Article>();
        var statements = (
            model,
            $"SELECT {Column(nameof(Article.Key))} AS \"Key\" FROM {articles} WHERE {Column(nameof(Article.Id))} = @p",
            $"SELECT 1 AS \"Found\" FROM {n.Table<Topic>()} WHERE {n.Column<Topic>(nameof(Topic.Slug))} = @p",
            $"SELECT 1 AS \"Found\" FROM {n.Table<Model.Provider>()} WHERE {n.Column<Model.Provider>(nameof(Model.Provider.Domain))} = @p",
            BacklinksSql(n));
        _built = statements;
        return statements;
    }

    // The linking articles by an uncorrelated semi-join (the target by its id, the links by URL, the sources by key:
    // three index lookups on both engines; a subquery correlated to the target made PostgreSQL scan every article),
    // then one row with no key when the target exists, so that no row at all means no such article.
    private string BacklinksSql(ModelNames n)
    {
        string A(string alias, string property) => $"{alias}.{n.Column<Article>(property)}";
        var articles = n.Table<Article>();
        var resolvesHere = $"(SELECT {dialect.OrdinalMin(A("t", nameof(Article.Id)))} FROM {articles} t "
            + $"WHERE {A("t", nameof(Article.Link))} = {A("a", nameof(Article.Link))}) = {A("a", nameof(Article.Id))}";
        var sources = $"SELECT r.{n.Column<RelatedLink>(nameof(RelatedLink.ArticleKey))} FROM {n.Table<RelatedLink>()} r "
            + $"JOIN {articles} a ON r.{n.Column<RelatedLink>(nameof(RelatedLink.WebUrl))} = {A("a", nameof(Article.Link))} "
            + $"WHERE {A("a", nameof(Article.Id))} = @p AND {resolvesHere}";
        return $"""
            SELECT {A("s", nameof(Article.Key))} AS "Key", {A("s", nameof(Article.PublishedDateTime))} AS "Published", {A("s", nameof(Article.Id))} AS "Id"
            FROM {articles} s WHERE {A("s", nameof(Article.Key))} IN ({sources})
            UNION ALL
            SELECT NULL, NULL, NULL FROM {articles} a WHERE {A("a", nameof(Article.Id))} = @p
            ORDER BY "Published" DESC, "Id" DESC
            """;
    }
}
