namespace Paylink.Server.Infrastructure.Auth;

/// <summary>Who is calling the API and in which mode; set by <see cref="ApiAuthentication"/> for every /api request.</summary>
public sealed class Caller
{
    public bool Livemode { get; set; }

    /// <summary>Identifies the credential (an API key's id, or a trusted caller's public key); idempotency keys are scoped by it.</summary>
    public string Scope { get; set; } = "";

    /// <summary>
    /// For a signed request, the hash of what was signed (method, path, query, body, iat, exp); null for a
    /// secret key. Whatever bytes carry it, a request with the same signed message is the same request.
    /// </summary>
    public string? SignedMessage { get; set; }

    public string ModeName => Livemode ? "live" : "test";
}
