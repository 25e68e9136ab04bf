using Microsoft.AspNetCore.Http.HttpResults;

namespace ArticleApi.Http;

/// <summary>The one shape of a 404: what was looked for, by which key, and the value nobody has.</summary>
internal static class Problems
{
    /// <summary>For example <c>NotFound("Topic", "slug", "k8s")</c>: "Topic not found", "No topic has the slug 'k8s'."</summary>
    public static ProblemHttpResult NotFound(string resource, string key, string value) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{resource} not found",
            detail: $"No {resource.ToLowerInvariant()} has the {key} '{value}'.");
}
