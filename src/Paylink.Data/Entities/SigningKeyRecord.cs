namespace Paylink.Data.Entities;

/// <summary>
/// A server-side secret for signing what the server hands out and later reads back (the payment page's
/// form and anti-forgery tokens), one per purpose, shared by every instance on the database. Kept
/// encrypted with Data Protection, never in the clear.
/// </summary>
public sealed class SigningKeyRecord
{
    public required string Purpose { get; set; }
    public required string ProtectedKey { get; set; }
    public DateTime CreatedAt { get; set; }
}
