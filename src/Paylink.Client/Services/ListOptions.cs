using System.Globalization;

namespace Paylink.Client;

/// <summary>The paging and order parameters every list call takes; each resource adds its filters.</summary>
public class ListOptions
{
    /// <summary>1-based page number (default 1); ignored with a cursor.</summary>
    public int? Page { get; set; }

    /// <summary>Items per page, 1–100 (default 20).</summary>
    public int? PageSize { get; set; }

    /// <summary>
    /// The sort, as <c>field:direction</c>: <c>created_at:DESC</c> (the default), <c>updated_at:ASC</c>,
    /// <c>name:ASC</c> where the object has a name. Ties are broken by id.
    /// </summary>
    public string? Order { get; set; }

    /// <summary>A cursor: list the objects after this id in the chosen order.</summary>
    public string? StartingAfter { get; set; }

    /// <summary>A cursor: list the objects before this id in the chosen order (still returned in that order).</summary>
    public string? EndingBefore { get; set; }

    /// <summary>Adds the resource's own filters to the query.</summary>
    private protected virtual void AddFilters(List<KeyValuePair<string, string>> query)
    {
    }

    internal List<KeyValuePair<string, string>> ToQuery()
    {
        var query = new List<KeyValuePair<string, string>>();
        Add(query, "page", Page);
        Add(query, "pageSize", PageSize);
        Add(query, "order", Order);
        Add(query, "starting_after", StartingAfter);
        Add(query, "ending_before", EndingBefore);
        AddFilters(query);
        return query;
    }

    /// <summary>A copy at another cursor, so walking the pages never changes the caller's options.</summary>
    internal ListOptions AtCursor(string? startingAfter, string? endingBefore)
    {
        var copy = (ListOptions)MemberwiseClone();
        copy.StartingAfter = startingAfter;
        copy.EndingBefore = endingBefore;
        return copy;
    }

    private protected static void Add(List<KeyValuePair<string, string>> query, string name, string? value)
    {
        if (value is not null)
        {
            query.Add(new(name, value));
        }
    }

    private protected static void Add(List<KeyValuePair<string, string>> query, string name, int? value) =>
        Add(query, name, value?.ToString(CultureInfo.InvariantCulture));

    private protected static void Add(List<KeyValuePair<string, string>> query, string name, bool? value) =>
        Add(query, name, value is { } b ? (b ? "true" : "false") : null);
}
