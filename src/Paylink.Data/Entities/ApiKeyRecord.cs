namespace Paylink.Data.Entities;

/// <summary>A secret API key, kept only as its SHA-256 hash (and, for a generated test key, encrypted so it can be printed at start).</summary>
public sealed class ApiKeyRecord
{
    public required string Id { get; set; }
    public bool Livemode { get; set; }
    public required string KeyHash { get; set; }
    public string? ProtectedKey { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
