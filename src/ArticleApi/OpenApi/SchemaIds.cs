using ArticleApi.Http;

namespace ArticleApi.OpenApi;

/// <summary>
/// Schema names for the document: a type's own name, and for the generic envelopes the name of what they hold
/// (<c>Page&lt;TopicResponse&gt;</c> is <c>TopicPage</c>, <c>ItemList&lt;ArticleListItem&gt;</c> is <c>ArticleList</c>),
/// so generated clients get classes a person would have named.
/// </summary>
internal static class SchemaIds
{
    // Suffixes that say "one of these in a response": the envelope's name says it already.
    private static readonly string[] ItemSuffixes = ["Response", "ListItem"];

    public static string For(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var definition = type.GetGenericTypeDefinition();
        if (definition == typeof(Page<>))
        {
            return Subject(type) + "Page";
        }

        if (definition == typeof(ItemList<>))
        {
            return Subject(type) + "List";
        }

        // Swashbuckle's own rule for any other generic type: the arguments' names, then the type's.
        return string.Concat(type.GetGenericArguments().Select(For)) + type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
    }

    private static string Subject(Type envelope)
    {
        var name = For(envelope.GetGenericArguments()[0]);
        var suffix = ItemSuffixes.FirstOrDefault(s => name.EndsWith(s, StringComparison.Ordinal) && name.Length > s.Length);
        return suffix is null ? name : name[..^suffix.Length];
    }
}
