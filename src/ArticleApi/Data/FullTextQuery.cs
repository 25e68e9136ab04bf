using System.Text;

namespace ArticleApi.Data;

/// <summary>One term of a search: a word, a quoted phrase, either of them as a prefix (<c>kube*</c>).</summary>
internal sealed record FullTextTerm(string Text, bool IsPhrase, bool IsPrefix);

/// <summary>
/// A user's search text read into terms that must all match, independent of any engine: words, "quoted phrases"
/// and prefix* terms. Operators and punctuation carry no meaning, so no input can make an engine's query syntax fail.
/// </summary>
internal sealed record FullTextQuery(IReadOnlyList<FullTextTerm> Terms)
{
    public const int MaxTerms = 16;

    /// <summary>Reads <paramref name="text"/>; null when it holds no letter or digit to search for.</summary>
    public static FullTextQuery? Parse(string text)
    {
        var terms = new List<FullTextTerm>();
        var index = 0;
        while (index < text.Length && terms.Count < MaxTerms)
        {
            if (char.IsWhiteSpace(text[index]))
            {
                index++;
                continue;
            }

            var isPhrase = text[index] == '"';
            var start = isPhrase ? index + 1 : index;
            var end = isPhrase ? text.IndexOf('"', start) : IndexOfWhiteSpace(text, start);
            end = end < 0 ? text.Length : end;
            var raw = text[start..end];
            index = end + 1;
            var isPrefix = raw.EndsWith('*');
            if (isPhrase && index < text.Length && text[index] == '*')
            {
                isPrefix = true;
                index++;
            }

            var clean = Clean(raw);
            if (clean.Length > 0)
            {
                terms.Add(new FullTextTerm(clean, isPhrase, isPrefix));
            }
        }

        return terms.Count > 0 ? new FullTextQuery(terms) : null;
    }

    private static int IndexOfWhiteSpace(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Letters and digits only, other characters becoming word breaks: what the index tokenises anyway.</summary>
    private static string Clean(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        foreach (var character in raw)
        {
            builder.Append(char.IsLetterOrDigit(character) ? character : ' ');
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
