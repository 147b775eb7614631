using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Paylink.Server.Features.Webhooks;

/// <summary>
/// Endpoint signing secrets (<c>whsec_</c> + base64 of 32 random bytes). The server must read them back
/// to sign, so they are encrypted at rest with Data Protection, whose key ring lives in the database
/// and is shared by every instance.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    public const string Prefix = "whsec_";
    private readonly IDataProtector _protector = provider.CreateProtector("Paylink.Webhooks.EndpointSecret.v1");

    public static string Generate() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
