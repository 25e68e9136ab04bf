namespace ArticleApi.Model;

/// <summary>A publisher, identified by domain; its name and logo are those of the most recently imported file that names it.</summary>
internal sealed class Provider
{
    public required string Domain { get; set; }

    public required string Name { get; set; }

    public string? LogoUrl { get; set; }

    public int? LogoWidth { get; set; }

    public int? LogoHeight { get; set; }
}
