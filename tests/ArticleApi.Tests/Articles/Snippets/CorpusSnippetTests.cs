using System.Text.RegularExpressions;
using ArticleApi.Data;
using ArticleApi.Data.Sqlite;
using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Articles.Snippets;

/// <summary>
/// Over the real corpus (when present beside the repository), on SQLite: the snippets the API builds are the ones
/// FTS5's own <c>snippet()</c> returns for the same rows and searches, which the API used before and which serves
/// here as the oracle. The one known difference: FTS5's Unicode tables are older than .NET's, so a symbol they do not
/// know (an emoji added since) counts there as a word and moves FTS5's window; only rows holding such a character
/// may differ.
/// </summary>
public sealed partial class CorpusSnippetTests
{
    [SkippableFact]
    public async Task SnippetsAreFts5sOwnForWordsPhrasesPrefixesAndEveryField()
    {
        Skip.IfNot(Directory.Exists(TestPaths.Corpus), "no corpus beside the repository");
        Skip.If(TestDatabase.IsPostgres, "FTS5's snippet() is the oracle: SQLite only");
        using var factory = new ArticleApiFactory(TestPaths.Corpus);
        using var client = factory.CreateClient();
        await factory.ImportAsync();
        using var connection = factory.OpenConnection();
        var titles = SampleRows.Articles(factory).Select(a => a.Title).OrderBy(t => t, StringComparer.Ordinal).ToList();
        // Every 40th title gives a word, a two-word phrase and a prefix: searches of every frequency.
        var searches = titles.Where((_, i) => i % 40 == 0).SelectMany(Searches).Distinct().ToList();

        var (compared, differing) = (0, new List<string>());
        foreach (var search in searches)
        {
            foreach (var searchIn in new[] { "title,excerpt", "title,excerpt,body", "body" })
            {
                var page = await client.GetJsonAsync($"/articles?q={Uri.EscapeDataString(search)}&searchIn={searchIn}&limit=100&fields=id,snippet");
                var query = FullTextQueryParser.Parse(search, out _)! with { Fields = Fields(searchIn) };
                var expected = Fts5Snippets(connection, SqliteFullTextSearch.ToMatch(query));
                foreach (var item in page.GetProperty("items").EnumerateArray())
                {
                    var id = item.GetProperty("id").GetString()!;
                    var (snippet, text) = expected[id];
                    compared++;
                    if (snippet != item.GetProperty("snippet").GetString())
                    {
                        differing.Add($"{search} in {searchIn}, {id}: FTS5 {snippet}");
                        Assert.True(text.EnumerateRunes().Any(r => r.Value > 0xFFFF), $"{search} in {searchIn}, {id}:\nFTS5 {snippet}\nAPI  {item.GetProperty("snippet")}");
                    }
                }
            }
        }

        Assert.True(compared > 2000, $"only {compared} snippets compared");
        Assert.True(differing.Count * 200 < compared, $"{differing.Count} of {compared} differ:\n{string.Join('\n', differing)}");
    }

    private static IEnumerable<string> Searches(string title)
    {
        var words = Word().Matches(title).Select(m => m.Value).Where(w => w.Length >= 4).ToList();
        if (words.Count == 0)
        {
            yield break;
        }

        yield return words[0];
        yield return words[0][..3] + "*";
        if (words.Count > 1)
        {
            yield return $"\"{words[0]} {words[1]}\"";
            yield return $"{words[^1]} OR {words[0]}";
        }
    }

    private static SearchFields Fields(string searchIn) => searchIn.Split(',').Aggregate((SearchFields)0, (fields, name) => fields | Enum.Parse<SearchFields>(name, ignoreCase: true));

    private static Dictionary<string, (string Snippet, string Text)> Fts5Snippets(System.Data.Common.DbConnection connection, string match)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT a."Id", snippet(ArticlesFts, -1, '<mark>', '</mark>', '…', 16), a."Title" || ' ' || coalesce(a."Excerpt", '') || ' ' || a."Body"
            FROM ArticlesFts JOIN "Articles" a ON a."Key" = ArticlesFts.rowid WHERE ArticlesFts MATCH $match
            """;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$match";
        parameter.Value = match;
        command.Parameters.Add(parameter);
        using var reader = command.ExecuteReader();
        var snippets = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        while (reader.Read())
        {
            snippets[reader.GetString(0)] = (reader.GetString(1), reader.GetString(2));
        }

        return snippets;
    }

    [GeneratedRegex(@"\p{L}[\p{L}\p{N}]*")]
    private static partial Regex Word();
}
