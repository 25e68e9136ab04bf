using System.Text;

namespace ArticleApi.Data;

/// <summary>
/// The search syntax news APIs' users write, read by recursive descent with bounded depth:
/// <code>
/// query   = or
/// or      = and { "OR" and }
/// and     = unary { ["AND"] unary }        terms side by side must all match
/// unary   = ("NOT" | "-") unary | primary  an exclusion, beside something to match
/// primary = "(" or ")" | '"' words '"' ["*"] | word ["*"]
/// </code>
/// OR, AND and NOT are operators in upper case only ("or" is a word). Characters other than letters and digits break
/// words, and a word of none (<c>&amp;</c>, <c>***</c>) is ignored, so stray punctuation never fails a search; what
/// cannot be read as written (an unclosed parenthesis or quote, an operator without its term, only exclusions) is an
/// error that says where.
/// </summary>
internal sealed class FullTextQueryParser
{
    public const int MaxTerms = 16;
    public const int MaxDepth = 8;

    private readonly List<string> _tokens;
    private int _position;
    private int _terms;

    private FullTextQueryParser(List<string> tokens) => _tokens = tokens;

    /// <summary>Reads <paramref name="text"/>; on failure <paramref name="error"/> says why, as the tail of a sentence about <c>q</c>.</summary>
    public static FullTextQuery? Parse(string text, out string? error)
    {
        error = null;
        try
        {
            var parser = new FullTextQueryParser(SearchTokenizer.Split(text));
            if (parser._tokens.Count == 0)
            {
                throw new SearchSyntaxException("has no word to search for: use letters or digits, \"a phrase\" or a prefix*.");
            }

            var root = parser.ReadOr(0);
            if (parser._position < parser._tokens.Count)
            {
                throw new SearchSyntaxException($"has a ')' without its '(' (at token {parser._position + 1}).");
            }

            if (root is null)
            {
                throw new SearchSyntaxException("has no word to search for: use letters or digits, \"a phrase\" or a prefix*.");
            }

            Validate(root);
            return new FullTextQuery(root);
        }
        catch (SearchSyntaxException exception)
        {
            error = exception.Message;
            return null;
        }
    }

    private SearchNode? ReadOr(int depth)
    {
        var children = new List<SearchNode>();
        while (true)
        {
            var and = ReadAnd(depth);
            if (Peek() == "OR")
            {
                _position++;
                if (and is null || AtGroupEnd())
                {
                    throw new SearchSyntaxException("has an OR without a term on each side.");
                }
            }
            else
            {
                Add(children, and);
                break;
            }

            Add(children, and);
        }

        return children.Count switch { 0 => null, 1 => children[0], _ => new SearchOr(children) };
    }

    private SearchNode? ReadAnd(int depth)
    {
        var children = new List<SearchNode>();
        while (!AtGroupEnd() && Peek() != "OR")
        {
            if (Peek() == "AND")
            {
                _position++;
                if (children.Count == 0 || AtGroupEnd() || Peek() is "OR" or "AND")
                {
                    throw new SearchSyntaxException("has an AND without a term on each side.");
                }

                continue;
            }

            var node = ReadUnary(depth);
            if (node is SearchAnd all)
            {
                children.AddRange(all.Children);
            }
            else if (node is not null)
            {
                children.Add(node);
            }
        }

        return children.Count switch { 0 => null, 1 => children[0], _ => new SearchAnd(children) };
    }

    private SearchNode? ReadUnary(int depth)
    {
        var token = Peek()!;
        if (token is "NOT" or "-")
        {
            _position++;
            if (AtGroupEnd() || Peek() is "OR" or "AND")
            {
                throw new SearchSyntaxException($"has a {(token == "-" ? "'-'" : "NOT")} without the term it excludes.");
            }

            var child = ReadUnary(depth);
            return child switch
            {
                null => null,
                SearchNot not => not.Child,
                _ => new SearchNot(child),
            };
        }

        if (token == "(")
        {
            if (depth >= MaxDepth)
            {
                throw new SearchSyntaxException($"nests parentheses deeper than {MaxDepth} levels.");
            }

            _position++;
            var inner = ReadOr(depth + 1);
            if (Peek() != ")")
            {
                throw new SearchSyntaxException("has a '(' without its ')'.");
            }

            _position++;
            return inner;
        }

        _position++;
        var isPhrase = token.StartsWith('"');
        if (isPhrase && (token.Length < 2 || !token.TrimEnd('*').EndsWith('"') || token.TrimEnd('*').Length < 2))
        {
            throw new SearchSyntaxException("has a '\"' without its closing '\"'.");
        }

        var isPrefix = token.EndsWith('*');
        var raw = isPhrase ? token.TrimEnd('*')[1..^1] : token;
        var clean = Clean(raw);
        if (clean.Length == 0)
        {
            return null;
        }

        if (++_terms > MaxTerms)
        {
            throw new SearchSyntaxException($"has more than {MaxTerms} terms.");
        }

        return new SearchTerm(clean, isPhrase, isPrefix);
    }

    /// <summary>An exclusion needs something to exclude from: it stands beside a term to match, never alone or as a side of OR.</summary>
    private static void Validate(SearchNode node)
    {
        switch (node)
        {
            case SearchNot:
            case SearchAnd all when !all.Included.Any():
                throw new SearchSyntaxException("only excludes: add a word to match beside NOT or -word.");
            case SearchOr any when any.Children.Any(child => child is SearchNot || child is SearchAnd { Included: var included } && !included.Any()):
                throw new SearchSyntaxException("has an exclusion as one side of OR: NOT and -word exclude from what the terms beside them match.");
        }

        var children = node switch
        {
            SearchAnd all => all.Included.Concat(all.Excluded),
            SearchOr any => any.Children,
            _ => [],
        };
        foreach (var child in children)
        {
            Validate(child);
        }
    }

    private string? Peek() => _position < _tokens.Count ? _tokens[_position] : null;

    private bool AtGroupEnd() => _position >= _tokens.Count || _tokens[_position] == ")";

    private static void Add(List<SearchNode> children, SearchNode? node)
    {
        if (node is SearchOr any)
        {
            children.AddRange(any.Children);
        }
        else if (node is not null)
        {
            children.Add(node);
        }
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

    private sealed class SearchSyntaxException(string message) : Exception(message);
}
