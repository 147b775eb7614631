namespace Paylink.Client;

/// <summary>What a delete call returns.</summary>
public sealed class DeletedObject
{
    /// <summary>The deleted object's id.</summary>
    public string Id { get; set; } = "";

    /// <summary>The deleted object's type name.</summary>
    public string Object { get; set; } = "";

    /// <summary>Always true.</summary>
    public bool Deleted { get; set; }
}
