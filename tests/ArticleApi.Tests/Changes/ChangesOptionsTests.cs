using ArticleApi.Changes;

namespace ArticleApi.Tests.Changes;

public sealed class ChangesOptionsTests
{
    [Theory]
    [InlineData("30.00:00:00", "30 days")]
    [InlineData("1.00:00:00", "1 day")]
    [InlineData("1.12:00:00", "1.5 days")]
    [InlineData("3650.00:00:00", "3650 days")]
    [InlineData("01:00:00", "1 hour")]
    [InlineData("01:30:00", "1.5 hours")]
    [InlineData("23:59:00", "23.98 hours")]
    [InlineData("00:01:00", "1 minute")]
    [InlineData("00:45:00", "45 minutes")]
    public void ARetentionIsDescribedInTheLargestWholeUnit(string retention, string expected) =>
        Assert.Equal(expected, ChangesOptions.Describe(TimeSpan.Parse(retention, System.Globalization.CultureInfo.InvariantCulture)));
}
