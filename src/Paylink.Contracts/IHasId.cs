namespace Paylink.Client;

/// <summary>An object with an id, which list cursors (<c>starting_after</c>, <c>ending_before</c>) refer to.</summary>
public interface IHasId
{
    /// <summary>The object's id.</summary>
    string Id { get; }
}
