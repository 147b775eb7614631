using System.Text.Json.Serialization;

namespace Paylink.Client;

/// <summary>One page of a list call.</summary>
/// <typeparam name="T">The listed object type.</typeparam>
public sealed class PagedList<T>
{
    /// <summary>How many objects match the filters, regardless of paging.</summary>
    public long Count { get; set; }

    /// <summary>The objects on this page, in the requested order.</summary>
    public List<T> List { get; set; } = [];

    /// <summary>True when more objects follow in the direction of the walk.</summary>
    public bool HasMore { get; set; }

    /// <summary>The page number and size that were used.</summary>
    public Paging Paging { get; set; } = new();
}

/// <summary>The paging parameters a list call used.</summary>
public sealed class Paging
{
    /// <summary>1-based page number (1 when a cursor was given).</summary>
    public int Page { get; set; } = 1;

    /// <summary>Items per page.</summary>
    [JsonPropertyName("pageSize")]
    public int PageSize { get; set; } = 20;
}
