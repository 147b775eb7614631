namespace Paylink.Data.Entities;

/// <summary>A running count of one resource under one common filter (mode, mode + active), updated in the writer's transaction.</summary>
public sealed class ListCounter
{
    public required string Key { get; set; }
    public long Count { get; set; }
}
