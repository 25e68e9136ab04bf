namespace ArticleApi.Articles.Counting;

/// <summary>A facet count; <c>value</c> is what the matching filter parameter takes (slug, domain, true/false, type).</summary>
internal sealed record FacetValue(string Value, int Count);
