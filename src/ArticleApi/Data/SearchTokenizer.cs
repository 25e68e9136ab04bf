namespace ArticleApi.Data;

/// <summary>The tokens of a search, for <see cref="FullTextQueryParser"/>.</summary>
internal static class SearchTokenizer
{
    /// <summary>Splits into "(", ")", "-", "quoted phrases"[*] and words; a '-' counts as NOT only at the start of a word.</summary>
    public static List<string> Split(string text)
    {
        var tokens = new List<string>();
        var index = 0;
        while (index < text.Length)
        {
            var character = text[index];
            if (char.IsWhiteSpace(character))
            {
                index++;
            }
            else if (character is '(' or ')')
            {
                tokens.Add(character.ToString());
                index++;
            }
            else if (character == '-' && index + 1 < text.Length && !char.IsWhiteSpace(text[index + 1]) && text[index + 1] != '-')
            {
                tokens.Add("-");
                index++;
            }
            else if (character == '"')
            {
                var close = text.IndexOf('"', index + 1);
                var end = close < 0 ? text.Length : close + 1;
                while (end < text.Length && text[end] == '*')
                {
                    end++;
                }

                tokens.Add(text[index..end]);
                index = end;
            }
            else
            {
                var start = index;
                while (index < text.Length && !char.IsWhiteSpace(text[index]) && text[index] is not ('(' or ')' or '"'))
                {
                    index++;
                }

                tokens.Add(text[start..index]);
            }
        }

        return tokens;
    }
}
