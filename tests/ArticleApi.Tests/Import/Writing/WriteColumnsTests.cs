using ArticleApi.Import.Reading;
using ArticleApi.Import.Writing;
using ArticleApi.Model;
using ArticleApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Import.Writing;

/// <summary>The importer's hand-written column lists against the EF model: a column the model gains must be written too, unless the engine generates it.</summary>
public sealed class WriteColumnsTests(SampleApiFixture fixture) : IClassFixture<SampleApiFixture>
{
    public static TheoryData<string, string[]> Tables => new()
    {
        { WriteColumns.ArticlesTable, [.. WriteColumns.Articles] },
        { WriteColumns.RelatedLinksTable, [.. WriteColumns.RelatedLinks] },
        { WriteColumns.TopicsTable, [.. WriteColumns.Topics] },
        { WriteColumns.ArticleTopicsTable, [.. WriteColumns.ArticleTopics] },
        { WriteColumns.ProvidersTable, [.. WriteColumns.Providers] },
        { WriteColumns.ArticleImagesTable, [.. WriteColumns.Images] },
        { WriteColumns.ProviderImagesTable, [.. WriteColumns.Images] },
        { WriteColumns.RelatedLinkImagesTable, [.. WriteColumns.Images] },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void EveryColumnOfTheModelIsWrittenAndNoOther(string table, string[] written)
    {
        using var scope = fixture.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<ArticleDbContext>().Model;

        var columns = model.GetEntityTypes()
            .Where(entity => entity.GetTableName() == table)
            // A generated column (Articles.Recency) is the engine's to write.
            .SelectMany(entity => entity.GetProperties().Where(property => property.GetComputedColumnSql() is null).Select(property => property.GetColumnName(StoreObjectIdentifier.Table(table, entity.GetSchema()))))
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.Equal(columns, written.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("AI", "AI", null)]
    [InlineData("ai", "AI", "ai")]
    public void ATopicLinkKeepsOnlyASpellingOtherThanTheCanonicalName(string written, string canonical, string? kept)
    {
        Assert.Equal(kept, SharedRows.TopicNameAsWritten(written, canonical));
    }

    [Fact]
    public void AProviderTakesWhatTheLastFileSaysFallingBackToWhatItHad()
    {
        var first = SharedRows.ProviderAfter(null, "example.org", null, null, null, null);
        var named = SharedRows.ProviderAfter(first, "example.org", "Example", "https://example.org/logo.png", 50, 40);
        var silent = SharedRows.ProviderAfter(named, "example.org", " ", null, null, null);
        var renamed = SharedRows.ProviderAfter(silent, "example.org", "Example Inc.", null, null, null);

        Assert.Equal(new ProviderRow("example.org", null, null, null), first);
        Assert.Equal(new ProviderRow("Example", "https://example.org/logo.png", 50, 40), named);
        Assert.Equal(named, silent);
        Assert.Equal(new ProviderRow("Example Inc.", "https://example.org/logo.png", 50, 40), renamed);
    }
}
