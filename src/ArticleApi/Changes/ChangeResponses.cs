namespace ArticleApi.Changes;

/// <summary>
/// One change to the collection: <c>kind</c> is <c>added</c>, <c>updated</c> or <c>deleted</c>; <c>dataVersion</c> the
/// version the write moved the data to (as in ETags and <c>/import/status</c>); <c>changedAt</c> when its import pass started.
/// </summary>
internal sealed record ChangeResponse(string Id, string Kind, long DataVersion, DateTimeOffset ChangedAt);

/// <summary>
/// A page of changes in the order they were made. <c>token</c> is the position after this page: keep it and ask
/// <c>/changes?since=token</c> later. <c>next</c> is that URL; <c>more</c> is true when it already has changes waiting.
/// </summary>
internal sealed record ChangePage(IReadOnlyList<ChangeResponse> Items, string Token, string Next, bool More);
