using System.Text;
using ArticleApi.Data;

namespace ArticleApi.Articles.Snippets;

/// <summary>
/// The <c>snippet</c> of a search hit, built in the process from the row the page reads anyway: a window of at most
/// <see cref="Words"/> words of the searched field where the terms are, each occurrence between &lt;mark&gt; and
/// &lt;/mark&gt;, with "…" where the field goes on. FTS5's <c>snippet()</c> did this in the database and cost most of a
/// search page (it found each row again in the word's posting list); this is the same rule on both engines.
/// </summary>
internal static class SearchSnippet
{
    /// <summary>The most words a snippet shows.</summary>
    public const int Words = 16;

    private const string Ellipsis = "…";

    /// <summary>
    /// The snippet of a row for <paramref name="terms"/> among the fields <paramref name="fields"/> names: the field whose
    /// best window holds the most different terms, then the most occurrences (the title on a tie, then the excerpt, then
    /// the body). A row where no term is found (an engine that folds a letter differently) gets its excerpt's first
    /// words, or its title's, unmarked.
    /// </summary>
    public static string Build(SnippetTerms terms, SearchFields fields, string title, string? excerpt, string? body)
    {
        Candidate? best = null;
        foreach (var (field, text) in new[] { (SearchFields.Title, title), (SearchFields.Excerpt, excerpt), (SearchFields.Body, body) })
        {
            if (fields.HasFlag(field) && !string.IsNullOrEmpty(text) && Best(terms, text) is { } candidate && (best is null || candidate.Score > best.Score))
            {
                best = candidate;
            }
        }

        if (best is null)
        {
            var text = string.IsNullOrEmpty(excerpt) ? title : excerpt;
            var tokens = TextTokens.Of(text);
            return Render(text, tokens, [], 0, Math.Min(Words, tokens.Count));
        }

        return Render(best.Text, best.Tokens, best.Instances, best.Start, Math.Min(best.Start + Words, best.Tokens.Count));
    }

    /// <summary>A field's best window, or null when no term occurs in it.</summary>
    private static Candidate? Best(SnippetTerms terms, string text)
    {
        var tokens = TextTokens.Of(text);
        var instances = terms.Instances(text, tokens);
        if (instances.Count == 0)
        {
            return null;
        }

        if (tokens.Count <= Words)
        {
            return new Candidate(text, tokens, instances, 0, Score(terms, instances, 0, tokens.Count));
        }

        // FTS5's choice: for each occurrence in turn, the window of the words from it on, centred on the occurrences it
        // holds; then the window from the start of the sentence it is in, when that starts before it, with a bonus (a
        // snippet reads better from a sentence's start, most of all the field's). A later window wins only when better.
        var (start, score) = (0, -1);
        var (sentence, scanned) = (0, 0);
        foreach (var instance in instances)
        {
            var atInstance = Score(terms, instances, instance.First, instance.First + Words);
            if (atInstance > score)
            {
                (start, score) = (Centred(instances, instance.First, tokens.Count), atInstance);
            }

            for (; scanned < instance.First; scanned++)
            {
                sentence = StartsSentence(text, tokens, scanned + 1) ? scanned + 1 : sentence;
            }

            var fromSentence = Score(terms, instances, sentence, sentence + Words) + (sentence == 0 ? 120 : 100);
            if (sentence < instance.First && fromSentence > score)
            {
                (start, score) = (sentence, fromSentence);
            }
        }

        return new Candidate(text, tokens, instances, start, score);
    }

    /// <summary>1,000 for each different term with an occurrence starting in [from, to), 1 for each further occurrence.</summary>
    private static int Score(SnippetTerms terms, List<(int First, int Words, int Term)> instances, int from, int to)
    {
        var seen = new bool[terms.Count];
        var score = 0;
        foreach (var (first, words, term) in instances)
        {
            if (first >= from && first < to)
            {
                score += seen[term] ? 1 : 1000;
                seen[term] = true;
            }
        }

        return score;
    }

    /// <summary>
    /// The start of a window with as many words before than after the occurrences starting in the <see cref="Words"/>
    /// words from <paramref name="first"/> (up to the end of the last of them).
    /// </summary>
    private static int Centred(List<(int First, int Words, int Term)> instances, int first, int tokenCount)
    {
        var end = first;
        foreach (var instance in instances)
        {
            if (instance.First >= first && instance.First < first + Words)
            {
                end = instance.First + instance.Words;
            }
        }

        var start = first - (Words - (end - first)) / 2;
        return Math.Clamp(start, 0, tokenCount - Words);
    }

    /// <summary>Whether a sentence starts at <paramref name="token"/>: white space before it, and before that a '.' or ':' (FTS5's rule).</summary>
    private static bool StartsSentence(string text, List<(int Start, int End)> tokens, int token)
    {
        var gap = text.AsSpan(tokens[token - 1].End, tokens[token].Start - tokens[token - 1].End);
        var before = gap.TrimEnd(" \t\n\r");
        return before.Length < gap.Length && before.Length > 0 && before[^1] is '.' or ':';
    }

    /// <summary>Words [<paramref name="from"/>, <paramref name="to"/>) with their occurrences marked; the field's own text before the first word and after the last when they are its ends.</summary>
    private static string Render(string text, List<(int Start, int End)> tokens, List<(int First, int Words, int Term)> instances, int from, int to)
    {
        if (tokens.Count == 0)
        {
            return text;
        }

        // The last word each word's mark runs to (-1: unmarked): an occurrence cut by the window is marked up to its edge.
        var markedTo = new int[to - from];
        Array.Fill(markedTo, -1);
        foreach (var (first, words, _) in instances)
        {
            for (var token = Math.Max(first, from); token < Math.Min(first + words, to); token++)
            {
                markedTo[token - from] = Math.Max(markedTo[token - from], Math.Min(first + words, to) - 1);
            }
        }

        var builder = new StringBuilder(text.Length + 32);
        builder.Append(from > 0 ? Ellipsis : text.AsSpan(0, tokens[0].Start));
        var markEnd = -1;
        for (var token = from; token < to; token++)
        {
            if (token > from)
            {
                builder.Append(text.AsSpan(tokens[token - 1].End, tokens[token].Start - tokens[token - 1].End));
            }

            if (markEnd < token && markedTo[token - from] >= token)
            {
                builder.Append("<mark>");
                markEnd = markedTo[token - from];
            }

            builder.Append(text.AsSpan(tokens[token].Start, tokens[token].End - tokens[token].Start));
            // A mark runs on through the words of overlapping occurrences.
            markEnd = markEnd >= token && markedTo[token - from] > markEnd ? markedTo[token - from] : markEnd;
            if (markEnd == token)
            {
                builder.Append("</mark>");
            }
        }

        builder.Append(to < tokens.Count ? Ellipsis : text.AsSpan(tokens[^1].End));
        return builder.ToString();
    }

    private sealed record Candidate(string Text, List<(int Start, int End)> Tokens, List<(int First, int Words, int Term)> Instances, int Start, int Score);
}
