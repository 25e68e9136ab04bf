using ArticleApi.Articles.Counting;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ArticleApi.Articles;

/// <summary>
/// An article page's <c>facets</c> is served from a dictionary, which the document would show as "any key". It holds
/// exactly the facets asked for, so the document names them: one optional list of counts per facet, a named schema.
/// </summary>
internal sealed class FacetDocumentation : ISchemaFilter
{
    public const string SchemaName = "FacetCounts";

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.Type != typeof(ArticlePage) || schema is not OpenApiSchema { Properties: { } properties } || !properties.ContainsKey("facets"))
        {
            return;
        }

        if (!context.SchemaRepository.Schemas.ContainsKey(SchemaName))
        {
            var counts = context.SchemaGenerator.GenerateSchema(typeof(IReadOnlyList<FacetValue>), context.SchemaRepository);
            context.SchemaRepository.AddDefinition(SchemaName, new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = $"Counts for each facet asked for in 'facets'. topic, provider, type, category: most frequent first, at most {FacetTally.TopValues} values each; "
                    + "published: true and false; quality and heat: ranges of ten ('0-9', '10-19', ...; heat's unknown is '-1'), lowest first; "
                    + $"month ('2025-06') and year ('2025'): UTC periods of publishedDateTime, newest first, the newest {FacetTally.NewestMonths} months and every year, undated articles left out.",
                Properties = ArticleQuery.FacetNames.ToDictionary(name => name, _ => counts, StringComparer.Ordinal),
                AdditionalPropertiesAllowed = false,
            });
        }

        properties["facets"] = new OpenApiSchemaReference(SchemaName);
    }
}
