using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace Paylink.Server.Features.Checkout.Pages;

/// <summary>
/// The signed, single-use token of a rendered link form: which link, which version of it, and a nonce
/// that becomes the unique key of the session its submit makes. Signed with Data Protection (keys in
/// the database, so any instance can read a token another rendered); valid for a day.
/// </summary>
public sealed class FormTokens(IDataProtectionProvider provider)
{
    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("Paylink.Checkout.FormToken").ToTimeLimitedDataProtector();

    public sealed record Token(string LinkId, int Version, string Nonce);

    public string Issue(string linkId, int version) =>
        _protector.Protect($"{linkId}|{version.ToString(CultureInfo.InvariantCulture)}|{Infrastructure.Ids.New("ft")}", TimeSpan.FromDays(1));

    public Token? Read(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(text).Split('|');
            return parts.Length == 3 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                ? new Token(parts[0], version, parts[2])
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
