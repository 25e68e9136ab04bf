using ArticleApi.Data;

namespace ArticleApi.Articles.Snippets;

/// <summary>
/// The terms of a search that a snippet marks: every term it looks for, not those it excludes (a NOT term is absent
/// from the rows it returns, where it was searched). Each term is its words folded (<see cref="TextTokens.Fold"/>);
/// a phrase's words must follow one another, and a prefix term's last word only begins a word of the text.
/// </summary>
internal sealed class SnippetTerms
{
    private readonly List<(string[] Words, bool IsPrefix)> _terms = [];

    public SnippetTerms(FullTextQuery query) => Collect(query.Root);

    /// <summary>How many terms there are: an instance's <c>Term</c> is below it.</summary>
    public int Count => _terms.Count;

    /// <summary>Every place in a text where a term occurs: its first word, how many words, and which term, in text order.</summary>
    public List<(int First, int Words, int Term)> Instances(string text, List<(int Start, int End)> tokens)
    {
        var instances = new List<(int First, int Words, int Term)>();
        var folded = new string?[tokens.Count];
        for (var first = 0; first < tokens.Count; first++)
        {
            for (var term = 0; term < _terms.Count; term++)
            {
                var (words, isPrefix) = _terms[term];
                if (first + words.Length <= tokens.Count && Matches(text, tokens, folded, first, words, isPrefix))
                {
                    instances.Add((first, words.Length, term));
                }
            }
        }

        return instances;
    }

    private static bool Matches(string text, List<(int Start, int End)> tokens, string?[] folded, int first, string[] words, bool isPrefix)
    {
        for (var i = 0; i < words.Length; i++)
        {
            var (start, end) = tokens[first + i];
            var token = text.AsSpan(start, end - start);
            var prefix = isPrefix && i == words.Length - 1;
            // ASCII words compare case-insensitively as they are; others once folded.
            var match = System.Text.Ascii.IsValid(token)
                ? prefix ? token.StartsWith(words[i], StringComparison.OrdinalIgnoreCase) : token.Equals(words[i], StringComparison.OrdinalIgnoreCase)
                : prefix ? (folded[first + i] ??= TextTokens.Fold(token)).StartsWith(words[i], StringComparison.Ordinal)
                : string.Equals(folded[first + i] ??= TextTokens.Fold(token), words[i], StringComparison.Ordinal);
            if (!match)
            {
                return false;
            }
        }

        return true;
    }

    private void Collect(SearchNode node)
    {
        switch (node)
        {
            case SearchTerm term:
                var words = term.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(word => TextTokens.Fold(word)).ToArray();
                if (words.Length > 0)
                {
                    _terms.Add((words, term.IsPrefix));
                }

                break;
            case SearchAnd all:
                foreach (var child in all.Included)
                {
                    Collect(child);
                }

                break;
            case SearchOr any:
                foreach (var child in any.Children)
                {
                    Collect(child);
                }

                break;
        }
    }
}
