namespace ArticleApi.Import.Writing;

/// <summary>What one committed batch did to the articles: counted only after its transaction committed.</summary>
internal readonly record struct BatchCounts(int Added, int Updated, int Renamed);
