namespace Paylink.Data.Entities;

public sealed class IdempotencyRecord
{
    /// <summary>The credential that sent the request; keys are scoped per credential.</summary>
    public required string Scope { get; set; }
    public required string Key { get; set; }
    public required string RequestHash { get; set; }

    /// <summary>Null while the first request is still running.</summary>
    public int? StatusCode { get; set; }
    public string? ResponseBody { get; set; }

    /// <summary>Until when an unfinished request holds the key.</summary>
    public DateTime LockedUntil { get; set; }
    public DateTime CreatedAt { get; set; }
}
