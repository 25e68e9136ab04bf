using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ArticleApi.Model;

internal sealed class ArticleChangeConfiguration : IEntityTypeConfiguration<ArticleChange>
{
    public void Configure(EntityTypeBuilder<ArticleChange> builder)
    {
        builder.HasKey(c => c.Seq);
        builder.Property(c => c.Seq).ValueGeneratedOnAdd();
        // A replace is a deletion and an insertion of one id in one data version: the feed pairs them through this index.
        builder.HasIndex(c => new { c.ArticleId, c.DataVersion });
        // Pruning by age.
        builder.HasIndex(c => c.ChangedAt);
        // The rows a write has not stamped yet (a handful, inside its transaction).
        builder.HasIndex(c => c.Seq).HasFilter("\"DataVersion\" IS NULL").HasDatabaseName("IX_ArticleChanges_Unstamped");
    }
}
