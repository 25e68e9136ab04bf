using ArticleApi.Model;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ArticleApi.Data;

/// <summary>
/// The small lookups of the read path, written by hand and run prepared like <see cref="ArticleRowStatements"/>: the
/// key of the article a cursor stands on, whether a scoped list's topic or provider exists, and an article's backlinks.
/// Through EF each cost a query-cache key, a command and a prepare per request: a quarter of a cursor page's server
/// time and three quarters of a backlinks request's (profiles in BENCHMARKS.md). Each takes its one parameter
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
    /// descending, or one row whose <c>Key</c> is NULL when it has none. Only the article its link resolves to (the
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

    private string BacklinksSql(ModelNames n)
    {
        string A(string alias, string property) => $"{alias}.{n.Column<Article>(property)}";
        var resolvesHere = $"(SELECT {dialect.OrdinalMin(A("t", nameof(Article.Id)))} FROM {n.Table<Article>()} t "
            + $"WHERE {A("t", nameof(Article.Link))} = {A("a", nameof(Article.Link))}) = {A("a", nameof(Article.Id))}";
        var sources = $"SELECT r.{n.Column<RelatedLink>(nameof(RelatedLink.ArticleKey))} FROM {n.Table<RelatedLink>()} r "
            + $"WHERE r.{n.Column<RelatedLink>(nameof(RelatedLink.WebUrl))} = {A("a", nameof(Article.Link))}";
        return $"""
            SELECT {A("s", nameof(Article.Key))} AS "Key"
            FROM {n.Table<Article>()} a
            LEFT JOIN {n.Table<Article>()} s ON {A("a", nameof(Article.Link))} IS NOT NULL AND {resolvesHere}
                AND {A("s", nameof(Article.Key))} IN ({sources})
            WHERE {A("a", nameof(Article.Id))} = @p
            ORDER BY {A("s", nameof(Article.PublishedDateTime))} DESC, {A("s", nameof(Article.Id))} DESC
            """;
    }
}
