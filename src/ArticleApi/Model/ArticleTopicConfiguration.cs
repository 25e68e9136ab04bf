using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ArticleApi.Model;

internal sealed class ArticleTopicConfiguration : IEntityTypeConfiguration<ArticleTopic>
{
    public void Configure(EntityTypeBuilder<ArticleTopic> builder)
    {
        builder.HasKey(t => new { t.ArticleKey, t.TopicId });
        // Topic filters start from the topic: (TopicId, ArticleKey) finds its articles without touching the rest.
        builder.HasIndex(t => new { t.TopicId, t.ArticleKey });
        builder.HasOne(t => t.Topic).WithMany().HasForeignKey(t => t.TopicId).OnDelete(DeleteBehavior.Restrict);
    }
}
