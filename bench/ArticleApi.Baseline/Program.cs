// The ceiling a query can approach on this machine: Kestrel serving a pre-rendered JSON body, no database, no
// serialisation. The query benchmark runs it in the same session as the API so the figures compare.
// GET /page?bytes=N returns N bytes of JSON (default 18,000, about one page of 20 articles).
using System.Text;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var bodies = new System.Collections.Concurrent.ConcurrentDictionary<int, byte[]>();
app.MapGet("/page", (int? bytes) =>
{
    var body = bodies.GetOrAdd(Math.Clamp(bytes ?? 18_000, 16, 1_000_000), Render);
    return Results.Bytes(body, "application/json");
});
app.Run();

static byte[] Render(int size)
{
    var text = new StringBuilder("{\"items\":[");
    while (text.Length < size - 40)
    {
        text.Append("{\"id\":\"article-0000001\",\"title\":\"Pre-rendered\"},");
    }

    text.Length--;
    text.Append("],\"next\":null}");
    return Encoding.UTF8.GetBytes(text.ToString());
}
