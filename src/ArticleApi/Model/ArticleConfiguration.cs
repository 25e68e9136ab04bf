using ArticleApi.Topics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ArticleApi.Model;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    /// <summary>
    /// A generated column: <c>PublishedDateTime</c>, or <see cref="UndatedRecency"/> where it is NULL. Popularity sorts by
    /// heat then recency, and a key that is never NULL keeps undated articles last among their heat on both engines
    /// (SQLite sorts NULLs first, PostgreSQL last) with one index seek per page. Each engine's context gives its SQL.
    /// </summary>
    public const string RecencyColumn = "Recency";

    /// <summary>One millisecond before the earliest instant a <see cref="DateTimeOffset"/> holds: below every date.</summary>
    public const long UndatedRecency = -62135596800001;

    public static readonly string RecencySql = $"COALESCE(\"PublishedDateTime\", {UndatedRecency})";

    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.HasKey(a => a.Key);
        builder.Property(a => a.Id).IsRequired();
        builder.HasIndex(a => a.Id).IsUnique();
        builder.HasIndex(a => a.SourcePath).IsUnique();
        builder.HasIndex(a => a.Link);
        builder.HasIndex(a => a.WebUrl);

        // Every list sort is (column, Id): one index each makes the first page and every keyset page a seek.
        builder.HasIndex(a => new { a.PublishedDateTime, a.Id });
        builder.HasIndex(a => new { a.Quality, a.Id });
        builder.HasIndex(a => new { a.Heat, a.Id });
        // sort=popularity: heat, then recency, then id.
        builder.Property<long>(RecencyColumn);
        builder.HasIndex(nameof(Article.Heat), RecencyColumn, nameof(Article.Id));
        builder.HasIndex(a => new { a.Published, a.PublishedDateTime, a.Id });
        builder.HasIndex(a => new { a.ProviderDomain, a.PublishedDateTime, a.Id });
        // A provider's page sorted by heat or quality seeks here instead of sorting all of the provider's rows.
        builder.HasIndex(a => new { a.ProviderDomain, a.Heat, a.Id });
        builder.HasIndex(a => new { a.ProviderDomain, a.Quality, a.Id });
        builder.HasIndex(nameof(Article.ProviderDomain), nameof(Article.Heat), RecencyColumn, nameof(Article.Id));
        builder.HasIndex(a => new { a.Type, a.PublishedDateTime, a.Id });
        // A rare category drives its page (FilterSizes) instead of a walk of the whole sort index.
        builder.HasIndex(a => new { a.Category, a.PublishedDateTime, a.Id });

        builder.HasOne(a => a.Provider).WithMany().HasForeignKey(a => a.ProviderDomain).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsMany(a => a.Images, image => ConfigureImage(image, "ArticleImages"));
        builder.OwnsMany(a => a.ProviderImages, image => ConfigureImage(image, "ArticleProviderImages"));

        builder.HasMany(a => a.Topics).WithOne().HasForeignKey(t => t.ArticleKey).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Related).WithOne().HasForeignKey(r => r.ArticleKey).OnDelete(DeleteBehavior.Cascade);
    }

    internal static void ConfigureImage<TOwner>(OwnedNavigationBuilder<TOwner, Image> image, string table)
        where TOwner : class
    {
        image.ToTable(table);
        image.WithOwner().HasForeignKey("OwnerKey");
        image.HasKey("OwnerKey", nameof(Image.Position));
        image.Property(i => i.Position).ValueGeneratedNever();
    }
}
