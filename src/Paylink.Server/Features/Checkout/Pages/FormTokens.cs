using System.Globalization;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Checkout.Pages;

/// <summary>
/// The signed, single-use token of a rendered link form: which link, which version of it, and a nonce
/// that becomes the unique key of the session its submit makes; valid for a day. Written as
/// <c>link.version.nonce.expires.signature</c> (ids hold no dots), signed by <see cref="PageSigner"/>,
/// so any instance can read a token another rendered.
/// </summary>
public sealed class FormTokens(PageSigner signer, TimeProvider time)
{
    private const string Use = "form";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    public sealed record Token(string LinkId, int Version, string Nonce);

    public string Issue(string linkId, int version)
    {
        var expires = (time.GetUtcNow() + Lifetime).ToUnixTimeSeconds();
        var body = string.Create(CultureInfo.InvariantCulture, $"{linkId}.{version}.{Ids.New("ft")}.{expires}");
        return body + "." + signer.Sign(Use, body);
    }

    public Token? Read(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 300)
        {
            return null;
        }

        var cut = text.LastIndexOf('.');
        if (cut < 0 || !signer.Verify(Use, text[..cut], text.AsSpan(cut + 1)))
        {
            return null;
        }

        var parts = text[..cut].Split('.');
        return parts.Length == 4
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            && long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            && time.GetUtcNow().ToUnixTimeSeconds() < expires
                ? new Token(parts[0], version, parts[2])
                : null;
    }
}
