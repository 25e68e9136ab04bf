using ArticleApi.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ArticleApi.Model;

internal sealed class RelatedLinkConfiguration : IEntityTypeConfiguration<RelatedLink>
{
    public void Configure(EntityTypeBuilder<RelatedLink> builder)
    {
        builder.HasIndex(r => new { r.ArticleKey, r.Position }).IsUnique();
        // Backlinks and resolution join on the target's URL.
        builder.HasIndex(r => r.WebUrl);
        builder.HasIndex(r => new { r.ProviderDomain, r.Id });
        builder.OwnsMany(r => r.Images, image => ArticleConfiguration.ConfigureImage(image, "RelatedLinkImages"));
    }
}
